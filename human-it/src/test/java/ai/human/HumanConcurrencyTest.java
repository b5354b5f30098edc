package ai.human;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.internal.pipeline.Clock;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads detecting at once on one {@code Human} without caching ({@code cacheSensitivity: 0}), each on
 * photos of its own: every call must get the faces of its own photo. The photos differ in size, so the fake detector
 * puts its boxes in different places for each of them, and a box taken from another call in progress shows.
 */
class HumanConcurrencyTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 2;
    private static final int DETECTS_PER_THREAD = 8;
    /** A safety net against a deadlock, not a time limit on the test. */
    private static final long DEADLOCK_MINUTES = 5;

    private final HumanFixture fixture = new HumanFixture();
    private final List<BufferedImage> photos = List.of(HumanFixture.image(320, 240, 1), HumanFixture.image(480, 360, 2),
            HumanFixture.image(200, 400, 3), HumanFixture.image(640, 200, 4));
    /** The system clock, letting other threads run whenever the pipeline looks at it (as a preemption might). */
    private final Clock yieldingClock = () -> {
        Thread.yield();
        return Clock.SYSTEM.millis();
    };

    @AfterEach
    void closeBackend() {
        fixture.close();
    }

    @Test
    void concurrentDetectsOnDifferentPhotosEachGetTheFacesOfTheirOwnPhoto() throws Exception {
        List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
        int detections = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // a fresh instance each round: its first calls overlap, as the first calls on a new Human do
            try (Human human = fixture.human(HumanFixture.config("cacheSensitivity=0"), yieldingClock)) {
                List<List<FaceResult>> expected = new ArrayList<>();
                for (BufferedImage photo : photos) {
                    try (Result result = human.detect(photo)) {
                        expected.add(result.face());
                    }
                }
                detections += detectOnThreads(human, expected, round, mismatches);
            }
        }
        assertThat(mismatches).as("%d of %d concurrent detections got faces that are not their photo's; first ones: %s",
                mismatches.size(), detections, mismatches.subList(0, Math.min(3, mismatches.size()))).isEmpty();
    }

    private int detectOnThreads(Human human, List<List<FaceResult>> expected, int round, List<String> mismatches)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < DETECTS_PER_THREAD; i++) {
                        int photo = (thread + i) % photos.size();
                        try (Result result = human.detect(photos.get(photo))) {
                            List<Double> got = boxCorners(result.face());
                            List<Double> want = boxCorners(expected.get(photo));
                            if (!got.equals(want)) {
                                mismatches.add("round " + round + ", thread " + thread + ", detection " + i + ", photo "
                                        + photo + ": boxes " + got + " instead of " + want);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(DEADLOCK_MINUTES, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return THREADS * DETECTS_PER_THREAD;
    }

    private static List<Double> boxCorners(List<FaceResult> faces) {
        List<Double> corners = new ArrayList<>();
        for (FaceResult face : faces) {
            corners.add(face.box().x());
            corners.add(face.box().y());
            corners.add(face.box().width());
            corners.add(face.box().height());
        }
        return corners;
    }
}
