package ai.human.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One model's result cache for video-like input, with Human's rules: a cached result for face {@code index} is
 * reused when the frame is unchanged ({@code skipAllowed}), fewer than {@code skipFrames} frames in a row were
 * skipped, less than {@code skipTime} ms passed since the model last ran, the number of faces is the same as then,
 * and the cached value is usable. Otherwise the model runs and its result is stored.
 *
 * <pre>{@code
 * Optional<T> cached = cache.reuse(skipAllowed, cfg.skipFrames(), cfg.skipTime(), now, i, faces.size(), r -> true);
 * T value = cached.orElseGet(() -> { T v = run(); cache.store(i, faces.size(), v, clock.millis()); return v; });
 * }</pre>
 * Thread-safe; one instance per model and {@code Human}.
 *
 * @param <T> the cached result
 */
public final class SkipCache<T> {
    private final List<T> last = new ArrayList<>();
    private int lastCount;
    private double lastTime;
    private long skipped = Long.MAX_VALUE;

    /** The cached result for {@code index} if Human would reuse it now; counts the skip. */
    public synchronized Optional<T> reuse(boolean skipAllowed, int skipFrames, int skipTime, double nowMillis, int index,
                                          int count, Predicate<T> usable) {
        boolean frameSkip = skipped < skipFrames;
        boolean timeSkip = skipTime > nowMillis - lastTime;
        T cached = index < last.size() ? last.get(index) : null;
        if (skipAllowed && timeSkip && frameSkip && lastCount == count && cached != null && usable.test(cached)) {
            skipped++;
            return Optional.of(cached);
        }
        skipped = 0;
        return Optional.empty();
    }

    /** Records a fresh result for face {@code index} of {@code count}, computed at {@code nowMillis}. */
    public synchronized void store(int index, int count, T value, double nowMillis) {
        while (last.size() <= index) {
            last.add(null);
        }
        last.set(index, value);
        lastCount = count;
        lastTime = nowMillis;
    }
}
