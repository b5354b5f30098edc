package ai.human.config;


import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** JSON text in and out, written the way Human's {@code JSON.stringify(config, null, 2)} writes it. */
final class Json {
    /** Largest integer a JavaScript number holds exactly (2^53). */
    private static final double MAX_SAFE_INTEGER = 9007199254740992.0;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final DefaultPrettyPrinter PRINTER = javascriptStylePrinter();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Parses JSON text; on malformed text adds a {@link ConfigError.Kind#SYNTAX} error and returns null.
     */
    public static JsonNode parse(String text, List<ConfigError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new ConfigError("", ConfigError.Kind.SYNTAX,
                    "the configuration is empty; give a JSON object such as {\"face\":{\"enabled\":true}} or {} for the defaults"));
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            errors.add(new ConfigError("", ConfigError.Kind.SYNTAX,
                    "malformed JSON" + at + ": " + e.getOriginalMessage() + "; fix the JSON syntax (strict JSON: no comments, no trailing commas, keys in double quotes)"));
            return null;
        }
    }

    /** Pretty JSON with 2-space indentation, {@code "key": value}, one array element per line. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** A number node as JavaScript would print it: whole numbers without a fraction. */
    public static JsonNode number(double value) {
        if (value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER) {
            long whole = (long) value;
            return whole == (int) whole ? IntNode.valueOf((int) whole) : LongNode.valueOf(whole);
        }
        return DoubleNode.valueOf(value);
    }

    /** A number or other scalar as text, JavaScript style (1 rather than 1.0). */
    public static String display(JsonNode node) {
        if (node.isNumber()) {
            return number(node.doubleValue()).toString();
        }
        return node.toString();
    }

    private static DefaultPrettyPrinter javascriptStylePrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
