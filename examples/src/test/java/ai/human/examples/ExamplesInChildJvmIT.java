package ai.human.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples run as the README says, in a child JVM on {@code target/classes} and the class path that {@code package}
 * writes ({@code java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" ai.human.examples...}), with
 * both backends on it, each selected through the service registrations by the system property or the environment.
 * (The shaded {@code human.jar}, with the registrations of both backends merged, is human-cli's; {@code HumanJarIT}
 * checks it.)
 */
class ExamplesInChildJvmIT {
    private static final String LOG = "Human backend: ";

    private record Run(int code, String out, String err) {
        List<String> logLines() {
            return err.lines().filter(line -> line.contains(LOG)).map(line -> line.substring(line.indexOf(LOG))).toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void theSystemPropertySelectsDjl() throws Exception {
        Run run = run(List.of("-Dhuman.backend=djl", DecodeDetectLoop.class.getName(), "--iterations", "2"), Map.of());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.logLines()).singleElement().asString()
                .startsWith(LOG + "djl (system property human.backend=djl; found: tensorflow (priority 100, available: ")
                .contains("djl (priority 50, available: ");
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        String models = lines.get(0).replaceAll("djl backend, deallocate false: (\\d+) tensors after loading the models",
                "$1");
        assertThat(lines.get(1)).endsWith(", " + models + " after");
        assertThat(lines.get(2)).endsWith(", " + models + " after");
    }

    @Test
    void theEnvironmentSelectsTensorflowForTheGuiceApp(@TempDir Path dir) throws Exception {
        Path photo = dir.resolve("photo.jpg");
        Files.write(photo, SamplePhotos.read("sample1.jpg"));

        Run run = run(List.of(GuiceApp.class.getName(), photo.toString()), Map.of("HUMAN_BACKEND", "tf"));

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.logLines()).singleElement().asString()
                .startsWith(LOG + "tensorflow (environment HUMAN_BACKEND=tf; found: ");
        assertThat(run.out()).isEqualTo("photo.jpg: 1 face (tensorflow)" + System.lineSeparator());
    }

    /** {@code target/classes} and the dependencies in {@code target/classpath.txt}, as the README runs the examples. */
    private static String classPath() throws IOException {
        Path classes = Path.of(System.getProperty("examples.classes", "target/classes"));
        Path dependencies = Path.of(System.getProperty("examples.classpath", "target/classpath.txt"));
        assertThat(dependencies).as("written by package (maven-dependency-plugin)").isRegularFile();
        return classes + File.pathSeparator + Files.readString(dependencies).strip();
    }

    private static Run run(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Djava.awt.headless=true", "-Xss4m",
                "-cp", classPath()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("HUMAN_BACKEND");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("example-out", ".txt");
        Path err = Files.createTempFile("example-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
