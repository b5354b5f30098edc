package ai.human.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/** Jackson generators for result JSON, and numbers written as JavaScript's {@code JSON.stringify} would. */
final class JsonOutput {
    /** Doubles up to this magnitude with no fraction are written as integers, as JavaScript does. */
    private static final double LARGEST_EXACT_INTEGER = 9007199254740991d;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)   // shortest round-trip digits, as JavaScript
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)       // the caller owns the stream
            .build();

    private JsonOutput() {
    }

    static JsonGenerator generator(OutputStream out, boolean pretty) throws IOException {
        return configure(FACTORY.createGenerator(out), pretty);
    }

    static JsonGenerator generator(Writer out, boolean pretty) throws IOException {
        return configure(FACTORY.createGenerator(out), pretty);
    }

    private static JsonGenerator configure(JsonGenerator json, boolean pretty) {
        if (pretty) {
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            json.setPrettyPrinter(printer);
        }
        return json;
    }

    /** A number as JavaScript writes it: integers without fraction, NaN and infinities as {@code null}. */
    static void number(JsonGenerator json, double value) throws IOException {
        if (!Double.isFinite(value)) {
            json.writeNull();
        } else if (value == Math.rint(value) && Math.abs(value) <= LARGEST_EXACT_INTEGER) {
            json.writeNumber((long) value);
        } else {
            json.writeNumber(value);
        }
    }
}
