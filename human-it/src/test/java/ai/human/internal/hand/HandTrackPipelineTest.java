package ai.human.internal.hand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.human.config.HandConfig;
import ai.human.config.HandModelConfig;
import ai.human.internal.body.CannedModel;
import ai.human.result.Box;
import ai.human.result.HandResult;
import ai.human.result.Point;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandTrackPipelineTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int ANCHORS = 3;
    /** Score columns: background, then hand, fist, pinch, point, face, tip, pinchtip. */
    private static final int COLUMNS = 8;

    private final ReferenceBackend backend = new ReferenceBackend();
    private final HandConfig config = HandConfig.defaults();
    private final AtomicReference<Float> landmarkLogit = new AtomicReference<>(2f);

    @AfterEach
    void close() {
        backend.close();
    }

    /** Anchor 0: a fist; anchor 1: a hand overlapping it (suppressed) with a higher face score; anchor 2: a tip. */
    private CannedModel detector() {
        float[] boxes = {
            0.25f, 0.25f, 0.5f, 0.5f,
            0.26f, 0.26f, 0.51f, 0.51f,
            0.6f, 0.6f, 0.9f, 0.9f};
        float[] scores = new float[ANCHORS * COLUMNS];
        scores[2] = 0.9f;
        scores[COLUMNS + 1] = 0.8f;
        scores[COLUMNS + 5] = 0.99f;
        scores[2 * COLUMNS + 6] = 0.7f;
        return CannedModel.singleInput(backend, "handtrack", DType.UINT8, new int[] {1, 320, 320, 3})
                .output("Identity_6:0", new int[] {1, ANCHORS, 4}, boxes)
                .output("Identity_7:0", new int[] {1, ANCHORS, COLUMNS}, scores);
    }

    /** The same detections as {@link #detector()}, given as Human's inner graph nodes (no background column). */
    private CannedModel detectorWithInnerNodes() {
        float[] boxes = {
            0.25f, 0.25f, 0.5f, 0.5f,
            0.26f, 0.26f, 0.51f, 0.51f,
            0.6f, 0.6f, 0.9f, 0.9f};
        float[] scores = new float[ANCHORS * 7];
        scores[1] = 0.9f;
        scores[7] = 0.8f;
        scores[7 + 4] = 0.99f;
        scores[2 * 7 + 5] = 0.7f;
        return CannedModel.singleInput(backend, "handtrack", DType.UINT8, new int[] {1, 320, 320, 3})
                .output("StatefulPartitionedCall/Postprocessor/Slice:0", new int[] {1, ANCHORS, 7}, scores)
                .output("StatefulPartitionedCall/Postprocessor/ExpandDims_1:0", new int[] {1, ANCHORS, 1, 4}, boxes);
    }

    private CannedModel landmarks() {
        return CannedModel.singleInput(backend, "handlandmark", DType.FLOAT32, new int[] {1, 224, 224, 3})
                .output("Identity_1:0", new int[] {1, 1}, in -> new float[] {landmarkLogit.get()})
                .output("Identity:0", new int[] {1, 63}, OpenHand.modelOutput());
    }

    private Tensor image() {
        float[] pixels = new float[HEIGHT * WIDTH * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 7) % 256 + 0.5f;
        }
        return backend.fromFloats(pixels, Shape.of(1, HEIGHT, WIDTH, 3));
    }

    private static HandConfig with(int skipFrames, int skipTime, boolean landmarks) {
        return new HandConfig(true, true, skipFrames, skipTime, 0.5, 0.2, -1, landmarks,
                new HandModelConfig("handtrack.json"), new HandModelConfig("handlandmark-lite.json"));
    }

    @Test
    void detectorSeesTheImageResizedToMultiplesOfEightAsItsInputType() {
        CannedModel detector = detector();
        try (Tensor image = image()) {
            new HandTrackPipeline(detector, landmarks(), () -> 0).detect(backend, image, config, 2, false, 0.7);
        }
        assertThat(detector.inputShapes()).containsExactly(Shape.of(1, 48, 64, 3));
        assertThat(detector.inputTypes()).containsExactly(DType.UINT8);
    }

    @Test
    void handsAreTheSelectedBoxesWithTheirKeypointsAndHumansLabels() {
        CannedModel landmarks = landmarks();
        List<HandResult> hands;
        try (Tensor image = image()) {
            hands = new HandTrackPipeline(detector(), landmarks, () -> 0).detect(backend, image, config, 2, false, 0.7);
        }
        assertThat(hands).extracting(HandResult::label).containsExactly("fist", "face");
        HandResult fist = hands.get(0);
        assertThat(fist.id()).isZero();
        assertThat(fist.score()).isEqualTo(0.9);
        assertThat(fist.boxScore()).isEqualTo(0.9);
        // logit 2: (100 - trunc(100 / (1 + e^2))) / 100 = (100 - 11) / 100
        assertThat(fist.fingerScore()).isEqualTo(0.89);
        assertThat(fist.keypoints()).hasSize(21);
        // the crop is the detector box grown 1.4 times around its centre: x from 0.2 to 0.55 of the image
        double cropX = 0.25f - (0.25f * 1.4 - (0.5f - 0.25f)) / 2;
        double cropW = (0.5f - 0.25f) * 1.4;
        Point wrist = fist.keypoints().get(0);
        assertThat(wrist.x()).isCloseTo(WIDTH * (112.0 / 224 * cropW + cropX), within(1e-9));
        assertThat(wrist.z()).isZero();
        Box expectedBox = new Box(WIDTH * (45.0 / 224 * cropW + cropX), 0, 0, 0);
        assertThat(fist.box().x()).isCloseTo(expectedBox.x(), within(1e-9));
        assertThat(fist.boxRaw().x()).isCloseTo(expectedBox.x() / WIDTH, within(1e-9));
        assertThat(fist.annotations().keySet()).containsExactly("thumb", "index", "middle", "ring", "pinky", "base", "palm");
        assertThat(fist.annotations().get("palm")).hasSize(7).startsWith(wrist).endsWith(wrist);
        assertThat(fist.landmarks().get("index").curl()).isEqualTo("none");
        assertThat(landmarks.inputShapes()).containsOnly(Shape.of(1, 224, 224, 3));
        float[] crop = landmarks.inputsSeen().get(0);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : crop) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isGreaterThanOrEqualTo(0f);
        assertThat(max).isBetween(0.5f, 1f);
    }

    @Test
    void uint8ImageGivesBothModelsTheSameInputsAsFloat() {
        CannedModel detector = detector();
        CannedModel landmarks = landmarks();
        HandTrackPipeline pipeline = new HandTrackPipeline(detector, landmarks, () -> 0);
        byte[] bytes = new byte[HEIGHT * WIDTH * 3];
        float[] floats = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
            floats[i] = bytes[i] & 0xff;
        }
        try (Tensor u8 = backend.fromBytes(bytes, Shape.of(1, HEIGHT, WIDTH, 3), DType.UINT8);
             Tensor f32 = backend.fromFloats(floats, Shape.of(1, HEIGHT, WIDTH, 3))) {
            pipeline.detect(backend, u8, config, 1, false, 0.7);
            pipeline.detect(backend, f32, config, 1, false, 0.7);
        }
        assertThat(detector.inputsSeen().get(0)).containsExactly(detector.inputsSeen().get(1));
        assertThat(landmarks.inputsSeen().get(0)).containsExactly(landmarks.inputsSeen().get(1));
    }

    @Test
    void humansInnerNodesAndTheSignatureOutputsGiveTheSameHands() {
        try (Tensor image = image()) {
            List<HandResult> fromSignature = new HandTrackPipeline(detector(), landmarks(), () -> 0)
                    .detect(backend, image, config, 2, false, 0.7);
            List<HandResult> fromInnerNodes = new HandTrackPipeline(detectorWithInnerNodes(), landmarks(), () -> 0)
                    .detect(backend, image, config, 2, false, 0.7);
            assertThat(fromInnerNodes).isEqualTo(fromSignature).hasSize(2);
        }
    }

    @Test
    void maxDetectedKeepsTheBestHands() {
        try (Tensor image = image()) {
            List<HandResult> hands = new HandTrackPipeline(detector(), landmarks(), () -> 0)
                    .detect(backend, image, config, 1, false, 0.7);
            assertThat(hands).extracting(HandResult::label).containsExactly("fist");
        }
    }

    @Test
    void handWhoseLandmarksFailKeepsItsLabelAndAnInfiniteBox() {
        landmarkLogit.set(-5f);
        List<HandResult> hands;
        try (Tensor image = image()) {
            hands = new HandTrackPipeline(detector(), landmarks(), () -> 0).detect(backend, image, config, 1, false, 0.7);
        }
        HandResult fist = hands.get(0);
        assertThat(fist.keypoints()).isEmpty();
        assertThat(fist.fingerScore()).isZero();
        assertThat(fist.annotations()).isEmpty();
        assertThat(fist.landmarks()).isEmpty();
        assertThat(fist.box().x()).isInfinite();
    }

    @Test
    void landmarksOffRunsOnlyTheDetector() {
        CannedModel landmarks = landmarks();
        try (Tensor image = image()) {
            List<HandResult> hands = new HandTrackPipeline(detector(), landmarks, () -> 0)
                    .detect(backend, image, with(99, 1000, false), 2, false, 0.7);
            assertThat(hands).hasSize(2);
        }
        assertThat(landmarks.runs()).isZero();
    }

    @Test
    void unchangedFramesReuseHandsThenBoxesFromKeypointsThenRunTheDetectorAgain() {
        CannedModel detector = detector();
        CannedModel landmarks = landmarks();
        double[] now = {0};
        HandTrackPipeline pipeline = new HandTrackPipeline(detector, landmarks, () -> now[0]);
        HandConfig skipping = with(2, 100, true);
        try (Tensor image = image()) {
            List<HandResult> first = pipeline.detect(backend, image, skipping, 2, true, 0.7);
            assertThat(detector.runs()).isEqualTo(1);
            assertThat(landmarks.runs()).isEqualTo(2);

            now[0] = 50;
            assertThat(pipeline.detect(backend, image, skipping, 2, true, 0.7)).isSameAs(first);
            assertThat(landmarks.runs()).isEqualTo(2);

            now[0] = 150; // beyond skipTime: as many hands as maxDetected, so only the landmarks run, on cached boxes
            List<HandResult> refreshed = pipeline.detect(backend, image, skipping, 2, true, 0.7);
            assertThat(detector.runs()).isEqualTo(1);
            assertThat(landmarks.runs()).isEqualTo(4);
            assertThat(refreshed).extracting(HandResult::label).containsExactly("fist", "face");

            pipeline.detect(backend, image, skipping, 2, false, 0.7); // frame changed
            assertThat(detector.runs()).isEqualTo(2);
        }
    }

    @Test
    void noCacheSensitivityKeepsNoBoxesForTheNextFrame() {
        CannedModel detector = detector();
        double[] now = {0};
        HandTrackPipeline pipeline = new HandTrackPipeline(detector, landmarks(), () -> now[0]);
        HandConfig skipping = with(2, 100, true);
        try (Tensor image = image()) {
            pipeline.detect(backend, image, skipping, 2, true, 0);
            now[0] = 150;
            List<HandResult> hands = pipeline.detect(backend, image, skipping, 2, true, 0);
            assertThat(hands).isEmpty(); // Human reruns landmarks on an empty box list
            assertThat(detector.runs()).isEqualTo(1);
        }
    }

    @Test
    void detectLeavesNoTensorBehind() {
        HandTrackPipeline pipeline = new HandTrackPipeline(detector(), landmarks(), () -> 0);
        try (Tensor image = image()) {
            long before = backend.memory().tensors();
            pipeline.detect(backend, image, config, 2, false, 0.7);
            assertThat(backend.memory().tensors()).isEqualTo(before);
        }
    }

    @Test
    void maxDetectedMinusOneMeansTwoPerFace() {
        assertThat(HandTrackPipeline.maxDetected(-1, true, 3)).isEqualTo(6);
        assertThat(HandTrackPipeline.maxDetected(-1, false, 3)).isEqualTo(1);
        assertThat(HandTrackPipeline.maxDetected(4, true, 3)).isEqualTo(4);
    }

    @Test
    void thresholdBecomesTheLargestFloatNotAboveIt() {
        float t = HandTrackDetector.floatAtOrBelow(0.2);
        assertThat((double) t).isLessThanOrEqualTo(0.2);
        assertThat((double) Math.nextUp(t)).isGreaterThan(0.2);
        assertThat(HandTrackDetector.floatAtOrBelow(0.5)).isEqualTo(0.5f);
    }
}
