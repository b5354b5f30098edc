package ai.human;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.internal.body.CannedModel;
import ai.human.internal.hand.OpenHand;
import ai.human.internal.pipeline.Clock;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.result.BodyKeypoint;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Result;
import ai.human.tensor.DType;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Body, hand, object and gesture detection through the facade, with canned model outputs on the reference backend. */
class HumanBodyHandObjectTest {
    private final HumanFixture fixture = new HumanFixture();
    private final BufferedImage image = HumanFixture.image(320, 240, 3);
    private final List<String> loaded = new ArrayList<>();

    @AfterEach
    void closeBackend() {
        fixture.close();
    }

    /** Nose at the top, both wrists above it: "i give up". */
    private static float[] pose() {
        float[] v = new float[17 * 3];
        for (int k = 0; k < 17; k++) {
            v[3 * k] = 0.6f;
            v[3 * k + 1] = 0.5f;
            v[3 * k + 2] = 0.1f;
        }
        float[][] set = {{0, 0.5f, 0.4f}, {9, 0.6f, 0.3f}, {10, 0.4f, 0.3f}};
        for (float[] s : set) {
            int k = (int) s[0];
            v[3 * k] = s[2];
            v[3 * k + 1] = s[1];
            v[3 * k + 2] = 0.9f;
        }
        return v;
    }

    /** Canned body, hand and object models; the face models are the fixture's fakes. */
    private Function<GraphModelDef, Model> models() {
        return def -> {
            loaded.add(def.name());
            return switch (def.name()) {
                case "movenet-lightning" -> CannedModel.singleInput(fixture.backend, def.name(), DType.INT32,
                        new int[] {1, 192, 192, 3}).output("Identity:0", new int[] {1, 1, 17, 3}, pose());
                case "handtrack" -> CannedModel.singleInput(fixture.backend, def.name(), DType.UINT8,
                                new int[] {1, 320, 320, 3})
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
        };
    }

    private Human human(String... overrides) {
        List<String> all = new ArrayList<>(List.of("body.enabled=true", "hand.enabled=true", "object.enabled=true",
                "gesture.enabled=true"));
        all.addAll(List.of(overrides));
        return Human.create(HumanFixture.config(all.toArray(String[]::new)), fixture.backend, models(), Clock.SYSTEM);
    }

    @Test
    void bodiesHandsObjectsAndGesturesComeWithTheFaces() {
        long before = fixture.liveTensors();
        try (Human human = human()) {
            long loadedTensors = fixture.liveTensors();
            try (Result result = human.detect(image)) {
                assertThat(result.face()).isNotEmpty();
                assertThat(result.body()).hasSize(1);
                assertThat(result.body().get(0).keypoints()).extracting(BodyKeypoint::part)
                        .containsExactly("nose", "leftWrist", "rightWrist");
                assertThat(result.hand()).extracting(HandResult::label).containsExactly("fist");
                assertThat(result.hand().get(0).keypoints()).hasSize(21);
                assertThat(result.object()).extracting(ObjectResult::label).containsExactly("person");
                assertThat(result.gesture()).contains(new Gesture("body", 0, "i give up"), new Gesture("hand", 0, "open palm"));
                assertThat(result.gesture().stream().map(Gesture::source).distinct()).startsWith("face");
                assertThat(result.performance()).containsKeys("body", "hand", "object", "gesture");
            }
            assertThat(fixture.liveTensors()).isEqualTo(loadedTensors);
        }
        assertThat(fixture.liveTensors()).isEqualTo(before);
        assertThat(loaded).contains("movenet-lightning", "handtrack", "handlandmark-lite", "centernet");
    }

    @Test
    void withoutLandmarksHumanFindsNoHands() {
        try (Human human = human("hand.landmarks=false"); Result result = human.detect(image)) {
            assertThat(result.hand()).isEmpty();
        }
        assertThat(loaded).contains("handtrack").doesNotContain("handlandmark-lite");
    }

    @Test
    void disabledSectionsLoadNothingAndGiveNothing() {
        try (Human human = human("body.enabled=false", "hand.enabled=false", "object.enabled=false",
                "gesture.enabled=false");
             Result result = human.detect(image)) {
            assertThat(result.body()).isEmpty();
            assertThat(result.hand()).isEmpty();
            assertThat(result.object()).isEmpty();
            assertThat(result.gesture()).isEmpty();
            assertThat(result.performance()).doesNotContainKeys("body", "hand", "object", "gesture");
        }
        assertThat(loaded).doesNotContain("movenet-lightning", "handtrack", "handlandmark-lite", "centernet");
    }
}
