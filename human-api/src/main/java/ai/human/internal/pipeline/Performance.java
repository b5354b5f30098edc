package ai.human.internal.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code performance} map of one {@code detect} call, with Human's keys and units: whole milliseconds,
 * truncated as Human's {@code Math.trunc(now() - start)}. Keys accumulate: timing a key twice adds both (used when a stage runs
 * once per face). Not thread-safe: one per call.
 *
 * <pre>{@code
 * Performance perf = new Performance(clock);
 * double t0 = clock.millis();
 * ...
 * perf.add("face", t0);
 * }</pre>
 */
public final class Performance {
    private final Clock clock;
    private final Map<String, Double> values = new LinkedHashMap<>();

    public Performance(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** Adds the milliseconds since {@code startMillis} to {@code key}. */
    public void add(String key, double startMillis) {
        values.merge(key, clock.millis() - startMillis, Double::sum);
    }

    /** Sets a value (a count or a figure measured elsewhere). */
    public void set(String key, long value) {
        values.put(key, (double) value);
    }

    /** The values so far, truncated to whole numbers, in the order first set. */
    public Map<String, Long> toMap() {
        Map<String, Long> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(key, (long) (double) value));
        return out;
    }
}
