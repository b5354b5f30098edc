package ai.human.cli;

import ai.human.Human;
import ai.human.backend.spi.TensorTracker;
import ai.human.config.HumanConfig;
import ai.human.config.LeakDetection;
import ai.human.image.ImageDecoder;
import ai.human.image.RgbImage;
import ai.human.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code human soak}: decode → detect (face crops returned) → use the crops → release, many times, printing the
 * backend's live tensors and bytes, the JVM heap and the process RSS every few iterations, and the growth after
 * warm-up at the end.
 */
@Command(name = "soak", sortOptions = false,
        header = "Run decode -> detect -> use face tensors -> release many times and watch memory.",
        description = {"Runs decode -> detect (face.detector.return=true) -> read every face crop -> release, --iterations"
                + " times on one image, and prints every --every iterations a row: live tensors and bytes"
                + " (Human.memory()), JVM heap in use, process RSS (VmRSS), leak reports so far, ms per iteration."
                + " The last line gives the growth of each from the end of the warm-up to the end; tensors and bytes"
                + " must not grow (exit code 1 if they do, except with --leak). Heap is measured after System.gc()"
                + " at the warm-up point and at the end.",
                "",
                "Modes: by default the image and the result are closed with try-with-resources; --deallocate sets"
                        + " deallocate=true so detect releases the image and only the result is closed; --leak drops both"
                        + " unclosed with leakDetection=all-with-creation-site, so the leak detector reports each lost tensor"
                        + " (WARN on stderr, with where it was created) and frees it; rows then run the garbage collector.",
                "",
                "The configuration starts from Human's defaults with cacheSensitivity 0 (every iteration runs every"
                        + " model) and face.detector.return=true; --config and --set come after."},
        footer = {"", "Examples:",
                "  human soak --iterations 10000 --every 1000",
                "  human soak --backend djl --deallocate --iterations 10000 --every 1000",
                "  human soak --leak --iterations 3 --every 1"})
final class SoakCommand implements Callable<Integer> {
    /** Garbage-collection rounds at most per row in --leak mode (two rounds that find no new leak end it early). */
    private static final int LEAK_ROUNDS = 20;

    @Parameters(paramLabel = "IMAGE", arity = "0..1", description = "Image file to use (default: --sample 1).")
    Path imageFile;

