package ai.human.bench.report;

import java.util.Arrays;
import java.util.Collection;

/** Medians, the statistic every figure of the report uses (robust to the spikes of a shared machine). */
final class Stats {
    private Stats() {
    }

    /** The median of {@code values}; NaN when there are none. */
    static double median(Collection<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The median of {@code values}; NaN when there are none. */
    static double median(double... values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
