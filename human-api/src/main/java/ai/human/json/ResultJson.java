package ai.human.json;

import ai.human.error.AlreadyClosedException;
import ai.human.result.Result;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes {@link Result}s as JSON with Human 3.3.6's field names and layout, so that tools written for Human's results
 * (such as the reference oracle's {@code compare.mjs}) read them unchanged.
 *
 * <p>One result is an object {@code {"width", "height", "error", "face": [...], "body": [...], "hand": [...],
 * "object": [...], "gesture": [...], "performance": {...}}}; a face has {@code id, mesh, meshRaw, box, boxRaw, score,
 * boxScore, faceScore, size, age, gender, genderScore, emotion, real, live, distance, rotation, annotationKeys,
 * iris {leftEyeIris, rightEyeIris, distance}, embedding, tensor {shape, dtype}}. As in Human, a value a disabled model
 * did not produce (age, real, live, ...) is left out, {@code embedding} and {@code tensor} are {@code null} when absent,
 * boxes are {@code [x, y, width, height]}, points {@code [x, y]} or {@code [x, y, z]}, whole numbers are written
 * without a fraction and NaN or infinity as {@code null}.
 *
 * <pre>{@code
 * try (Result result = human.detect(Path.of("group.jpg"))) {
 *     String json = ResultJson.compact().toJson(result);
 * }
 * // several images, as {"images": [{"image", "width", "height", "result"}, ...]}
 * try (ResultJson.ImagesWriter out = ResultJson.pretty().imagesWriter(Files.newOutputStream(Path.of("out.json")))) {
 *     try (Result result = human.detect(file)) {
 *         out.add(file.getFileName().toString(), result);
 *     }
 * }
 * }</pre>
 * Instances are immutable and thread-safe.
 */
public final class ResultJson {
    private static final ResultJson COMPACT = new ResultJson(false);
    private static final ResultJson PRETTY = new ResultJson(true);

    private final boolean pretty;

    private ResultJson(boolean pretty) {
        this.pretty = pretty;
    }

    /**
     * Writes JSON on one line.
     *
     * @return the compact writer
     */
    public static ResultJson compact() {
        return COMPACT;
    }

    /**
     * Writes JSON with objects indented by two spaces and arrays of numbers on one line.
     *
     * @return the pretty writer
     */
    public static ResultJson pretty() {
        return PRETTY;
    }

    /** {@return whether this writer indents} */
    public boolean isPretty() {
        return pretty;
    }

    /**
     * {@return one result as a JSON object}
     *
     * @param result the result
     */
    public String toJson(Result result) {
        Objects.requireNonNull(result, "result");
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JsonOutput.generator(text, pretty)) {
            ResultWriter.write(json, result, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a result as JSON: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /**
     * Writes one result as a JSON object (UTF-8) to {@code out}, which is flushed and left open.
     *
     * @param result the result
     * @param out where to write
     * @throws UncheckedIOException when writing fails
     */
    public void write(Result result, OutputStream out) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator json = JsonOutput.generator(out, pretty)) {
            ResultWriter.write(json, result, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a result as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * {@return a writer of the document {@code {"images": [{"image", "width", "height", "result"}, ...]}}, one image at a
     * time, so that a long batch needs no memory for results already written} Closing it ends the document and
     * flushes {@code out}, which stays open: its caller closes it.
     *
     * @param out where to write; it stays open
     */
    public ImagesWriter imagesWriter(OutputStream out) {
        return new ImagesWriter(out, pretty);
    }

    /**
     * Writes {@code {"images": [...]}} one entry at a time (see {@link ResultJson#imagesWriter}). Not thread-safe:
     * call it from one thread, in the order the entries should appear.
     */
    public static final class ImagesWriter implements AutoCloseable {
        private final JsonGenerator json;
        private boolean closed;

        ImagesWriter(OutputStream out, boolean pretty) {
            Objects.requireNonNull(out, "out");
            try {
                json = JsonOutput.generator(out, pretty);
                json.writeStartObject();
                json.writeArrayFieldStart("images");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the JSON output: " + e.getMessage(), e);
            }
        }

        /**
         * Adds {@code {"image": image, "width", "height", "result": {...}}}.
         *
         * @param image the image's name
         * @param result what was found in it
         */
        public void add(String image, Result result) {
            add(image, result, null);
        }

        /**
         * Adds an entry with {@code rgbSha256}, the SHA-256 (hex) of the image's RGB bytes as Human saw them (the
         * reference oracle writes it too, so that comparisons can tell whether both sides had the same pixels);
         * {@code null} leaves it out.
         *
         * @param image the image's name
         * @param result what was found in it
         * @param rgbSha256 the hash of the image's RGB bytes, or {@code null}
         */
        public void add(String image, Result result, String rgbSha256) {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(result, "result");
            entry(() -> {
                json.writeStringField("image", image);
                json.writeNumberField("width", result.width());
                json.writeNumberField("height", result.height());
                if (rgbSha256 != null) {
                    json.writeStringField("rgbSha256", rgbSha256);
                }
                json.writeFieldName("result");
                ResultWriter.write(json, result, null);
            });
        }

        /**
         * Adds an entry for an image that could not be processed: {@code {"image", "error", "result": {"error",
         * "face": [], ...}}} with empty lists, as Human reports a failed {@code detect}.
         *
         * @param image the image's name
         * @param error what went wrong
         */
        public void addError(String image, String error) {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(error, "error");
            entry(() -> {
                json.writeStringField("image", image);
                json.writeStringField("error", error);
                json.writeFieldName("result");
                ResultWriter.writeError(json, error);
            });
        }

        private void entry(IoAction body) {
            if (closed) {
                throw new AlreadyClosedException("This ImagesWriter is closed; create a new one to write more results");
            }
            try {
                json.writeStartObject();
                body.run();
                json.writeEndObject();
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write a result as JSON: " + e.getMessage(), e);
            }
        }

        /** Ends the document and flushes the stream (which stays open). Harmless when called twice. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (json) {
                json.writeEndArray();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not finish the JSON output: " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
