package ai.human.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link SelectionProbe} in a child JVM whose classpath holds the probe, human-api (with its dependencies, the
 * models and the sample photos) and the chosen backends with their own dependencies, as Maven resolved them
 * ({@code target/classpaths/*.txt}, written by the dependency plugin). Guice is on none of them.
 */
final class ChildJvm {
    /** Which backend modules are on the child's classpath. */
    enum Backends {
        TENSORFLOW, DJL, BOTH, NEITHER
    }

    /** A finished child: exit code, stdout and stderr. */
    record Run(int code, String out, String err) {
        /** The value of {@code key=value} on stdout, or null. */
        String value(String key) {
            return out.lines().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
                    .findFirst().orElse(null);
        }

        /** The stderr lines that contain {@code text}. */
        List<String> errLines(String text) {
            return err.lines().filter(line -> line.contains(text)).toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private ChildJvm() {
    }

    /** Entries of the classpath with {@code backends}: the probe's classes first. */
    static List<String> classpath(Backends backends) {
        List<String> tensorflow = read("tensorflow.txt");
        List<String> djl = read("djl.txt");
        Set<String> entries = new LinkedHashSet<>();
        entries.add(System.getProperty("human.it.classes", "target/classes"));
        switch (backends) {
            case TENSORFLOW -> entries.addAll(tensorflow);
            case DJL -> entries.addAll(djl);
            case BOTH -> {
                entries.addAll(tensorflow);
                entries.addAll(djl);
            }
            case NEITHER -> tensorflow.stream().filter(djl::contains).forEach(entries::add);
        }
        return List.copyOf(entries);
    }

    /**
     * Runs the probe with {@code args}, extra JVM {@code properties} ({@code -Dkey=value}) and extra {@code environment}
     * variables; {@code HUMAN_BACKEND} is removed from the inherited environment unless given.
     */
    static Run probe(Backends backends, List<String> args, Map<String, String> properties, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", String.join(File.pathSeparator, classpath(backends)),
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Djava.awt.headless=true", "-Xss4m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(SelectionProbe.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("HUMAN_BACKEND");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "1");
        builder.environment().putAll(environment);
        try {
            Path out = Files.createTempFile("probe-out", ".txt");
            Path err = Files.createTempFile("probe-err", ".txt");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the probe did not finish in 5 minutes: " + command);
                }
                return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the probe", e);
        }
    }

    private static List<String> read(String name) {
        Path file = Path.of(System.getProperty("human.it.classpaths", "target/classpaths"), name);
        try {
            return List.of(Files.readString(file).strip().split(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is missing: it is written by the dependency plugin at"
                    + " generate-test-resources; run the tests through Maven", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
