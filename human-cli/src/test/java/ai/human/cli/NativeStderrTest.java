package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NativeStderr} in a child JVM ({@link NativeStderrProbe}): what native code writes on descriptor 2 reaches
 * stderr without TensorFlow's INFO lines, what the tool writes passes straight, and closing it drains the pipe and
 * gives descriptor 2 back. (The tool itself, with TensorFlow, is run in {@code StartupNoiseIT}.)
 */
class NativeStderrTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"detect --sample 1", "match a b", "soak", "backends --backend tf"})
    void backendCommandsDropTensorFlowsInfoLinesAndKeepEverythingElse(String commandLine) throws Exception {
        Child child = run(commandLine, Map.of());

        assertThat(child.out()).isEqualTo("installed true\n");
        assertThat(child.err()).doesNotContain(NativeStderrProbe.NOTICE, NativeStderrProbe.MLIR)
                .contains(NativeStderrProbe.NATIVE_WARNING, NativeStderrProbe.NATIVE_OTHER, "\r[progress]", "tool line\n",
                        NativeStderrProbe.AFTER, "tool, after close\n");
        assertThat(child.err().indexOf(NativeStderrProbe.NATIVE_OTHER))
                .as("closing waits for the native lines written before").isLessThan(child.err().indexOf(NativeStderrProbe.AFTER));
        // the two paths meet in the same file, a native line may land inside the tool's unfinished one (as without it)
        assertThat(child.err().chars().filter(c -> c == '\n').count()).as("newlines: six lines").isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect --sample 1 -v", "detect --verbose", "samples", "config", "--help", "models verify"})
    void verboseAndCommandsWithoutABackendLeaveStderrAlone(String commandLine) throws Exception {
        Child child = run(commandLine, Map.of());

        assertThat(child.out()).isEqualTo("installed false\n");
        assertThat(child.err()).contains(NativeStderrProbe.NOTICE, NativeStderrProbe.MLIR, NativeStderrProbe.NATIVE_WARNING,
                "tool line\n", NativeStderrProbe.AFTER);
    }

    @Test
    void tfCppMinLogLevelZeroAsksForTheInfoLines() throws Exception {
        Child child = run("detect --sample 1", Map.of("TF_CPP_MIN_LOG_LEVEL", "0"));

        assertThat(child.out()).isEqualTo("installed false\n");
        assertThat(child.err()).contains(NativeStderrProbe.MLIR);
    }

    @Test
    void aJvmStartedWithStderrClosedKeepsItsDescriptorTwo() throws Exception {
        // descriptor 2 is then the first file the JVM opened (a jar of the class path): it must not be replaced
        Process process = new ProcessBuilder(List.of("/bin/sh", "-c", "exec \"$@\" 2>&-", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                NativeStderrProbe.class.getName(), "detect --sample 1"))
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the probe ends").isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("installed false\n");
    }

    @Test
    void theCommandIsTheFirstArgumentThatIsNoOption() {
        assertThat(NativeStderr.command(new String[] {"detect", "--sample", "1"})).isEqualTo("detect");
        assertThat(NativeStderr.command(new String[] {"--version"})).isEmpty();
        assertThat(NativeStderr.command(new String[] {})).isEmpty();
        assertThat(NativeStderr.NATIVE_COMMANDS).containsExactlyInAnyOrder("detect", "match", "soak", "backends");
    }

    private record Child(int code, String out, String err) {
    }

    private Child run(String commandLine, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NativeStderrProbe.class.getName(), commandLine));
        builder.environment().remove("TF_CPP_MIN_LOG_LEVEL");
        builder.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the probe ends").isTrue();
        Child child = new Child(process.exitValue(), Files.readString(out), Files.readString(err));
        assertThat(child.code()).as(child.err()).isZero();
        return child;
    }
}