    @Option(names = "--sample", paramLabel = "N", description = "Built-in face-api photo 1 to 6 (default: 1).")
    Integer sample;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
            description = "Iterations to run (default: ${DEFAULT-VALUE}).")
    long iterations;

    @Option(names = "--every", paramLabel = "K", defaultValue = "100",
            description = "Print a row every K iterations (default: ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--warmup", paramLabel = "W", description = "Iterations before the growth baseline (default: --every,"
            + " at most half of --iterations).")
    Long warmup;

    @Option(names = "--deallocate", description = "deallocate=true: detect releases the decoded image; only the result"
            + " is closed.")
    boolean deallocate;

    @Option(names = "--leak", description = "Leak on purpose: drop image and result unclosed, with leak detection at"
            + " all-with-creation-site, to see the detector's reports.")
    boolean leak;

    @Mixin
    ConfigOptions config;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        SoakMode mode = mode();
        long warmupIterations = warmupIterations();
        byte[] image = imageBytes();
        String imageName = imageFile != null ? imageFile.toString() : Samples.name(sample == null ? 1 : sample);
        RgbImage header = ImageDecoder.decode(image, Long.MAX_VALUE);
        HumanConfig humanConfig = config.apply(mode.configure(base()));
        PrintStream out = common.out();
        AtomicLong leaks = new AtomicLong();
        try (Human human = Human.create(humanConfig)) {
            boolean counting = listenForLeaks(human, leaks);
            out.printf(Locale.ROOT, "human soak: %d iterations on %s; %s%n", iterations, human.backend().name(),
                    mode.description());
            out.printf(Locale.ROOT, "image %s (%dx%d); leak detection %s; warm-up %d iterations%n", imageName,
                    header.width(), header.height(),
                    LeakDetection.effective(humanConfig.leakDetection()).jsonValue(), warmupIterations);
            out.println(MemorySample.header());
            out.println(sample(human, mode, 0, leaks, -1).row("models loaded"));
            MemorySample base = null;
            long faces = 0;
            long rowStart = System.nanoTime();
            long rowFrom = 0;
            for (long i = 1; i <= iterations; i++) {
                faces += mode.iterate(human, image);
                boolean atWarmup = i == warmupIterations;
                boolean last = i == iterations;
                if (i % every == 0 || atWarmup || last) {
                    double perIteration = (System.nanoTime() - rowStart) / 1e6 / (i - rowFrom);
                    if (atWarmup || last) {
                        settleHeap();
                    }
                    MemorySample now = sample(human, mode, i, leaks, perIteration);
                    out.println(now.row(atWarmup ? "warm-up done (after gc)" : last ? "end (after gc)" : ""));
                    if (atWarmup) {
                        base = now;
                    }
                    if (last) {
                        return finish(out, mode, base, now, faces, counting ? leaks.get() : -1);
                    }
                    rowStart = System.nanoTime();
                    rowFrom = i;
                }
            }
            return ExitCode.OK; // iterations >= 1, so the loop returned at its last iteration
        }
    }

    private int finish(PrintStream out, SoakMode mode, MemorySample base, MemorySample end, long faces, long leaks) {
        out.printf(Locale.ROOT, "growth after warm-up (iteration %d -> %d): %s; faces found %d; leak reports %s%n",
                base.iteration(), end.iteration(), end.growthSince(base), faces, leaks < 0 ? "n/a" : leaks);
        if (mode == SoakMode.LEAK) {
            out.println(leaks > 0 ? "leak mode: " + leaks + " lost tensors were reported (WARN on stderr, with where each"
                    + " was created) and freed" : "leak mode: no report yet; the garbage collector had not found the lost"
                    + " tensors (run more iterations)");
            return ExitCode.OK;
        }
        boolean grew = end.tensors() != base.tensors() || end.bytes() != base.bytes();
        out.println(grew ? "FAILED: live tensors or bytes grew after warm-up" : "OK: no tensor or byte growth after warm-up");
        return grew ? ExitCode.FAILED : ExitCode.OK;
    }

    private MemorySample sample(Human human, SoakMode mode, long iteration, AtomicLong leaks, double perIteration) {
        if (mode == SoakMode.LEAK) {
            collectLeaks(human, leaks);
        }
        return MemorySample.take(iteration, human.memory(), leaks.get(), perIteration);
    }

    /** Runs the collector until two rounds in a row find no new leak, so that the row shows what was lost and freed. */
    private static void collectLeaks(Human human, AtomicLong leaks) {
        int quiet = 0;
        for (int round = 0; round < LEAK_ROUNDS && quiet < 2; round++) {
            long before = leaks.get();
            settleHeap();
            human.memory(); // looks for leaks
            quiet = leaks.get() == before ? quiet + 1 : 0;
        }
    }

    private static void settleHeap() {
        System.gc();
        try {
            Thread.sleep(20); // lets the reference handler enqueue what the collector found
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the backend's leak reports; false when its tensors are not tracked by a {@link TensorTracker}. */
    private static boolean listenForLeaks(Human human, AtomicLong leaks) {
        try (Tensor probe = human.backend().scalar(0f)) {
            TensorTracker.of(probe).addLeakListener(report -> leaks.incrementAndGet());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Human's defaults for a loop over one image: every model runs every time, face crops returned. */
    static HumanConfig base() {
        return HumanConfig.defaults().withCacheSensitivity(0).withOverride("face.detector.return", "true");
    }

    private SoakMode mode() {
        if (deallocate && leak) {
            throw CliException.usage("--deallocate and --leak exclude each other; choose one (or neither for proper"
                    + " release)");
        }
        return leak ? SoakMode.LEAK : deallocate ? SoakMode.DEALLOCATE : SoakMode.PROPER;
    }

    private long warmupIterations() {
        if (iterations < 2) {
            throw CliException.usage("--iterations must be 2 or more (warm-up, then the measured part), got " + iterations);
        }
        if (every < 1) {
            throw CliException.usage("--every must be 1 or more, got " + every);
        }
        long w = warmup != null ? warmup : Math.min(every, iterations / 2);
        if (w < 1 || w >= iterations) {
            throw CliException.usage("--warmup must be between 1 and --iterations - 1 (" + (iterations - 1) + "), got " + w);
        }
        return w;
    }

    private byte[] imageBytes() {
        if (imageFile != null && sample != null) {
            throw CliException.usage("give an IMAGE or --sample, not both");
        }
        if (imageFile == null) {
            int n = sample == null ? 1 : sample;
            if (n < 1 || n > Samples.COUNT) {
                throw CliException.usage("--sample must be 1 to " + Samples.COUNT + ", got " + n);
            }
            return Samples.read(n);
        }
        if (!Files.isRegularFile(imageFile)) {
            throw CliException.usage(imageFile + ": no such file; give an image file or use --sample N");
        }
        try {
            return Files.readAllBytes(imageFile);
        } catch (IOException e) {
            throw CliException.usage(imageFile + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
