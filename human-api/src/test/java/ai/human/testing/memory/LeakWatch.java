package ai.human.testing.memory;

import ai.human.backend.Backend;
import ai.human.backend.spi.LeakReport;
import ai.human.backend.spi.TensorTracker;
import ai.human.tensor.Tensor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Collects the leak reports of one backend while open, and drives the garbage collector until the expected reports
 * arrive: the collector promises nothing about when it runs, so the wait is a bounded retry loop, not a timer.
 *
 * <pre>{@code
 * try (LeakWatch leaks = LeakWatch.on(backend)) {
 *     dropSomething();
 *     leaks.awaitReports(1);
 *     assertThat(leaks.reports()).singleElement()...
 * }
 * }</pre>
 */
public final class LeakWatch implements AutoCloseable {
    private static final int GC_ROUNDS = 100;

    private final TensorTracker tracker;
    private final List<LeakReport> reports = new CopyOnWriteArrayList<>();
    private final Consumer<LeakReport> listener = reports::add;

    private LeakWatch(TensorTracker tracker) {
        this.tracker = tracker;
        tracker.addLeakListener(listener);
    }

    /** Watches the tracker of {@code backend} (found through a scalar made and closed at once). */
    public static LeakWatch on(Backend backend) {
        try (Tensor probe = backend.scalar(0f)) {
            return new LeakWatch(TensorTracker.of(probe));
        }
    }

    /** The reports so far, in the order found. */
    public List<LeakReport> reports() {
        return List.copyOf(reports);
    }

    /** Runs the collector and looks for leaks until at least {@code wanted} reports came, or the rounds run out. */
    public void awaitReports(int wanted) throws InterruptedException {
        for (int round = 0; round < GC_ROUNDS && reports.size() < wanted; round++) {
            collectOnce();
        }
    }

    /** A few more rounds, so that a report that should not come has its chance to. */
    public void settle(int rounds) throws InterruptedException {
        for (int round = 0; round < rounds; round++) {
            collectOnce();
        }
    }

    private void collectOnce() throws InterruptedException {
        System.gc();
        Thread.sleep(10); // lets the reference handler thread enqueue the phantom references
        tracker.collectLeaks();
    }

    @Override
    public void close() {
        tracker.removeLeakListener(listener);
    }
}
