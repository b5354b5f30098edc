package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first run prints no TensorFlow start-up noise: {@code bin/human detect --sample 1} (and {@code java -jar human.jar},
 * without the launcher's {@code TF_CPP_MIN_LOG_LEVEL=1}) writes exactly one line on stderr, the summary. Before
 * {@link NativeStderr}, TensorFlow 2.18 added absl's {@code WARNING: All log messages before absl::InitializeLog() ...}
 * and {@code I0000 ... mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled} whatever
 * {@code TF_CPP_MIN_LOG_LEVEL} said. {@code -v} still shows them.
 */
class StartupNoiseIT {
    private static final String SUMMARY = "human detect: 1 image in ";
    private static final String ABSL_NOTICE = "WARNING: All log messages before absl::InitializeLog() is called are"
            + " written to STDERR";

    @TempDir
    Path dir;

    @Test
    void launcherFirstRunPrintsOnlyTheSummaryOnStderr() throws Exception {
        Run run = run(List.of(launcher(), "detect", "--sample", "1"), Map.of("HUMAN_NO_STALE_CHECK", "1"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err().lines().toList()).as("stderr").singleElement().asString().startsWith(SUMMARY)
                .endsWith("1 face, 1 body, 0 hands, 0 objects");
        assertThat(new ObjectMapper().readTree(run.out()).get("images")).as("the JSON on stdout").hasSize(1);
    }

    @Test
    void javaJarWithoutTheLaunchersEnvironmentPrintsOnlyTheSummaryToo() throws Exception {
        Run run = run(List.of(java(), "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-jar", jar(), "detect",
                "--sample", "1", "--json", dir.resolve("out.json").toString()), Map.of());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err().lines().toList()).as("stderr (TensorFlow's own INFO lines too: no TF_CPP_MIN_LOG_LEVEL)")
                .singleElement().asString().startsWith(SUMMARY);
    }

    @Test
    void verboseStillShowsTensorFlowsLines() throws Exception {
        Run run = run(List.of(launcher(), "detect", "--sample", "1", "-v", "--json", dir.resolve("out.json").toString()),
                Map.of("HUMAN_NO_STALE_CHECK", "1"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err().lines().toList()).contains(ABSL_NOTICE)
                .anySatisfy(line -> assertThat(NativeLogFilter.severity(line)).as(line).isEqualTo("I"))
                .anySatisfy(line -> assertThat(line).startsWith(SUMMARY));
    }

    private static String jar() {
        return Path.of(System.getProperty("human.cli.jar", "target/human.jar")).toString();
    }

    private static String launcher() {
        return Path.of(System.getProperty("human.cli.launcher", "../bin/human")).toAbsolutePath().toString();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Run(int code, String out, String err) {
    }

    /** Runs {@code command} as a user would, without {@code TF_CPP_MIN_LOG_LEVEL} in its environment. */
    private Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        builder.environment().remove("TF_CPP_MIN_LOG_LEVEL");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
