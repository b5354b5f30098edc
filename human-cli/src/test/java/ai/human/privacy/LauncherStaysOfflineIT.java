package ai.human.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 for the {@code human} tool: once {@code target/human.jar} is built, an ordinary {@code bin/human detect
 * --sample 1} runs no build tool and makes no connection that leaves this machine. It runs in {@link NetworkSandbox}
 * with the user's {@code PATH} (Maven on it, if installed) and without DJL's privacy variables, which the launcher
 * sets itself.
 */
class LauncherStaysOfflineIT {
    private static final List<String> BUILD_TOOLS = List.of("mvn", "mvnw", "mvnDebug", "gradle", "gradlew");

    @Test
    void launcherDetectsTheSampleWithoutBuildToolOrNetwork(@TempDir Path dir) throws Exception {
        Path launcher = Path.of(System.getProperty("human.cli.launcher", "../bin/human")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("human.cli.jar", "target/human.jar"));
        assertThat(jar).as("the launcher is checked on a built jar; run mvn package first").isRegularFile();
        Path json = dir.resolve("sample1.json");

        NetworkSandbox.Run run = NetworkSandbox.get().run(
                List.of(launcher.toString(), "detect", "--sample", "1", "--json", json.toString()), env -> {
                    env.remove("DJL_OFFLINE");
                    env.remove("OPT_OUT_TRACKING");
                    env.remove("HUMAN_REBUILD");
                    env.remove("HUMAN_NO_STALE_CHECK");
                    env.remove("JAVA_TOOL_OPTIONS");
                    env.put("JAVA_HOME", System.getProperty("java.home"));
                }, dir);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.trace().programNames()).as("programs the launcher ran").contains("java")
                .doesNotContainAnyElementsOf(BUILD_TOOLS);
        assertThat(run.trace().leavingThisMachine()).as("connections leaving this machine").isEmpty();
        JsonNode images = new ObjectMapper().readTree(Files.readString(json)).get("images");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).get("result").get("face")).as("faces found in sample1.jpg").isNotEmpty();
    }
}
