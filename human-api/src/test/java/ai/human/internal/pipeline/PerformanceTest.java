package ai.human.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerformanceTest {
    private double now;

    @Test
    void timesAreWholeMillisecondsTruncatedAfterSumming() {
        Performance perf = new Performance(() -> now);
        now = 10;
        double start = now;
        now = 10.6;
        perf.add("emotion", start);
        start = now;
        now = 11.2;
        perf.add("emotion", start);
        perf.set("totalFrames", 3);
        assertThat(perf.toMap()).containsExactly(java.util.Map.entry("emotion", 1L), java.util.Map.entry("totalFrames", 3L));
    }
}
