package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.error.HumanException;
import ai.human.result.Result;
import ai.human.tensor.Tensor;
import ai.human.testing.SampleImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Load on one shared {@link Human} (full preset, no caching): {@value #DEFAULT_THREADS} threads each run a series of
 * detects on a seeded mix of inputs (the six sample photos at full size, small generated images, some given as
 * tensors from {@code decodeImage}, and invalid files). Every valid input gives the result a single thread got for it
 * (up to Human's body keypoint jitter filter, see {@link Results}), every invalid one the same exception, and the
 * tensor count ends at the baseline. {@code close()} while detects run waits for them or fails them cleanly with a
 * {@code HumanException}.
 *
 * <p>Size: {@code -Dhuman.load.threads} (default 8) and {@code -Dhuman.load.perThread} (default
 * {@link #ciDetectsPerThread()}); issue 12's full size is {@code -Dhuman.load.perThread=500}; the close test runs
 * {@code -Dhuman.load.closeRounds} rounds (default 2), each on a new Human that owns its backend. Figures are printed.
 */
public abstract class LoadContract extends OneHumanPerClass {
    static final int DEFAULT_THREADS = 8;

    /** Detects per thread in CI. */
    protected abstract int ciDetectsPerThread();

    /** One input of the mix. */
    record Input(String name, byte[] bytes, boolean valid) {
    }

    /** What a single thread got for an input: a result or an exception's class and message. */
    record Outcome(Result result, String error) {
    }

    static List<Input> inputs() {
        List<Input> out = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            out.add(new Input("sample" + n + ".jpg", SampleImages.bytes("sample" + n + ".jpg"), true));
        }
        out.add(new Input("sample3 JPEG 320", ImageFixtures.encode(ImageFixtures.photo(3, 320), "jpeg"), true));
        out.add(new Input("sample5 PNG 160", ImageFixtures.encode(ImageFixtures.photo(5, 160), "png"), true));
        out.add(new Input("pattern PNG 64x48", ImageFixtures.encode(ImageFixtures.pattern(64, 48, 9), "png"), true));
        out.add(new Input("pattern PNG 1x1", ImageFixtures.encode(ImageFixtures.pattern(1, 1, 3), "png"), true));
        out.add(new Input("empty", new byte[0], false));
        out.add(new Input("random bytes", ImageFixtures.randomBytes(2048, 5), false));
        out.add(new Input("truncated JPEG", ImageFixtures.truncated(ImageFixtures.encode(ImageFixtures.photo(1, 320), "jpeg"),
                0.5), false));
        out.add(new Input("PNG claiming 50000x50000", ImageFixtures.pngHeader(50_000, 50_000), false));
        out.add(new Input("WebP", ImageFixtures.webpHeader(), false));
        return out;
    }

    @Test
    void manyThreadsOnOneHumanGiveTheSingleThreadResultsAndLeaveNothing() throws Exception {
        int threads = Integer.getInteger("human.load.threads", DEFAULT_THREADS);
        int perThread = Integer.getInteger("human.load.perThread", ciDetectsPerThread());
        List<Input> inputs = inputs();
        long t0 = System.nanoTime();
        Map<String, Outcome> reference = new LinkedHashMap<>();
        for (Input input : inputs) {
            reference.put(input.name(), outcome(input, false));
        }
        double singleMs = (System.nanoTime() - t0) / 1e6;
        assertThat(reference.values()).filteredOn(o -> o.result() != null).hasSize((int) inputs.stream().filter(Input::valid).count());

        ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        AtomicInteger exact = new AtomicInteger();
        AtomicInteger jitterOnly = new AtomicInteger();
        AtomicInteger refusedAsExpected = new AtomicInteger();
        AtomicInteger asTensor = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random rnd = new Random(1000 + t);
                done.add(pool.submit(() -> {
                    for (int k = 0; k < perThread; k++) {
                        Input input = inputs.get(rnd.nextInt(inputs.size()));
                        boolean tensor = input.valid() && rnd.nextInt(4) == 0;
                        if (tensor) {
                            asTensor.incrementAndGet();
                        }
                        Outcome got = outcome(input, tensor);
                        Outcome expected = reference.get(input.name());
                        if (expected.result() == null) {
                            if (expected.error().equals(got.error())) {
                                refusedAsExpected.incrementAndGet();
                            } else {
                                mismatches.add(input.name() + ": expected " + expected.error() + ", got " + describe(got));
                            }
                        } else if (got.result() == null) {
                            mismatches.add(input.name() + ": expected a result, got " + got.error());
                        } else if (Results.canonical(got.result()).equals(Results.canonical(expected.result()))) {
                            exact.incrementAndGet();
                        } else if (Results.sameUpToBodyJitter(got.result(), expected.result())) {
                            jitterOnly.incrementAndGet();
                        } else {
                            mismatches.add(input.name() + ": result differs: " + Results.canonical(got.result()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.HOURS);
            }
        } finally {
            pool.shutdownNow();
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        int total = threads * perThread;
        System.out.printf(Locale.ROOT, "load on %s: %d threads x %d detects = %d in %.1f s (%.1f detects/s);"
                        + " single-thread pass over the %d inputs %.1f s; %d exact results, %d equal up to body jitter,"
                        + " %d refused as expected, %d given as tensors, %d mismatches; live tensors %d (baseline %d)%n",
                backend.name(), threads, perThread, total, wallMs / 1000, total / (wallMs / 1000), inputs.size(),
                singleMs / 1000, exact.get(), jitterOnly.get(), refusedAsExpected.get(), asTensor.get(), mismatches.size(),
                liveTensors(), baseline);
        assertThat(mismatches).isEmpty();
        assertThat(exact.get() + jitterOnly.get() + refusedAsExpected.get()).isEqualTo(total);
        assertThat(liveTensors()).as("live tensors after the load").isEqualTo(baseline);
    }

    @Test
    void closeWhileDetectsRunWaitsForThemOrFailsThemCleanly() throws Exception {
        byte[] small = ImageFixtures.encode(ImageFixtures.photo(2, 320), "jpeg");
        byte[] large = SampleImages.bytes("sample4.jpg");
        int rounds = Integer.getInteger("human.load.closeRounds", 2);
        for (int round = 0; round < rounds; round++) {
            // a Human that owns its backend: close() closes the backend, the dangerous case for native memory
            Human owner = Human.create(fullConfig("backend=" + backend.name()));
            int workers = 4;
            CountDownLatch running = new CountDownLatch(workers);
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            AtomicInteger results = new AtomicInteger();
            AtomicInteger refusedAsClosed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    running.countDown();
                    for (int k = 0; ; k++) {
                        try {
                            if (worker % 2 == 1) {
                                try (Tensor image = owner.decodeImage(k % 2 == 0 ? small : large)) {
                                    owner.detect(image).close();
                                }
                            } else {
                                owner.detect(k % 2 == 0 ? small : large).close();
                            }
                            results.incrementAndGet();
                        } catch (HumanException e) {
                            if (e.getMessage().contains("closed")) {
                                refusedAsClosed.incrementAndGet();
                                return null;
                            }
                            unexpected.add(e.toString());
                            return null;
                        } catch (RuntimeException | Error e) {
                            unexpected.add(e.toString());
                            return null;
                        }
                    }
                }));
            }
            running.await();
            while (results.get() < 2 + round) {
                Thread.sleep(5);
            }
            owner.close();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            System.out.printf(Locale.ROOT, "close while detecting on %s, round %d: %d results before close, %d calls refused"
                    + " as closed, %d other outcomes%n", backend.name(), round, results.get(), refusedAsClosed.get(),
                    unexpected.size());
            assertThat(unexpected).as("outcomes other than a result or 'closed'").isEmpty();
            assertThat(refusedAsClosed.get()).isEqualTo(workers);
            assertThat(owner.memory().tensors()).as("live tensors of the closed Human's backend").isZero();
        }
    }

    private Outcome outcome(Input input, boolean asTensor) {
        try {
            if (asTensor) {
                try (Tensor image = human.decodeImage(input.bytes()); Result result = human.detect(image)) {
                    return new Outcome(result, null);
                }
            }
            try (Result result = human.detect(input.bytes())) {
                return new Outcome(result, null);
            }
        } catch (HumanException e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            return new Outcome(null, "UNEXPECTED " + e);
        }
    }

    private static String describe(Outcome outcome) {
        return outcome.result() == null ? outcome.error() : "a result";
    }
}
