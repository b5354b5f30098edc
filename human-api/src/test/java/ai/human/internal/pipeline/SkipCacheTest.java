package ai.human.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkipCacheTest {
    private final SkipCache<String> cache = new SkipCache<>();

    @Test
    void nothingIsReusedBeforeAResultWasStored() {
        assertThat(cache.reuse(true, 99, 1000, 0, 0, 1, v -> true)).isEmpty();
    }

    @Test
    void aStoredResultIsReusedOnAnUnchangedFrameWithinTheLimits() {
        cache.reuse(true, 99, 1000, 0, 0, 1, v -> true);
        cache.store(0, 1, "happy", 100);
        assertThat(cache.reuse(true, 99, 1000, 500, 0, 1, v -> true)).contains("happy");
    }

    @Test
    void aChangedFrameAnotherFaceCountOrAnUnusableValueRunsTheModel() {
        cache.reuse(true, 99, 1000, 0, 0, 1, v -> true);
        cache.store(0, 1, "happy", 100);
        assertThat(cache.reuse(false, 99, 1000, 500, 0, 1, v -> true)).isEmpty();
        cache.store(0, 1, "happy", 500);
        assertThat(cache.reuse(true, 99, 1000, 600, 0, 2, v -> true)).isEmpty();
        cache.store(0, 1, "happy", 600);
        assertThat(cache.reuse(true, 99, 1000, 700, 0, 1, v -> false)).isEmpty();
        cache.store(0, 1, "happy", 700);
        assertThat(cache.reuse(true, 99, 1000, 800, 1, 1, v -> true)).isEmpty();
    }

    @Test
    void reuseEndsAfterSkipTimeMilliseconds() {
        cache.reuse(true, 99, 1000, 0, 0, 1, v -> true);
        cache.store(0, 1, "happy", 100);
        assertThat(cache.reuse(true, 99, 1000, 1099, 0, 1, v -> true)).isPresent();
        assertThat(cache.reuse(true, 99, 1000, 1100, 0, 1, v -> true)).isEmpty();
    }

    @Test
    void reuseEndsAfterSkipFramesFrames() {
        cache.reuse(true, 2, 1000, 0, 0, 1, v -> true);
        cache.store(0, 1, "happy", 0);
        assertThat(cache.reuse(true, 2, 1000, 1, 0, 1, v -> true)).isPresent();
        assertThat(cache.reuse(true, 2, 1000, 2, 0, 1, v -> true)).isPresent();
        assertThat(cache.reuse(true, 2, 1000, 3, 0, 1, v -> true)).isEmpty();
    }
}
