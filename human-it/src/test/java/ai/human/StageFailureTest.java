package ai.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.internal.body.CannedModel;
import ai.human.internal.hand.OpenHand;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.testing.memory.InstrumentedModels;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors leak nothing, on the reference backend with fake face models and canned body, hand and object models: a
 * failure at any of the twelve stages leaves the count at the baseline. Each model fails after it ran (its outputs
 * alive in the stage's scope); the gesture stage fails through the stage probe. The backends run the same checks
 * with the real models ({@code StageFailureContract}).
 */
class StageFailureTest {
    private final HumanFixture fixture = new HumanFixture();
    private final BufferedImage image = HumanFixture.image(320, 240, 3);

    @AfterEach
    void closeBackend() {
        fixture.close();
    }

    /** Nose high, both wrists above it. */
    private static float[] pose() {
        float[] v = new float[17 * 3];
        for (int k = 0; k < 17; k++) {
            v[3 * k] = 0.6f;
            v[3 * k + 1] = 0.5f;
            v[3 * k + 2] = 0.9f;
        }
        v[1] = 0.4f;
        return v;
    }

    private Function<GraphModelDef, Model> canned() {
        return def -> switch (def.name()) {
            case "movenet-lightning" -> CannedModel.singleInput(fixture.backend, def.name(), DType.INT32,
                    new int[] {1, 192, 192, 3}).output("Identity:0", new int[] {1, 1, 17, 3}, pose());
            case "handtrack" -> CannedModel.singleInput(fixture.backend, def.name(), DType.UINT8, new int[] {1, 320, 320, 3})
                    .output("StatefulPartitionedCall/Postprocessor/Slice:0", new int[] {1, 1, 7},
                            new float[] {0, 0.9f, 0, 0, 0, 0, 0})
                    .output("StatefulPartitionedCall/Postprocessor/ExpandDims_1:0", new int[] {1, 1, 1, 4},
                            new float[] {0.3f, 0.3f, 0.7f, 0.6f});
            case "handlandmark-lite" -> CannedModel.singleInput(fixture.backend, def.name(), DType.FLOAT32,
                            new int[] {1, 224, 224, 3})
                    .output("Identity_1:0", new int[] {1, 1}, new float[] {3f})
                    .output("Identity:0", new int[] {1, 63}, OpenHand.modelOutput());
            case "centernet" -> CannedModel.singleInput(fixture.backend, def.name(), DType.FLOAT32,
                    new int[] {1, 512, 512, 3}).output("tower_0/detections:0", new int[] {1, 1, 6},
                    new float[] {64, 32, 320, 480, 0.8f, 0});
            default -> fixture.models.apply(def);
        };
    }

    private Human human(InstrumentedModels models) {
        return HumanTestAccess.create(HumanFixture.config("body.enabled=true", "hand.enabled=true", "object.enabled=true",
                "gesture.enabled=true", "face.detector.return=true", "cacheSensitivity=0"), fixture.backend, models);
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
        InstrumentedModels models = new InstrumentedModels(canned());
        try (Human human = human(models)) {
            MemoryInfo baseline = fixture.backend.memory();
            models.failOn(model);
            assertThatThrownBy(() -> human.detect(image).close()).hasStackTraceContaining("model " + model
                    + " failed on purpose");
            assertThat(fixture.backend.memory()).isEqualTo(baselineWithPeakOf(baseline));
            models.failOn(null);
            assertEveryStageFindsSomething(human);
            assertThat(fixture.backend.memory()).isEqualTo(baselineWithPeakOf(baseline));
        }
    }

    @Test
    void aFailingGestureStageLeavesTheCountAtTheBaseline() {
        try (Human human = human(new InstrumentedModels(canned()))) {
            MemoryInfo baseline = fixture.backend.memory();
            human.stageProbe(stage -> {
                if (stage.equals("gesture")) {
                    throw new IllegalStateException("gesture failed on purpose");
                }
            });
            assertThatThrownBy(() -> human.detect(image).close()).hasMessage("gesture failed on purpose");
            assertThat(fixture.backend.memory()).isEqualTo(baselineWithPeakOf(baseline));
        }
    }

    private void assertEveryStageFindsSomething(Human human) {
        try (Result result = human.detect(image)) {
            assertThat(result.face()).hasSize(2);
            assertThat(result.tensors()).hasSize(2);
            assertThat(result.body()).hasSize(1);
            assertThat(result.hand()).hasSize(1);
            assertThat(result.object()).hasSize(1);
            assertThat(result.gesture()).isNotEmpty();
        }
    }

    /** {@code baseline} with today's peak, which the failed run may have raised. */
    private MemoryInfo baselineWithPeakOf(MemoryInfo baseline) {
        return new MemoryInfo(baseline.tensors(), baseline.bytes(), fixture.backend.memory().peakBytes(),
                baseline.byOwner());
    }

    @Test
    void everyStageOfTheListRuns() {
        InstrumentedModels models = new InstrumentedModels(canned());
        try (Human human = human(models)) {
            List<String> stages = new java.util.ArrayList<>();
            human.stageProbe(stages::add);
            human.detect(image).close();
            assertThat(stages).containsExactly("face", "body", "hand", "object", "gesture");
            assertThat(models.definedWeightBytes()).containsOnlyKeys("blazeface", "facemesh", "iris", "faceres", "emotion",
                    "antispoof", "liveness", "movenet-lightning", "handtrack", "handlandmark-lite", "centernet");
        }
    }
}
