package ai.human.internal.face;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.internal.pipeline.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DetectorBoxCacheTest {
    /** A safety net against a deadlock, not a time limit on the test. */
    private static final long DEADLOCK_SECONDS = 60;
    private static final Clock NOW = () -> 1_000;

    private static FaceBox box(double x) {
        return new FaceBox(x, x, x + 10, x + 10, new double[0][], 0.9, 0, 0);
    }

    @Test
    void withoutSkippingEachCallGetsTheBoxesItsOwnDetectionFound() throws Exception {
        DetectorBoxCache cache = new DetectorBoxCache();
        List<FaceBox> mine = List.of(box(1));
        List<FaceBox> theirs = List.of(box(200));
        CountDownLatch firstStored = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        // The first call's clock is read after its detection ran; it waits there until a second call (another
        // photo, on another thread) has detected and stored its boxes: the moment two parallel detects overlap.
        Clock pausingClock = () -> {
            firstStored.countDown();
            await(secondDone);
            return 1_000;
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<FaceBox>> first = pool.submit(() -> cache.boxes(false, 1, 1000, 1_000, () -> mine, pausingClock));
            await(firstStored);
            List<FaceBox> second = cache.boxes(false, 1, 1000, 1_000, () -> theirs, NOW);
            secondDone.countDown();
            assertThat(second).isEqualTo(theirs);
            assertThat(first.get(DEADLOCK_SECONDS, TimeUnit.SECONDS)).isEqualTo(mine);
        } finally {
            secondDone.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void withSkippingAllowedTheConfirmedBoxesOfThePreviousFrameAreReused() {
        DetectorBoxCache cache = new DetectorBoxCache();
        List<FaceBox> detected = List.of(box(1));
        List<FaceBox> confirmed = List.of(box(3));
        assertThat(cache.boxes(true, 5, 1000, 1_000, () -> detected, NOW)).isEqualTo(detected);
        cache.replace(confirmed);
        assertThat(cache.boxes(true, 5, 1000, 1_010, () -> List.of(box(9)), NOW)).isEqualTo(confirmed);
        assertThat(cache.boxes(false, 5, 1000, 1_020, () -> detected, NOW)).isEqualTo(detected);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLOCK_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other call never got there: a deadlock in DetectorBoxCache");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
