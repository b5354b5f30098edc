package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules {@code CONC-*}: one {@code Human} on the backend detects on several threads at once ({@code cacheSensitivity}
 * 0, so nothing serialises the calls), each thread on its own sequence of sample photos, with the results a single
 * thread gets and nothing left behind. {@code NAT-01} is checked before and after.
 */
abstract class ConcurrencyRules extends RuleGroup {
    /** A safety net against a deadlocked backend, not a time limit on the rule. */
    private static final long DEADLOCK_MINUTES = 15;

    ConcurrencyRules(BackendCompatibilityKit kit) {
        super(kit, Capability.CONCURRENCY, false);
    }

    @Test
    @DisplayName("CONC-01 threads detecting at once on one Human get exactly the results of one thread")
    void concurrentDetectionsGiveTheResultsOfOneThread() {
        Workload workload = kit.checkedWorkload();
        runConcurrently(workload.threads(), workload.detectsPerThread(), "CONC-01");
    }

    @Test
    @DisplayName("CONC-02 threads detecting at once leave the backend at its baseline, and Human.close() at zero")
    void concurrentDetectionsLeaveNothingBehind() {
        Workload workload = kit.checkedWorkload();
        runConcurrently(workload.threads(), Math.min(5, workload.detectsPerThread()), "CONC-02");
    }

    private void runConcurrently(int threads, int detectsPerThread, String rule) {
        EngineCrossCheck engine = EngineCrossCheck.start(kit, backend);
        MemoryInfo empty = backend.memory();
        int images = Math.min(threads, SampleImages.COUNT);
        HumanConfig config = DetectionSetup.config(kit.checkedWorkload(), DetectionSetup.Modules.FACE_ONLY, true, true,
                1, 0);
        try (Human human = Human.create(config, backend)) {
            MemoryInfo created = backend.memory();
            Map<Integer, JsonNode> expected = new HashMap<>();
            for (int sample = 1; sample <= images; sample++) {
                try (Result result = human.detect(SampleImages.tensor(backend, sample))) {
                    expected.put(sample, ResultComparison.fingerprint(result));
                }
            }
            List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger detections = new AtomicInteger();
            detectOnThreads(human, threads, detectsPerThread, images, expected, mismatches, detections, rule);
            assertThat(mismatches).as("[CONC-01] %d of %d detections on %d threads at once differ from the result one "
                    + "thread got for the same photo; first ones: %s. Hint: state shared between calls (a scratch "
                    + "buffer, a cached tensor, an engine handle that is not thread-safe) must belong to one call or be "
                    + "locked", mismatches.size(), detections.get(), threads,
                    mismatches.subList(0, Math.min(3, mismatches.size()))).isEmpty();
            MemoryInfo after = backend.memory();
            assertThat(after.tensors()).as("[CONC-02] live tensors after %d detections on %d threads, each result "
                    + "closed: %+d (%+d bytes) against after create (%s, now %s). Hint: the counters must be updated "
                    + "atomically, and scopes must be per thread", detections.get(), threads,
                    after.tensors() - created.tensors(), after.bytes() - created.bytes(), created, after)
                    .isEqualTo(created.tensors());
            assertThat(after.bytes()).as("[CONC-02] live bytes after the concurrent detections").isEqualTo(created.bytes());
            assertThat(after.byOwner()).as("[CONC-02] live tensors by owner after the concurrent detections (nothing "
                    + "IN_FLIGHT or RESULT)").isEqualTo(created.byOwner());
            assertThat(after.of(Owner.IN_FLIGHT)).as("[CONC-02] Owner.IN_FLIGHT after the concurrent detections")
                    .isEqualTo(MemoryInfo.Usage.NONE);
            engine.expectInStep("after " + detections.get() + " detections on " + threads + " threads");
        }
        MemoryInfo closed = backend.memory();
        assertThat(closed.tensors()).as("[CONC-02] live tensors after Human.close() (before create: %s, now %s)", empty,
                closed).isEqualTo(empty.tensors());
        assertThat(closed.bytes()).as("[CONC-02] live bytes after Human.close()").isEqualTo(empty.bytes());
        engine.expectInStep("after Human.close() following the concurrent detections");
    }

    /** Thread {@code t} detects in samples {@code t+1, t+2, ...} (cycling), so threads work on different photos. */
    private void detectOnThreads(Human human, int threads, int detectsPerThread, int images,
                                 Map<Integer, JsonNode> expected, List<String> mismatches, AtomicInteger detections,
                                 String rule) {
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "tck-" + rule + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < detectsPerThread; i++) {
                        int detection = i;
                        int sample = 1 + (thread + i) % images;
                        try (Result result = human.detect(SampleImages.tensor(backend, sample))) {
                            detections.incrementAndGet();
                            Optional<String> difference = ResultComparison.firstDifference(expected.get(sample),
                                    ResultComparison.fingerprint(result), kit.tolerance());
                            difference.ifPresent(d -> mismatches.add("thread " + thread + ", detection " + detection + ", "
                                    + SampleImages.name(sample) + ": " + d));
                        }
                    }
                    return null;
                }));
            }
            for (int t = 0; t < threads; t++) {
                try {
                    running.get(t).get(DEADLOCK_MINUTES, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw new AssertionError("[" + rule + "] detect failed on thread " + t + " while " + threads
                            + " threads detected at once: " + e.getCause() + ". Hint: the backend must be thread-safe "
                            + "(ops, scopes and counters on several threads at once)", e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("[" + rule + "] thread " + t + " of " + threads + " did not finish its "
                            + detectsPerThread + " detections within " + DEADLOCK_MINUTES + " minutes. Hint: a deadlock "
                            + "between threads using the backend at once", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("[" + rule + "] interrupted while waiting for the detecting threads", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
