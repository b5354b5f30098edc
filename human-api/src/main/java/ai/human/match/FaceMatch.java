package ai.human.match;

import java.util.List;
import java.util.Objects;

/**
 * Compares face embeddings ({@code FaceResult.embedding()}, 1024 values) as Human 3.3.6's {@code match} module
 * does: a rounded Minkowski distance scaled by {@code multiplier}, turned into a 0..1 similarity normalised to
 * {@code min..max}; similarity above about 0.5 can be considered the same person.
 *
 * <pre>{@code
 * float[] a = first.face().get(0).embedding();
 * float[] b = second.face().get(0).embedding();
 * double same = FaceMatch.similarity(a, b);                                  // e.g. 0.74
 * Match best = FaceMatch.find(a, List.of(alice, bob, carol), MatchOptions.defaults());
 * if (best.found() && best.similarity() > 0.5) { ... best.index() ... }
 * }</pre>
 * Stateless and thread-safe.
 */
public final class FaceMatch {
    /** Human's stand-in for "no distance" ({@code Number.MAX_SAFE_INTEGER}). */
    static final double NO_DISTANCE = 9007199254740991d;
    /** Shorter embeddings are refused by {@link #find}, as in Human. */
    static final int MIN_LENGTH = 64;

    private FaceMatch() {
    }

    /**
     * {@return {@link #distance(float[], float[], MatchOptions)} with {@link MatchOptions#defaults()}}
     *
     * @param a one embedding
     * @param b another embedding of the same length
     */
    public static double distance(float[] a, float[] b) {
        return distance(a, b, MatchOptions.defaults());
    }

    /**
     * {@return {@code round(100 * multiplier * sum |a[i] - b[i]|^order) / 100} (no root is taken)}
     *
     * @param a one embedding
     * @param b another embedding of the same length
     * @param options the distance's order and multiplier
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double distance(float[] a, float[] b, MatchOptions options) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(options, "options");
        if (a.length != b.length) {
            throw new IllegalArgumentException("Embeddings of different lengths cannot be compared: " + a.length + " and "
                    + b.length + "; compare embeddings made by the same model");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = (double) a[i] - b[i];
            sum += options.order() == 2 ? diff * diff : Math.pow(Math.abs(diff), options.order());
        }
        return Math.round(100 * options.multiplier() * sum) / 100.0;
    }

    /**
     * {@return {@link #similarity(float[], float[], MatchOptions)} with {@link MatchOptions#defaults()}}
     *
     * @param a one embedding
     * @param b another embedding of the same length
     */
    public static double similarity(float[] a, float[] b) {
        return similarity(a, b, MatchOptions.defaults());
    }

    /**
     * {@return similarity 0..1 (two decimals): 1 for identical embeddings, {@code 1 - root(distance) / 100} normalised from
     * {@code min..max} and clamped}
     *
     * @param a one embedding
     * @param b another embedding of the same length
     * @param options the distance's order and multiplier, and the range normalised from
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double similarity(float[] a, float[] b, MatchOptions options) {
        return normalize(distance(a, b, options), options);
    }

    /**
     * {@return the entry of {@code candidates} closest to {@code embedding}} Entries of another length are skipped; the search
     * stops early at a distance below {@code options.threshold()}. An embedding shorter than 64 values or an empty
     * list gives index -1, distance {@code +Infinity}, similarity 0.
     *
     * @param embedding the embedding to match
     * @param candidates the embeddings to search
     * @param options the distance's options and the early-stop threshold
     */
    public static Match find(float[] embedding, List<float[]> candidates, MatchOptions options) {
        Objects.requireNonNull(options, "options");
        if (embedding == null || candidates == null || embedding.length < MIN_LENGTH || candidates.isEmpty()) {
            return new Match(-1, Double.POSITIVE_INFINITY, 0);
        }
        double lowest = NO_DISTANCE;
        int index = -1;
        for (int i = 0; i < candidates.size(); i++) {
            float[] candidate = candidates.get(i);
            double d = candidate != null && candidate.length == embedding.length ? distance(embedding, candidate, options) : NO_DISTANCE;
            if (d < lowest) {
                lowest = d;
                index = i;
            }
            if (lowest < options.threshold()) {
                break;
            }
        }
        return new Match(index, lowest, normalize(lowest, options));
    }

    /**
     * {@return {@link #find(float[], List, MatchOptions)} with {@link MatchOptions#defaults()}}
     *
     * @param embedding the embedding to match
     * @param candidates the embeddings to search
     */
    public static Match find(float[] embedding, List<float[]> candidates) {
        return find(embedding, candidates, MatchOptions.defaults());
    }

    private static double normalize(double distance, MatchOptions options) {
        if (distance == 0) {
            return 1;
        }
        double root = options.order() == 2 ? Math.sqrt(distance) : Math.pow(distance, 1.0 / options.order());
        double norm = (1 - root / 100 - options.min()) / (options.max() - options.min());
        return Math.round(100 * Math.max(Math.min(norm, 1), 0)) / 100.0;
    }
}
