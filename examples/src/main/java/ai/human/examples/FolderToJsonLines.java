package ai.human.examples;

import ai.human.Human;
import ai.human.error.HumanException;
import ai.human.config.HumanConfig;
import ai.human.json.ResultJson;
import ai.human.result.Result;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every image of a folder to JSON lines: one line per image, {@code {"image": "a.jpg", "result": {...}}} with the
 * result in Human's layout ({@link ResultJson}), or {@code {"image": "b.jpg", "error": "..."}} when the image cannot be
 * processed; the batch goes on. One {@link Human} serves the whole folder; each result is closed once written.
 *
 * <pre>
 * java -cp examples/target/human.jar ai.human.examples.FolderToJsonLines photos/ [results.jsonl]
 * </pre>
 * Without an output file the lines go to stdout. The exit code is 1 when an image failed.
 */
public final class FolderToJsonLines {
    /** File name endings taken as images (case-insensitive); other files are skipped. */
    public static final Set<String> IMAGE_ENDINGS = Set.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

    private static final JsonFactory JSON = new JsonFactory();

    private FolderToJsonLines() {
    }

    /**
     * Runs the example: {@code FOLDER [OUTPUT.jsonl]}, standard output by default; exits with 1 when an image failed.
     *
     * @param args the command line
     * @throws IOException when the output file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: FolderToJsonLines FOLDER [OUTPUT.jsonl]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int failed;
        if (args.length == 2) {
            try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
                failed = run(HumanConfig.defaults(), folder, out);
            }
        } else {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            failed = run(HumanConfig.defaults(), folder, out);
            out.flush();
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * Writes one line per image of {@code folder} (sorted by name) to {@code out}, which is flushed after each line
     * and left open.
     *
     * @param config the configuration
     * @param folder the folder of images
     * @param out where to write the lines
     * @return how many images failed
     * @throws UncheckedIOException when the folder cannot be listed or {@code out} cannot be written
     */
    public static int run(HumanConfig config, Path folder, Writer out) {
        List<Path> images = images(folder);
        int failed = 0;
        try (Human human = Human.create(config)) {
            for (Path image : images) {
                String name = image.getFileName().toString();
                try (Result result = human.detect(image)) {
                    String json = ResultJson.compact().toJson(result);
                    writeLine(out, name, line -> {
                        line.writeFieldName("result");
                        line.writeRawValue(json);
                    });
                } catch (HumanException e) {
                    writeLine(out, name, line -> line.writeStringField("error", e.getMessage()));
                    failed++;
                }
            }
        }
        return failed;
    }

    /**
     * {@return the images in {@code folder}, sorted by name}
     *
     * @param folder the folder
     */
    public static List<Path> images(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(FolderToJsonLines::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** Writes the fields after {@code "image"}. */
    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /** {@code {"image": image, ...fields}} and a newline. */
    private static void writeLine(Writer out, String image, Fields fields) {
        try {
            try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                json.writeStartObject();
                json.writeStringField("image", image);
                fields.write(json);
                json.writeEndObject();
            }
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the line for " + image + ": " + e.getMessage(), e);
        }
    }
}
