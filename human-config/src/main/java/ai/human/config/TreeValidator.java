package ai.human.config;

import ai.human.config.ConfigError.Kind;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a (possibly partial) configuration tree against the option tree: unknown keys, wrong types,
 * values out of range and invalid choices. Reports every problem, in document order.
 */
final class TreeValidator {
    private TreeValidator() {
    }

    /** Checks a tree whose root is the whole configuration. */
    public static List<ConfigError> validate(JsonNode root) {
        List<ConfigError> errors = new ArrayList<>();
        validateSection(root, ConfigSchema.of(HumanConfig.class), "", errors);
        return errors;
    }

    /** Checks one value that belongs at {@code path} under {@code key}. */
    public static void validateValue(JsonNode value, ConfigSchema.Key key, String path, List<ConfigError> errors) {
        switch (key.type()) {
            case SECTION -> validateSection(value, key.section(), path, errors);
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    errors.add(wrongType(path, value, "true or false"));
                }
            }
            case INT -> checkWholeNumber(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE, errors);
            case LONG -> checkWholeNumber(value, path, Long.MIN_VALUE, Long.MAX_VALUE, errors);
            case DOUBLE -> {
                if (value.isNumber()) {
                    checkRange(path, value, errors);
                } else {
                    errors.add(wrongType(path, value, "a number"));
                }
            }
            case STRING -> {
                if (!value.isTextual()) {
                    errors.add(wrongType(path, value, "a string"));
                }
            }
            case ENUM -> {
                if (!value.isTextual()) {
                    errors.add(wrongType(path, value, "one of " + EnumLookup.allowed(key.javaType())));
                } else if (EnumLookup.find(key.javaType(), value.textValue()) == null) {
                    errors.add(new ConfigError(path, Kind.INVALID_VALUE, value + " is not a valid choice; use one of "
                            + EnumLookup.allowed(key.javaType()) + defaultHint(path)));
                }
            }
            case STRING_MAP -> {
                if (!value.isObject()) {
                    errors.add(wrongType(path, value, "an object of string values, e.g. {\"threads\": \"1\"}"));
                } else {
                    for (Map.Entry<String, JsonNode> entry : value.properties()) {
                        JsonNode item = entry.getValue();
                        if (!item.isValueNode() || item.isNull()) {
                            errors.add(wrongType(ConfigSchema.join(path, entry.getKey()), item, "a string (or a number or boolean, kept as text)"));
                        }
                    }
                }
            }
            case JSON_MAP -> {
                if (!value.isObject()) {
                    errors.add(wrongType(path, value, "an object, e.g. {}"));
                }
            }
        }
    }

    private static void validateSection(JsonNode node, ConfigSchema.Section section, String path, List<ConfigError> errors) {
        if (!node.isObject()) {
            String what = path.isEmpty() ? "the configuration must be a JSON object" : path + " is a section";
            errors.add(new ConfigError(path, Kind.WRONG_TYPE, what + ", but found " + describe(node)
                    + "; write an object with some of the keys " + String.join(", ", section.keyNames())));
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            ConfigSchema.Key key = section.keys().get(field.getKey());
            if (key == null) {
                errors.add(KeySuggester.unknownKey(section, path, field.getKey()));
            } else {
                validateValue(field.getValue(), key, ConfigSchema.join(path, field.getKey()), errors);
            }
        }
    }

    private static void checkWholeNumber(JsonNode value, String path, long min, long max, List<ConfigError> errors) {
        if (!value.isNumber()) {
            errors.add(wrongType(path, value, "a whole number"));
            return;
        }
        if (!Double.isFinite(value.doubleValue())) {
            errors.add(new ConfigError(path, Kind.WRONG_TYPE, "expected a whole number but found " + Json.display(value) + defaultHint(path)));
            return;
        }
        BigDecimal number = value.decimalValue();
        if (number.stripTrailingZeros().scale() > 0) {
            errors.add(new ConfigError(path, Kind.WRONG_TYPE, "expected a whole number but found " + Json.display(value)
                    + "; drop the fraction" + defaultHint(path)));
        } else if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new ConfigError(path, Kind.OUT_OF_RANGE, Json.display(value) + " is too large for this option; "
                    + "use a value between " + min + " and " + max + defaultHint(path)));
        } else {
            checkRange(path, value, errors);
        }
    }

    private static void checkRange(String path, JsonNode value, List<ConfigError> errors) {
        Optional<String> problem = RangeRules.check(path, value.doubleValue());
        problem.ifPresent(rule -> errors.add(new ConfigError(path, Kind.OUT_OF_RANGE,
                Json.display(value) + " is out of range: it " + rule + defaultHint(path))));
    }

    private static ConfigError wrongType(String path, JsonNode value, String expected) {
        String fix;
        if (value.isNull()) {
            fix = "; remove the key to keep the default, or give " + expected;
        } else if (value.isTextual() && looksLike(value.textValue(), expected)) {
            fix = "; write it without quotes: " + value.textValue().trim();
        } else {
            fix = "; give " + expected;
        }
        return new ConfigError(path, Kind.WRONG_TYPE, "expected " + expected + " but found " + describe(value) + fix + defaultHint(path));
    }

    private static boolean looksLike(String text, String expected) {
        String trimmed = text.trim();
        if (expected.startsWith("true or false")) {
            return trimmed.equals("true") || trimmed.equals("false");
        }
        if (expected.startsWith("a number") || expected.startsWith("a whole number")) {
            try {
                new BigDecimal(trimmed);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static String defaultHint(String path) {
        JsonNode fallback = Defaults.valueAt(path);
        return fallback == null || fallback.isContainerNode() ? "" : " (default: " + Json.display(fallback) + ")";
    }

    static String describe(JsonNode node) {
        if (node.isNull()) {
            return "null";
        } else if (node.isTextual()) {
            return "the string " + node;
        } else if (node.isNumber()) {
            return "the number " + Json.display(node);
        } else if (node.isBoolean()) {
            return "the boolean " + node;
        } else if (node.isArray()) {
            return "an array";
        } else if (node.isObject()) {
            return "an object";
        }
        return node.toString();
    }
}
