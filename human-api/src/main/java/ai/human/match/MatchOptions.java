package ai.human.match;

/**
 * How {@link FaceMatch} compares embeddings: Human's {@code MatchOptions}.
 *
 * <p>{@link #defaults()} are the values Human uses when a match function is called without options
 * ({@code order 2, multiplier 25, min 0.2, max 0.8, threshold 0}). Human fills fields missing from a partial options
 * object differently ({@code multiplier 20, min 0, max 1}); here every field always has a value, so start from the
 * defaults and change what you need.
 *
 * <pre>{@code
 * MatchOptions options = MatchOptions.defaults().withMultiplier(20).withThreshold(0.5);
 * }</pre>
 *
 * @param order      2 for Euclidean distance, higher for Minkowski distance of that order
 * @param multiplier scales the summed differences (Human: "by how much to enhance difference analysis", 1..100)
 * @param min        similarity is normalised from the range {@code min..max} to 0..1
 * @param max        see {@code min}
 * @param threshold  {@link FaceMatch#find} stops at the first distance below this (0: look at all)
 */
public record MatchOptions(int order, double multiplier, double min, double max, double threshold) {
    private static final MatchOptions DEFAULTS = new MatchOptions(2, 25, 0.2, 0.8, 0);

    /**
     * Checks the options: order 1 or more, max above min.
     *
     * @param order 2 for Euclidean distance, higher for Minkowski distance of that order
     * @param multiplier scales the summed differences (Human: "by how much to enhance difference analysis", 1..100)
     * @param min similarity is normalised from the range {@code min..max} to 0..1
     * @param max see {@code min}
     * @param threshold {@link FaceMatch#find} stops at the first distance below this (0: look at all)
     */
    public MatchOptions {
        if (order < 1) {
            throw new IllegalArgumentException("order must be 1 or more (2 = Euclidean), got " + order);
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("max must be greater than min, got min " + min + ", max " + max);
        }
    }

    /** {@return Human's defaults: order 2, multiplier 25, min 0.2, max 0.8, threshold 0} */
    public static MatchOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@return these options with another order}
     *
     * @param value the distance's order, 1 or more (2 = Euclidean)
     */
    public MatchOptions withOrder(int value) {
        return new MatchOptions(value, multiplier, min, max, threshold);
    }

    /**
     * {@return these options with another multiplier}
     *
     * @param value the distance's multiplier
     */
    public MatchOptions withMultiplier(double value) {
        return new MatchOptions(order, value, min, max, threshold);
    }

    /**
     * {@return these options with another range of distances normalised to a similarity}
     *
     * @param minValue the distance's lower bound (similarity 1)
     * @param maxValue the distance's upper bound (similarity 0), above {@code minValue}
     */
    public MatchOptions withRange(double minValue, double maxValue) {
        return new MatchOptions(order, multiplier, minValue, maxValue, threshold);
    }

    /**
     * {@return these options with another early-stop threshold}
     *
     * @param value a search stops at the first distance below it
     */
    public MatchOptions withThreshold(double value) {
        return new MatchOptions(order, multiplier, min, max, value);
    }
}
