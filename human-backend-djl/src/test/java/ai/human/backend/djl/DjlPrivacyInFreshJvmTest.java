package ai.human.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts {@link PrivacyProbeMain} in a new JVM whose environment and system properties do not mention DJL's privacy
 * switches (the test JVM has them from the build), so what the backend itself does is what is seen: DJL's engine
 * start, an op, and two of Human's models (one with TensorFlow 1 control flow) loaded and run through the generic
 * executor, with every URL connection, socket connection and host lookup away from the loopback interface recorded.
 */
class DjlPrivacyInFreshJvmTest {

    @Test
    void providerSetsOfflineAndNoTrackingBeforeDjlStartsAndNothingIsContactedWhileModelsRun() throws Exception {
        Map<String, String> seen = runProbe(List.of());

        assertThat(seen).containsEntry("before.offline", "null").containsEntry("before.tracking", "null");
        assertThat(seen).containsEntry("available", "true");
        assertThat(seen).containsEntry("offline", "true").containsEntry("tracking", "true");
        assertThat(seen).containsEntry("djl.offlineMode", "true");
        assertThat(seen).containsEntry("relu", "0.0,2.0");
        assertThat(seen).containsEntry("model.blazeface", "4").containsEntry("model.handtrack", "8");
        assertThat(seen.get("attempts")).startsWith("0 ");
        assertThat(seen.get("sockets")).startsWith("0 ");
    }

    @Test
    void explicitUserChoiceIsRespected() throws Exception {
        Map<String, String> seen = runProbe(List.of("-Dai.djl.offline=false"));

        assertThat(seen).containsEntry("before.offline", "false");
        assertThat(seen).containsEntry("offline", "false").containsEntry("djl.offlineMode", "false");
        assertThat(seen).containsEntry("tracking", "true");
        assertThat(seen).containsEntry("available", "true");
        assertThat(seen.get("attempts")).startsWith("0 ");
        assertThat(seen.get("sockets")).startsWith("0 ");
    }

    @Test
    void theProbeSeesConnectionAttempts() throws Exception {
        Map<String, String> seen = runProbe(List.of(), "selftest");

        assertThat(seen.get("attempts")).startsWith("1 ").contains("192.0.2.1");
        assertThat(seen.get("sockets")).startsWith("1 ").contains("192.0.2.1:9");
    }

    private static Map<String, String> runProbe(List<String> jvmOptions, String... probeArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PrivacyProbeMain.class.getName());
        command.addAll(List.of(probeArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().remove("DJL_OFFLINE");
        builder.environment().remove("OPT_OUT_TRACKING");
        Path errors = Files.createTempFile("privacy-probe", ".err");
        try {
            builder.redirectError(errors.toFile());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("probe JVM finished").isTrue();
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
                String tail = String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30),
                        lines.size()));
                assertThat(process.exitValue()).as("probe JVM exit code; output:%n%s%nerrors:%n%s", output, tail)
                        .isZero();
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static Map<String, String> parse(String output) {
        Map<String, String> seen = new HashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                seen.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return seen;
    }
}
