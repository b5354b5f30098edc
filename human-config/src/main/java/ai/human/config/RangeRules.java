package ai.human.config;

import java.util.List;
import java.util.Optional;

/**
 * The allowed range of every numeric option. A rule names a key (matching any path ending in
 * {@code .key}) or a full dotted path; the first matching rule applies, so full paths come first.
 */
final class RangeRules {

    /**
     * @param key a key name or a full dotted path
     * @param min lowest allowed value
     * @param minInclusive whether {@code min} itself is allowed
     * @param max highest allowed value
     * @param special one more allowed value outside the range (Human's -1 = automatic), or null
     * @param specialMeaning what {@code special} means
     */
    record Rule(String key, double min, boolean minInclusive, double max, Double special, String specialMeaning) {
        boolean matches(String path) {
            return path.equals(key) || path.endsWith("." + key);
        }

        boolean allows(double value) {
            if (special != null && value == special) {
                return true;
            }
            boolean aboveMin = minInclusive ? value >= min : value > min;
            return aboveMin && value <= max;
        }

        String describe() {
            String range;
            if (max == Double.POSITIVE_INFINITY) {
                range = minInclusive ? "at least " + show(min) : "greater than " + show(min);
            } else {
                range = minInclusive ? "from " + show(min) + " to " + show(max) : "greater than " + show(min) + " and at most " + show(max);
            }
            return special == null ? range : range + ", or " + show(special) + " (" + specialMeaning + ")";
        }
    }

    private static final double NO_LIMIT = Double.POSITIVE_INFINITY;

    private static final List<Rule> RULES = List.of(
            new Rule("body.maxDetected", 1, true, NO_LIMIT, -1.0, "automatic: one body per detected face"),
            new Rule("hand.maxDetected", 1, true, NO_LIMIT, -1.0, "automatic: two hands per detected face"),
            new Rule("maxDetected", 1, true, NO_LIMIT, null, null),
            new Rule("minConfidence", 0, true, 1, null, null),
            new Rule("iouThreshold", 0, true, 1, null, null),
            new Rule("cacheSensitivity", 0, true, 1, null, null),
            new Rule("skipFrames", 0, true, NO_LIMIT, null, null),
            new Rule("skipTime", 0, true, NO_LIMIT, null, null),
            new Rule("minSize", 0, true, NO_LIMIT, null, null),
            new Rule("scale", 0, false, NO_LIMIT, null, null),
            new Rule("segmentation.ratio", 0, false, 1, null, null),
            new Rule("filter.width", 0, true, NO_LIMIT, null, null),
            new Rule("filter.height", 0, true, NO_LIMIT, null, null),
            new Rule("filter.brightness", -1, true, 1, null, null),
            new Rule("filter.contrast", -1, true, 1, null, null),
            new Rule("filter.saturation", -1, true, 1, null, null),
            new Rule("filter.sharpness", 0, true, 1, null, null),
            new Rule("filter.blur", 0, true, NO_LIMIT, null, null),
            new Rule("filter.hue", 0, true, 360, null, null),
            new Rule("filter.pixelate", 0, true, NO_LIMIT, null, null),
            new Rule("maxImagePixels", 1, true, NO_LIMIT, null, null));

    private RangeRules() {
    }

    /** Why {@code value} is not allowed at {@code path}, or empty if it is (or no rule applies). */
    public static Optional<String> check(String path, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Optional.of("must be a finite number");
        }
        for (Rule rule : RULES) {
            if (rule.matches(path)) {
                return rule.allows(value) ? Optional.empty() : Optional.of("must be " + rule.describe());
            }
        }
        return Optional.empty();
    }

    private static String show(double value) {
        return Json.number(value).toString();
    }
}
