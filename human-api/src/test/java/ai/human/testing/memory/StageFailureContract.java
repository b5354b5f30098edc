package ai.human.testing.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.Human;
import ai.human.HumanTestAccess;
import ai.human.backend.Backend;
import ai.human.backend.BackendSelector;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.testing.SampleImages;
import ai.human.testing.full.FullPreset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors leak nothing: with every model of the full preset on one backend and face crops returned, a failure injected
 * at each pipeline stage leaves the backend's count, bytes and split by owner exactly at the baseline. A model stage
 * fails after its model ran for real (its outputs and the stage's intermediates alive); the gesture stage, which has
 * no model, fails through the stage probe after the face crops were made.
 *
 * <pre>{@code
 * class TfStageFailureTest extends StageFailureContract {
 *     protected String backendName() { return "tensorflow"; }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StageFailureContract {
    /** A face, a body, a hand (so hand landmarks run) and objects with the full preset at maxDetected 1. */
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

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "face detector, blazeface",
            "face mesh, facemesh",
            "iris, iris",
            "description, faceres",
            "emotion, emotion",
            "antispoof, antispoof",
            "liveness, liveness",
            "body, movenet-lightning",
            "hand detector, handtrack",
            "hand landmarks, handlandmark-lite",
            "object, centernet"})
    void aFailingModelStageLeavesTheCountAtTheBaseline(String stage, String model) {
        MemoryInfo baseline = human.memory();
        models.failOn(model);
        try {
            assertThatThrownBy(() -> human.detect(jpeg).close()).hasStackTraceContaining("model " + model
                    + " failed on purpose");
        } finally {
            models.failOn(null);
        }
        assertAtBaseline(baseline);
        assertADetectStillWorks(baseline);
    }

    @Test
    void aFailingGestureStageLeavesTheCountAtTheBaseline() {
        MemoryInfo baseline = human.memory();
        HumanTestAccess.stageProbe(human, stage -> {
            if (stage.equals("gesture")) {
                assertThat(backend.memory().of(Owner.RESULT).tensors()).as("the face crop exists").isEqualTo(1);
                throw new IllegalStateException("gesture stage failed on purpose");
            }
        });
        try {
            assertThatThrownBy(() -> human.detect(jpeg).close()).hasMessageContaining("gesture stage failed on purpose");
        } finally {
            HumanTestAccess.stageProbe(human, stage -> { });
        }
        assertAtBaseline(baseline);
        assertADetectStillWorks(baseline);
    }

    @Test
    void anErrorThatIsNotAnExceptionLeavesNothingBehindEither() {
        MemoryInfo baseline = human.memory();
        HumanTestAccess.stageProbe(human, stage -> {
            if (stage.equals("gesture")) {
                throw new AssertionError("an Error in the gesture stage, on purpose");
            }
        });
        try {
            assertThatThrownBy(() -> human.detect(jpeg).close()).isInstanceOf(AssertionError.class);
        } finally {
            HumanTestAccess.stageProbe(human, stage -> { });
        }
        assertAtBaseline(baseline);
    }

    private void assertAtBaseline(MemoryInfo baseline) {
        MemoryInfo now = human.memory();
        assertThat(now.tensors()).as("live tensors").isEqualTo(baseline.tensors());
        assertThat(now.bytes()).as("live bytes").isEqualTo(baseline.bytes());
        assertThat(now.byOwner()).isEqualTo(baseline.byOwner());
    }

    /** Every stage runs and finds something, so every injected failure above had a stage to fail in. */
    private void assertADetectStillWorks(MemoryInfo baseline) {
        try (Result result = human.detect(jpeg)) {
            assertThat(result.face()).hasSize(1);
            assertThat(result.body()).hasSize(1);
            assertThat(result.hand()).isNotEmpty();
            assertThat(result.object()).isNotEmpty();
            assertThat(result.gesture()).isNotEmpty();
            assertThat(result.tensors()).hasSize(1);
        }
        assertAtBaseline(baseline);
    }
}
