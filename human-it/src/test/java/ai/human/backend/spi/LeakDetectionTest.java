package ai.human.backend.spi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.config.LeakDetection;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.backend.reference.ReferenceBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Leak detection finds tensors that became unreachable while open. The tests drop tensors in a separate method, then
 * run the garbage collector in a bounded retry loop (the collector gives no promise about when it runs).
 */
class LeakDetectionTest {
    private static final int GC_ATTEMPTS = 50;

    /** Makes a tensor and drops it without closing; returns its id. */
    private static long leakOne(ReferenceBackend backend) {
        return backend.fromFloats(new float[6], Shape.of(2, 3)).id();
    }

    private static void leakMany(ReferenceBackend backend, int count) {
        for (int i = 0; i < count; i++) {
            backend.fromFloats(new float[1], Shape.of(1));
        }
    }

    /** Collects garbage and looks for leaks until {@code reports} has at least {@code wanted} or the attempts run out. */
    private static void collectUntil(ReferenceBackend backend, List<LeakReport> reports, int wanted)
            throws InterruptedException {
        for (int attempt = 0; attempt < GC_ATTEMPTS && reports.size() < wanted; attempt++) {
            System.gc();
            Thread.sleep(10); // lets the reference handler thread enqueue the phantom references
            backend.tracker().collectLeaks();
        }
    }

    private static void moreRounds(ReferenceBackend backend, int rounds) throws InterruptedException {
        for (int round = 0; round < rounds; round++) {
            System.gc();
            Thread.sleep(10);
            backend.tracker().collectLeaks();
        }
    }

    private static ReferenceBackend backend(LeakDetection level, List<LeakReport> reports) {
        ReferenceBackend backend = new ReferenceBackend(level);
        backend.tracker().addLeakListener(reports::add);
        return backend;
    }

    @Test
    void allReportsALostTensorWithShapeAndOwnerThenReleasesIt() throws InterruptedException {
        List<LeakReport> reports = new CopyOnWriteArrayList<>();
        try (ReferenceBackend backend = backend(LeakDetection.ALL, reports)) {
            long id = leakOne(backend);
            assertThat(backend.memory().tensors()).isEqualTo(1);
            collectUntil(backend, reports, 1);
            assertThat(reports).singleElement().satisfies(report -> {
                assertThat(report.id()).isEqualTo(id);
                assertThat(report.backend()).isEqualTo("reference");
                assertThat(report.dtype()).isEqualTo(DType.FLOAT32);
                assertThat(report.shape()).isEqualTo(Shape.of(2, 3));
                assertThat(report.owner()).isEqualTo(Owner.CALLER);
                assertThat(report.creationSite()).isNull();
                assertThat(report.createdIn()).isNull();
                assertThat(report.message()).contains("Tensor #" + id + " float32[2, 3] (owner CALLER")
                        .contains("-Dhuman.leakDetection=all-with-creation-site");
            });
            assertThat(backend.memory().tensors()).isZero();
            assertThat(backend.memory().bytes()).isZero();
            assertThat(backend.liveArrays()).isZero();
        }
    }

    @Test
    void allWithCreationSiteSaysWhereTheTensorWasMade() throws InterruptedException {
        List<LeakReport> reports = new CopyOnWriteArrayList<>();
        try (ReferenceBackend backend = backend(LeakDetection.ALL_WITH_CREATION_SITE, reports)) {
            leakOne(backend);
            collectUntil(backend, reports, 1);
            assertThat(reports).singleElement().satisfies(report -> {
                assertThat(report.creationSite()).contains("LeakDetectionTest.leakOne");
                // this test's package counts as the library's, so the first "application" frame lies further out
                assertThat(report.createdIn()).isNotBlank();
                assertThat(report.message()).contains("Created in " + report.createdIn() + "; full stack:")
                        .contains("leakOne");
            });
            assertThat(backend.memory().tensors()).isZero();
        }
    }

    /** Makes a tensor owned by a result and drops it. */
    private static void leakAResultTensor(ReferenceBackend backend) {
        backend.tracker().setOwner(backend.fromInts(new int[] {1, 2}, Shape.of(2)), Owner.RESULT);
    }

    @Test
    void theReportCarriesTheOwnerAtTheTimeOfLossAndTheCountsDropForThatOwner() throws InterruptedException {
        List<LeakReport> reports = new CopyOnWriteArrayList<>();
        try (ReferenceBackend backend = backend(LeakDetection.ALL, reports)) {
            leakAResultTensor(backend);
            assertThat(backend.memory().of(Owner.RESULT)).isEqualTo(new MemoryInfo.Usage(1, 8));
            collectUntil(backend, reports, 1);
            assertThat(reports).singleElement().satisfies(report -> {
                assertThat(report.owner()).isEqualTo(Owner.RESULT);
                assertThat(report.dtype()).isEqualTo(DType.INT32);
            });
            assertThat(backend.memory().of(Owner.RESULT)).isEqualTo(MemoryInfo.Usage.NONE);
        }
    }

    @Test
    void aTensorClosedBeforeItIsLostIsNotReported() throws InterruptedException {
        List<LeakReport> reports = new CopyOnWriteArrayList<>();
        try (ReferenceBackend backend = backend(LeakDetection.ALL, reports)) {
            backend.fromFloats(new float[2], Shape.of(2)).close();
            leakOne(backend);
            collectUntil(backend, reports, 1);
            moreRounds(backend, 3);
            assertThat(reports).hasSize(1);
        }
    }

    @Test
    void offNeverReportsAndTheLostTensorStaysCounted() throws InterruptedException {
        List<LeakReport> reports = new CopyOnWriteArrayList<>();
        try (ReferenceBackend backend = backend(LeakDetection.OFF, reports)) {
            leakOne(backend);
            moreRounds(backend, 5);
            assertThat(reports).isEmpty();
            assertThat(backend.memory().tensors()).isEqualTo(1);
            assertThat(backend.memory().bytes()).isEqualTo(24);
        }
        assertThat(reports).isEmpty();
    }

    @Test
    void sampledTracksAboutOneTensorInSixtyFour() throws InterruptedException {
        int count = LeakDetection.SAMPLING_INTERVAL * 20;
        List<LeakReport> reports = new CopyOnWriteArrayList<>();
        try (ReferenceBackend backend = backend(LeakDetection.SAMPLED, reports)) {
            leakMany(backend, count);
            collectUntil(backend, reports, 1);
            int seen = -1;
            for (int attempt = 0; attempt < GC_ATTEMPTS && seen != reports.size(); attempt++) {
                seen = reports.size(); // settle: stop when a round finds nothing new
                moreRounds(backend, 1);
            }
            MemoryInfo memory = backend.memory();
            int found = reports.size();
            // about 20 expected; none at all has a probability of (63/64)^1280, about 2e-9
            assertThat(found).isBetween(1, count / 4);
            assertThat(memory.tensors()).as("untracked lost tensors stay counted").isEqualTo(count - found);
            assertThat(memory.bytes()).isEqualTo(4L * (count - found));
        }
    }
}
