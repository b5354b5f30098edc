package ai.human.testing.memory;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendSelector;
import ai.human.backend.spi.LeakReport;
import ai.human.config.HumanConfig;
import ai.human.config.LeakDetection;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.testing.FacePreset;
import ai.human.testing.SampleImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Leak detection through the public API on one backend: a tensor that becomes unreachable while open (a decoded
 * image never closed; the face crops of a {@code Result} never closed, reachable only from that result) is reported
 * once, with its shape, owner and, at {@code all-with-creation-site}, where it was created; through slf4j at WARN;
 * and then freed, so the counts go back down. The level comes from the config, or from the system property
 * {@value LeakDetection#PROPERTY}, which wins.
 *
 * <pre>{@code
 * class TfLeakDetectionTest extends LeakDetectionContract {
 *     protected String backendName() { return "tensorflow"; }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LeakDetectionContract {
    /** Five faces with the face preset at maxDetected 20. */
    private static final String IMAGE = "sample5.jpg";
    private static final int FACES = 5;

    private Backend backend;
    private byte[] jpeg;

    /** The backend to test, as {@code config.backend} names it. */
    protected abstract String backendName();

    @BeforeAll
    void createBackend() {
        backend = BackendSelector.fromEnvironment().select(backendName()).provider()
                .create(new BackendOptions(LeakDetection.ALL_WITH_CREATION_SITE, Map.of()));
        jpeg = SampleImages.bytes(IMAGE);
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    /** The face preset on this backend, all faces, no frame cache, plus {@code overrides}. */
    protected HumanConfig config(String... overrides) {
        return FacePreset.config(20).withOverrides(List.of("backend=" + backendName(), "cacheSensitivity=0"))
                .withOverrides(List.of(overrides));
    }

    /** What a dropped tensor was. */
    private record Dropped(long id, Shape shape) {
    }

    /** Decodes the image and drops the tensor without closing it. */
    private static Dropped dropADecodedImage(Human human, byte[] jpeg) {
        Tensor image = human.decodeImage(jpeg);
        return new Dropped(image.id(), image.shape());
    }

    /** Detects with face crops returned and drops the result without closing it; returns the crops' ids. */
    private static List<Long> dropAResult(Human human, byte[] jpeg) {
        Result result = human.detect(jpeg);
        return result.tensors().map(Tensor::id).toList();
    }

    @Test
    void aDroppedDecodedImageIsReportedOnceWithItsCreationSiteShapeAndOwnerThenFreed() throws InterruptedException {
        try (Human human = Human.create(config(), backend); LeakWatch leaks = LeakWatch.on(backend)) {
            MemoryInfo baseline = backend.memory();
            Dropped dropped = dropADecodedImage(human, jpeg);
            long imageBytes = dropped.shape().size();
            assertThat(backend.memory().of(Owner.CALLER))
                    .isEqualTo(baseline.of(Owner.CALLER).plus(new MemoryInfo.Usage(1, imageBytes)));

            leaks.awaitReports(1);
            leaks.settle(3);

            assertThat(leaks.reports()).singleElement().satisfies(report -> {
                assertThat(report.id()).isEqualTo(dropped.id());
                assertThat(report.backend()).isEqualTo(backend.name());
                assertThat(report.dtype()).isEqualTo(DType.UINT8);
                assertThat(report.shape()).isEqualTo(dropped.shape());
                assertThat(report.shape().dim(3)).isEqualTo(3);
                assertThat(report.owner()).isEqualTo(Owner.CALLER);
                assertThat(report.creationSite()).contains("ai.human.Human.decodeImage")
                        .contains(LeakDetectionContract.class.getName() + ".dropADecodedImage");
                assertThat(report.createdIn()).as("the first frame outside the library")
                        .startsWith(LeakDetectionContract.class.getName() + ".dropADecodedImage(");
                assertThat(report.message()).contains("uint8" + dropped.shape()).contains("owner CALLER")
                        .contains("Created in " + report.createdIn() + "; full stack:");
            });
            assertThat(backend.memory().tensors()).isEqualTo(baseline.tensors());
            assertThat(backend.memory().bytes()).isEqualTo(baseline.bytes());
            assertThat(backend.memory().of(Owner.CALLER)).isEqualTo(baseline.of(Owner.CALLER));
        }
    }

    @Test
    void aResultDroppedWithoutCloseHasItsFaceTensorsFoundReportedAndFreed() throws InterruptedException {
        try (Human human = Human.create(config("face.detector.return=true"), backend);
             LeakWatch leaks = LeakWatch.on(backend)) {
            MemoryInfo baseline = backend.memory();
            List<Long> crops = dropAResult(human, jpeg);
            assertThat(crops).hasSize(FACES);
            assertThat(backend.memory().of(Owner.RESULT).tensors()).isEqualTo(baseline.of(Owner.RESULT).tensors() + FACES);

            leaks.awaitReports(FACES);
            leaks.settle(3);

            assertThat(leaks.reports()).extracting(LeakReport::id).containsExactlyInAnyOrderElementsOf(crops);
            assertThat(leaks.reports()).allSatisfy(report -> {
                assertThat(report.owner()).isEqualTo(Owner.RESULT);
                assertThat(report.dtype()).isEqualTo(DType.FLOAT32);
                assertThat(report.shape().rank()).isEqualTo(3);
                assertThat(report.shape().dim(2)).isEqualTo(3);
                assertThat(report.creationSite()).contains("ai.human.Human.detect")
                        .contains(LeakDetectionContract.class.getName() + ".dropAResult");
                assertThat(report.createdIn()).startsWith(LeakDetectionContract.class.getName() + ".dropAResult(");
            });
            assertThat(backend.memory().of(Owner.RESULT)).isEqualTo(baseline.of(Owner.RESULT));
            assertThat(backend.memory().tensors()).isEqualTo(baseline.tensors());
            assertThat(backend.memory().bytes()).isEqualTo(baseline.bytes());
        }
    }

    @Test
    void theReportIsLoggedThroughSlf4jAtWarn() throws InterruptedException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Dropped dropped;
        try (Human human = Human.create(config(), backend); LeakWatch leaks = LeakWatch.on(backend)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                dropped = dropADecodedImage(human, jpeg);
                leaks.awaitReports(1);
            } finally {
                System.setErr(original);
            }
            assertThat(leaks.reports()).hasSize(1);
        }
        // slf4j-simple, the tests' logging implementation, writes "<level> <logger> - <message>" to System.err
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("WARN ai.human.backend.spi.TensorTracker - Tensor #" + dropped.id() + " uint8" + dropped.shape())
                .contains("became unreachable without being closed; it has been released now")
                .contains("ai.human.Human.decodeImage");
    }

    @Test
    void theConfigsLevelReachesTheBackendHumanCreates() throws InterruptedException {
        try (Human human = Human.create(config("leakDetection=all")); LeakWatch leaks = LeakWatch.on(human.backend())) {
            long baseline = human.memory().tensors();
            Dropped dropped = dropADecodedImage(human, jpeg);
            leaks.awaitReports(1);
            assertThat(leaks.reports()).singleElement().satisfies(report -> {
                assertThat(report.id()).isEqualTo(dropped.id());
                assertThat(report.creationSite()).as("level all: no creation site").isNull();
                assertThat(report.message()).contains("-D" + LeakDetection.PROPERTY + "=all-with-creation-site");
            });
            assertThat(human.memory().tensors()).isEqualTo(baseline);
        }
    }

    @Test
    void theSystemPropertyOverridesTheConfigsLevel() throws InterruptedException {
        System.setProperty(LeakDetection.PROPERTY, "all-with-creation-site");
        Human human;
        try {
            human = Human.create(config("leakDetection=off"));
        } finally {
            System.clearProperty(LeakDetection.PROPERTY);
        }
        try (human; LeakWatch leaks = LeakWatch.on(human.backend())) {
            dropADecodedImage(human, jpeg);
            leaks.awaitReports(1);
            assertThat(leaks.reports()).singleElement()
                    .satisfies(report -> assertThat(report.creationSite()).contains("ai.human.Human.decodeImage"));
        }
    }
}
