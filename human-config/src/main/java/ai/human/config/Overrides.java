package ai.human.config;

import ai.human.config.ConfigError.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a dotted-path override such as {@code face.detector.return=true} into a partial JSON tree
 * ({@code {"face":{"detector":{"return":true}}}}), reading the text as the type of the target option.
 */
final class Overrides {
    private Overrides() {
    }

    /** The partial tree for one override, or null after adding the errors that make it impossible. */
    public static ObjectNode toTree(String path, String text, List<ConfigError> errors) {
        PathTarget target = PathTarget.resolve(path, errors);
        if (target == null) {
            return null;
        }
        if (text == null) {
            errors.add(new ConfigError(path, Kind.WRONG_TYPE, "no value given; write " + path + "=VALUE"));
            return null;
        }
        JsonNode value = parse(target, text, errors);
        return value == null ? null : nest(target.segments(), value);
    }

    /** A tree with {@code value} at the end of {@code segments}. */
    public static ObjectNode nest(List<String> segments, JsonNode value) {
        ObjectNode root = Json.object();
        ObjectNode node = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            node = node.putObject(segment);
        }
        node.set(segments.get(segments.size() - 1), value);
        return root;
    }

    private static JsonNode parse(PathTarget target, String text, List<ConfigError> errors) {
        String path = target.path();
        ConfigSchema.Key key = target.key();
        if (target.mapEntry()) {
            if (key.type() == ConfigSchema.ValueType.STRING_MAP) {
                return TextNode.valueOf(text);
            }
            List<ConfigError> ignored = new ArrayList<>();
            JsonNode json = Json.parse(text, ignored);
            return json != null ? json : TextNode.valueOf(text);
        }
        String trimmed = text.trim();
        switch (key.type()) {
            case BOOLEAN -> {
                String lower = trimmed.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return BooleanNode.valueOf(lower.equals("true"));
                }
                errors.add(new ConfigError(path, Kind.WRONG_TYPE, "'" + text + "' is not a boolean; write " + path + "=true or " + path + "=false"));
                return null;
            }
            case INT, LONG, DOUBLE -> {
                return number(path, trimmed, key.type() != ConfigSchema.ValueType.DOUBLE, errors);
            }
            case STRING -> {
                return TextNode.valueOf(text);
            }
            case ENUM -> {
                if (EnumLookup.find(key.javaType(), trimmed) == null) {
                    errors.add(new ConfigError(path, Kind.INVALID_VALUE, "'" + text + "' is not a valid choice; use one of "
                            + EnumLookup.allowed(key.javaType())));
                    return null;
                }
                return TextNode.valueOf(trimmed);
            }
            case SECTION, STRING_MAP, JSON_MAP -> {
                List<ConfigError> syntax = new ArrayList<>();
                JsonNode json = trimmed.startsWith("{") ? Json.parse(trimmed, syntax) : null;
                if (json == null || !json.isObject()) {
                    errors.add(new ConfigError(path, Kind.WRONG_TYPE, path + " is a section; give a JSON object such as "
                            + path + "={...} or set one of its keys, e.g. " + path + "." + example(key) + "=..."));
                    return null;
                }
                return json;
            }
        }
        throw new IllegalStateException("unknown value type " + key.type());
    }

    private static JsonNode number(String path, String text, boolean whole, List<ConfigError> errors) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.replace("_", ""));
        } catch (NumberFormatException e) {
            errors.add(new ConfigError(path, Kind.WRONG_TYPE, "'" + text + "' is not a " + (whole ? "whole number" : "number")
                    + "; write e.g. " + path + "=" + (whole ? "5" : "0.5")));
            return null;
        }
        if (whole && value.stripTrailingZeros().scale() > 0) {
            errors.add(new ConfigError(path, Kind.WRONG_TYPE, "'" + text + "' is not a whole number; drop the fraction"));
            return null;
        }
        if (!whole) {
            return Json.number(value.doubleValue());
        }
        BigInteger integer = value.toBigIntegerExact();
        return JsonValues.fromJava(integer.bitLength() < 63 ? (Object) integer.longValue() : integer);
    }

    private static String example(ConfigSchema.Key key) {
        return key.type() == ConfigSchema.ValueType.SECTION ? key.section().keyNames().get(0) : "name";
    }
}
