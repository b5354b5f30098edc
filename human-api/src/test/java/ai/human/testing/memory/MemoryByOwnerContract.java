package ai.human.testing.memory;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.HumanTestAccess;
import ai.human.backend.Backend;
import ai.human.backend.BackendSelector;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import ai.human.testing.SampleImages;
import ai.human.testing.full.FullPreset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code Human.memory()} split by owner, with every model of the full preset on a backend of its own: {@code MODEL}
 * holds exactly the models' weight bytes ({@code Model.weightBytes()}, at most what the model files define); a result held open has its face crops under {@code RESULT}; a decoded image
 * is under {@code CALLER}; {@code IN_FLIGHT} holds the running {@code detect}'s intermediates and is zero between
 * calls; the owners add up to the totals.
 *
 * <pre>{@code
 * class TfMemoryByOwnerTest extends MemoryByOwnerContract {
 *     protected String backendName() { return "tensorflow"; }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MemoryByOwnerContract {
    /** One face, one body, one hand and objects with the full preset at Human's default maxDetected 1. */
    private static final String IMAGE = "sample2.jpg";

    private Backend backend;
    private InstrumentedModels models;
    private Human human;
    private byte[] jpeg;

    /** The backend to test, as {@code config.backend} names it. */
    protected abstract String backendName();

    @BeforeAll
    void createHuman() {
        HumanConfig config = FullPreset.config(1).withOverrides(List.of("backend=" + backendName(), "cacheSensitivity=0",
                "face.detector.return=true", "leakDetection=off"));
        backend = BackendSelector.fromEnvironment().select(config.backend()).provider().create(Human.backendOptions(config));
        models = new InstrumentedModels(backend::loadModel);
        human = HumanTestAccess.create(config, backend, models);
        jpeg = SampleImages.bytes(IMAGE);
    }

    @AfterAll
    void closeHuman() {
        if (human != null) {
            human.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void modelWeightsAreCountedUnderModelToTheByte() {
        MemoryInfo memory = human.memory();
        Map<String, Long> loaded = models.loadedWeightBytes();
        Map<String, Long> defined = models.definedWeightBytes();
        assertThat(loaded.keySet()).containsExactlyInAnyOrder("blazeface", "facemesh", "iris", "faceres", "emotion",
                "antispoof", "liveness", "movenet-lightning", "handtrack", "handlandmark-lite", "centernet");
        assertThat(memory.of(Owner.MODEL).bytes()).isEqualTo(loaded.values().stream().mapToLong(Long::longValue).sum());
        assertThat(memory.of(Owner.MODEL).tensors()).isPositive();
        // a backend running the graph natively holds every weight; the generic executor keeps small constants that
        // only feed shape arithmetic as Java arrays (TensorFlow: equal; DJL: 2,276 of 56.4 million bytes fewer)
        loaded.forEach((name, bytes) -> assertThat(bytes).as(name).isPositive().isLessThanOrEqualTo(defined.get(name)));
    }

    @Test
    void aHeldResultsFaceCropsAreCountedUnderResult() {
        MemoryInfo before = human.memory();
        try (Result result = human.detect(jpeg)) {
            List<Tensor> crops = result.tensors().toList();
            assertThat(crops).hasSize(1);
            MemoryInfo held = human.memory();
            assertThat(held.of(Owner.RESULT)).isEqualTo(before.of(Owner.RESULT)
                    .plus(new MemoryInfo.Usage(1, crops.get(0).byteSize())));
            assertThat(held.of(Owner.MODEL)).isEqualTo(before.of(Owner.MODEL));
            assertThat(held.of(Owner.CALLER)).isEqualTo(before.of(Owner.CALLER));
            assertThat(held.of(Owner.IN_FLIGHT).tensors()).isZero();
        }
        assertThat(human.memory().of(Owner.RESULT)).isEqualTo(before.of(Owner.RESULT));
    }

    @Test
    void aDecodedImageIsCountedUnderCaller() {
        MemoryInfo before = human.memory();
        try (Tensor image = human.decodeImage(jpeg)) {
            MemoryInfo held = human.memory();
            assertThat(held.of(Owner.CALLER)).isEqualTo(before.of(Owner.CALLER)
                    .plus(new MemoryInfo.Usage(1, image.shape().size())));
            assertThat(held.of(Owner.MODEL)).isEqualTo(before.of(Owner.MODEL));
            assertThat(held.of(Owner.RESULT)).isEqualTo(before.of(Owner.RESULT));
        }
        assertThat(human.memory().of(Owner.CALLER)).isEqualTo(before.of(Owner.CALLER));
    }

    @Test
    void inFlightHoldsTheRunningDetectsTensorsAndIsZeroBetweenCalls() {
        Map<String, Long> inFlightAtStage = new ConcurrentHashMap<>();
        HumanTestAccess.stageProbe(human, stage -> inFlightAtStage.put(stage, backend.memory().of(Owner.IN_FLIGHT).tensors()));
        try {
            for (int i = 0; i < 2; i++) {
                human.detect(jpeg).close();
                assertThat(human.memory().of(Owner.IN_FLIGHT)).isEqualTo(MemoryInfo.Usage.NONE);
            }
        } finally {
            HumanTestAccess.stageProbe(human, stage -> { });
        }
        assertThat(inFlightAtStage).containsOnlyKeys("face", "body", "hand", "object", "gesture");
        assertThat(inFlightAtStage.get("body")).as("the input image, at least, is in flight").isPositive();
    }

    @Test
    void theOwnersAddUpToTheTotals() {
        try (Tensor image = human.decodeImage(jpeg); Result result = human.detect(image)) {
            MemoryInfo memory = human.memory();
            MemoryInfo.Usage sum = MemoryInfo.Usage.NONE;
            for (Owner owner : Owner.values()) {
                sum = sum.plus(memory.of(owner));
            }
            assertThat(sum).isEqualTo(new MemoryInfo.Usage(memory.tensors(), memory.bytes()));
            assertThat(result.tensors()).hasSize(1);
            assertThat(memory.of(Owner.CALLER).tensors()).isEqualTo(1);
            assertThat(memory.of(Owner.RESULT).tensors()).isEqualTo(1);
        }
    }
}
