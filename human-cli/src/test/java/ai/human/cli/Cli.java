package ai.human.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the tool in this JVM and keeps what it printed. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    /** The exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().toList();
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not JSON: " + out, e);
            }
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = HumanCli.run(args, o, e, false);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden files of the reference oracle ({@code golden/} in the repository). */
    static Path golden(String relative) {
        String dir = System.getProperty("human.golden.dir");
        if (dir == null) {
            throw new IllegalStateException("Run the tests with -Dhuman.golden.dir=<repository>/golden (the pom sets it)");
        }
        return Path.of(dir).resolve(relative);
    }

    /** Options that switch every model off: the whole tool runs, Human finds nothing, no model is loaded. */
    static final List<String> NO_MODELS = List.of("--set", "face.enabled=false", "--set", "body.enabled=false", "--set",
            "hand.enabled=false", "--set", "object.enabled=false", "--set", "gesture.enabled=false");

    /** {@code human detect ARGS} with {@link #NO_MODELS}. */
    static Run detectWithoutModels(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("detect"));
        all.addAll(List.of(args));
        all.addAll(NO_MODELS);
        return run(all.toArray(String[]::new));
    }
}
