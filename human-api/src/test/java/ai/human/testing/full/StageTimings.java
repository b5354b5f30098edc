package ai.human.testing.full;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Wall times per stage over repeated runs, reported as medians (a report, never an assertion). */
public final class StageTimings {
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();

    /** Records one run of {@code stage} between two {@link System#nanoTime()} readings. */
    public void add(String stage, long startNanos, long endNanos) {
        millis(stage).add((endNanos - startNanos) / 1e6);
    }

    /** Records one run of {@code stage} that took {@code millis} (for example from a result's {@code performance}). */
    public void addMillis(String stage, double millis) {
        millis(stage).add(millis);
    }

    private List<Double> millis(String stage) {
        return millis.computeIfAbsent(stage, k -> new ArrayList<>());
    }

    /** {@code stage: median ms (n runs)}, one stage per line. */
    public String report(String title) {
        StringBuilder out = new StringBuilder(title).append('\n');
        millis.forEach((stage, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            out.append(String.format(Locale.ROOT, "  %-8s median %7.1f ms  min %7.1f  max %7.1f  (%d runs)%n", stage, median,
                    sorted[0], sorted[sorted.length - 1], sorted.length));
        });
        return out.toString();
    }

    @Override
    public String toString() {
        return report("stage timings");
    }
}
