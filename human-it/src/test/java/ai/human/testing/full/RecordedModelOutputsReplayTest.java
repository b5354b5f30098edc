package ai.human.testing.full;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.human.config.HumanConfig;
import ai.human.internal.body.CannedModel;
import ai.human.internal.body.MoveNetBodyDetector;
import ai.human.internal.gesture.GestureRecognizer;
import ai.human.internal.hand.HandTrackPipeline;
import ai.human.internal.object.CenterNetDetector;
import ai.human.result.BodyResult;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The body, hand and object stages' pre- and post-processing against Human 3.3.6 itself, without any real model: the
 * models are replaced by the outputs Human's own models gave on the same pixels ({@code full-model-outputs.json.gz},
 * made by {@code record-model-outputs.mjs}), on the reference backend. What goes into each model must add up to what
 * Human fed it, and the results must equal {@code golden/pipeline/full.json} exactly, images processed in the same
 * order by one pipeline instance (the body jitter filter and the caches carry over).
 */
class RecordedModelOutputsReplayTest {
    private static float[] floats(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode recorded() throws IOException {
        try (InputStream in = RecordedModelOutputsReplayTest.class.getResourceAsStream("full-model-outputs.json.gz")) {
            return new ObjectMapper().readTree(new GZIPInputStream(in));
        }
    }

    /** Handtrack's inner nodes as Human fetches them: boxes [n, 1, 4], scores [n, 7]. */
    private static float[][] handtrackOutputs(JsonNode handtrack) {
        int anchors = handtrack.get("kept").size();
        float[] boxes = new float[anchors * 4];
        float[] scores = new float[anchors * 7];
        int a = 0;
        for (JsonNode kept : handtrack.get("kept")) {
            System.arraycopy(floats(kept.get("box")), 0, boxes, a * 4, 4);
            System.arraycopy(floats(kept.get("scores")), 0, scores, a * 7, 7);
            a++;
        }
        return new float[][] {boxes, scores};
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    @Test
    void humansModelOutputsGiveHumansResultsExactly() throws IOException {
        assumeTrue(FullGoldens.available("full"), "golden/pipeline/full.json is not in this checkout");
        FullGoldens golden = FullGoldens.load("full");
        JsonNode images = recorded().get("images");
        HumanConfig config = HumanConfig.defaults().withOverride("object.enabled", "true");
        Deque<float[]> movenetOut = new ArrayDeque<>();
        Deque<float[][]> handtrackOut = new ArrayDeque<>();
        Deque<float[][]> landmarkOut = new ArrayDeque<>();
        Deque<float[]> centernetOut = new ArrayDeque<>();
        try (ReferenceBackend backend = new ReferenceBackend()) {
            CannedModel movenet = CannedModel.singleInput(backend, "movenet", DType.INT32, new int[] {1, 192, 192, 3})
                    .output("Identity:0", new int[] {1, 1, 17, 3}, in -> movenetOut.poll());
            CannedModel handtrack = CannedModel.singleInput(backend, "handtrack", DType.UINT8, new int[] {1, 320, 320, 3});
            handtrack.output("StatefulPartitionedCall/Postprocessor/ExpandDims_1:0", new int[] {1, -1, 1, 4},
                            in -> handtrackOut.peek()[0])
                    .output("StatefulPartitionedCall/Postprocessor/Slice:0", new int[] {1, -1, 7}, in -> handtrackOut.poll()[1]);
            CannedModel landmarks = CannedModel.singleInput(backend, "handlandmark", DType.FLOAT32, new int[] {1, 224, 224, 3})
                    .output("Identity_1:0", new int[] {1, 1}, in -> landmarkOut.peek()[0])
                    .output("Identity:0", new int[] {1, 63}, in -> landmarkOut.poll()[1]);
            CannedModel centernet = CannedModel.singleInput(backend, "centernet", DType.FLOAT32, new int[] {1, 512, 512, 3})
                    .output("tower_0/detections:0", new int[] {1, 100, 6}, in -> centernetOut.poll());
            MoveNetBodyDetector bodies = new MoveNetBodyDetector(movenet, () -> 0);
            HandTrackPipeline hands = new HandTrackPipeline(handtrack, landmarks, () -> 0);
            CenterNetDetector objects = new CenterNetDetector(centernet, () -> 0);
            int landmarkRuns = 0;
            for (int i = 0; i < golden.images().size(); i++) {
                FullGoldens.Image expected = golden.images().get(i);
                JsonNode rec = images.get(i);
                assertThat(rec.get("image").asText()).isEqualTo(expected.name());
                SamplePixels sample = SamplePixels.load(expected.name());
                assertThat(sample.rgbSha256()).as("ImageIO's pixels of %s", expected.name()).isEqualTo(expected.rgbSha256());
                movenetOut.add(floats(rec.at("/movenet/output")));
                centernetOut.add(floats(rec.at("/centernet/output")));
                handtrackOut.add(handtrackOutputs(rec.get("handtrack")));
                for (JsonNode hand : rec.get("handskeleton")) {
                    landmarkOut.add(new float[][] {floats(hand.get("score")), floats(hand.get("keypoints"))});
                }
                List<BodyResult> body;
                List<HandResult> hand;
                List<ObjectResult> object;
                try (Tensor image = sample.toTensor(backend)) {
                    body = bodies.detect(backend, image, config.body(), 1, false);
                    hand = hands.detect(backend, image, config.hand(), 2, false, config.cacheSensitivity());
                    object = objects.detect(backend, image, config.object(), false);
                }
                String name = expected.name();
                assertThat(sum(movenet.inputsSeen().get(i))).as("movenet input of %s", name)
                        .isEqualTo(rec.at("/movenet/inputSum").asDouble());
                assertThat(sum(handtrack.inputsSeen().get(i))).as("handtrack input of %s", name)
                        .isEqualTo(rec.at("/handtrack/inputSum").asDouble());
                assertThat(sum(centernet.inputsSeen().get(i))).as("centernet input of %s", name)
                        .isEqualTo(rec.at("/centernet/inputSum").asDouble());
                for (JsonNode recordedHand : rec.get("handskeleton")) {
                    assertThat(sum(landmarks.inputsSeen().get(landmarkRuns++))).as("hand landmark input of %s", name)
                            .isEqualTo(recordedHand.get("inputSum").asDouble());
                }
                assertThat(body).as("bodies of %s", name).isEqualTo(expected.body());
                assertThat(hand).as("hands of %s", name).isEqualTo(expected.hand());
                assertThat(object).as("objects of %s", name).isEqualTo(expected.object());
                List<Gesture> gestures = GestureRecognizer.recognize(List.of(), body, hand);
                assertThat(gestures).as("body and hand gestures of %s", name).containsExactlyElementsOf(
                        expected.gesture().stream().filter(g -> g.source().equals("body") || g.source().equals("hand")).toList());
            }
            assertThat(landmarkRuns).isEqualTo(4);
        }
    }
}
