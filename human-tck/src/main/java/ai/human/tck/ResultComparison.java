package ai.human.tck;

import ai.human.json.ResultJson;
import ai.human.result.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Compares detection results as Human's JSON ({@link ResultJson}) without the timings: same fields, same array
 * lengths, equal text, numbers within {@code tolerance * max(1, |expected|)}.
 */
final class ResultComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultComparison() {
    }

    /** The result as a JSON tree without {@code performance}. */
    static JsonNode fingerprint(Result result) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(ResultJson.compact().toJson(result));
            tree.remove("performance");
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back the JSON of a result: " + e.getMessage(), e);
        }
    }

    /** The first difference, as {@code path: expected ..., actual ...}, or empty when the two agree. */
    static Optional<String> firstDifference(JsonNode expected, JsonNode actual, double tolerance) {
        return difference("$", expected, actual, tolerance);
    }

    private static Optional<String> difference(String path, JsonNode expected, JsonNode actual, double tolerance) {
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.asDouble();
            double a = actual.asDouble();
            return Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e)) ? Optional.empty()
                    : Optional.of(path + ": expected " + e + ", actual " + a);
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return Optional.of(path + ": expected " + abbreviated(expected) + ", actual " + abbreviated(actual));
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return Optional.of(path + ": expected " + expected.size() + " elements, actual " + actual.size());
            }
            for (int i = 0; i < expected.size(); i++) {
                Optional<String> d = difference(path + "[" + i + "]", expected.get(i), actual.get(i), tolerance);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (expected.isObject()) {
            List<String> fields = new ArrayList<>();
            expected.fieldNames().forEachRemaining(fields::add);
            List<String> actualFields = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualFields::add);
            if (!fields.equals(actualFields)) {
                return Optional.of(path + ": expected fields " + fields + ", actual " + actualFields);
            }
            for (Iterator<String> it = fields.iterator(); it.hasNext(); ) {
                String field = it.next();
                Optional<String> d = difference(path + "." + field, expected.get(field), actual.get(field), tolerance);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        return expected.equals(actual) ? Optional.empty()
                : Optional.of(path + ": expected " + abbreviated(expected) + ", actual " + abbreviated(actual));
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
