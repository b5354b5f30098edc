package ai.human.internal.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.human.config.BodyConfig;
import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Point;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MoveNetBodyDetectorTest {
    private static final int WIDTH = 12;
    private static final int HEIGHT = 8;
    private static final int NOSE = 0;
    private static final int LEFT_SHOULDER = 5;
    private static final int RIGHT_SHOULDER = 6;

    private final ReferenceBackend backend = new ReferenceBackend();
    private final BodyConfig config = BodyConfig.defaults();

    @AfterEach
    void close() {
        backend.close();
    }

    /** A single-pose output with every keypoint at score 0.1 except those set. */
    private static final class Pose {
        final float[] values = new float[17 * 3];

        Pose() {
            for (int i = 0; i < 17; i++) {
                values[3 * i + 2] = 0.1f;
            }
        }

        Pose set(int keypoint, float x, float y, float score) {
            values[3 * keypoint] = y;
            values[3 * keypoint + 1] = x;
            values[3 * keypoint + 2] = score;
            return this;
        }
    }

    private CannedModel movenet(AtomicReference<float[]> output) {
        return CannedModel.singleInput(backend, "movenet", DType.INT32, new int[] {1, 192, 192, 3})
                .output("Identity:0", new int[] {1, 1, 17, 3}, in -> output.get());
    }

    private Tensor image() {
        float[] pixels = new float[HEIGHT * WIDTH * 3];
        java.util.Arrays.fill(pixels, 200.7f);
        return backend.fromFloats(pixels, Shape.of(1, HEIGHT, WIDTH, 3));
    }

    @Test
    void modelSeesTheImagePaddedToASquareResizedAndCastToInt32() {
        AtomicReference<float[]> output = new AtomicReference<>(new Pose().values);
        CannedModel model = movenet(output);
        try (Tensor image = image()) {
            new MoveNetBodyDetector(model, () -> 0).detect(backend, image, config, 1, false);
        }
        assertThat(model.inputTypes()).containsExactly(DType.INT32);
        assertThat(model.inputShapes()).containsExactly(Shape.of(1, 192, 192, 3));
        float[] input = model.inputsSeen().get(0);
        // 12x8 padded by 2 rows above and below: the top rows of the 192 square are black, the middle is the
        // image's 200.7 truncated to 200
        assertThat(input[0]).isZero();
        assertThat(input[(96 * 192 + 96) * 3]).isEqualTo(200f);
        assertThat(input[(191 * 192 + 5) * 3]).isZero();
    }

    @Test
    void uint8ImageGivesTheModelTheSameInputAsFloat() {
        AtomicReference<float[]> output = new AtomicReference<>(new Pose().values);
        CannedModel model = movenet(output);
        MoveNetBodyDetector detector = new MoveNetBodyDetector(model, () -> 0);
        byte[] bytes = new byte[HEIGHT * WIDTH * 3];
        float[] floats = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
            floats[i] = bytes[i] & 0xff;
        }
        try (Tensor u8 = backend.fromBytes(bytes, Shape.of(1, HEIGHT, WIDTH, 3), DType.UINT8);
             Tensor f32 = backend.fromFloats(floats, Shape.of(1, HEIGHT, WIDTH, 3))) {
            detector.detect(backend, u8, config, 1, false);
            detector.detect(backend, f32, config, 1, false);
        }
        assertThat(model.inputsSeen().get(0)).containsExactly(model.inputsSeen().get(1));
    }

    @Test
    void keypointsAboveMinConfidenceAreMappedBackFromThePaddedSquare() {
        Pose pose = new Pose().set(NOSE, 0.5f, 0.25f, 0.876f).set(LEFT_SHOULDER, 0.75f, 0.5f, 0.31f);
        AtomicReference<float[]> output = new AtomicReference<>(pose.values);
        List<BodyResult> bodies;
        try (Tensor image = image()) {
            bodies = new MoveNetBodyDetector(movenet(output), () -> 0).detect(backend, image, config, 1, false);
        }
        assertThat(bodies).hasSize(1);
        BodyResult body = bodies.get(0);
        assertThat(body.keypoints()).extracting(BodyKeypoint::part).containsExactly("nose", "leftShoulder");
        BodyKeypoint nose = body.keypoints().get(0);
        // Human rounds x * width and y * height of the unpadded image, then maps: y * (8 + 2 + 2) / 8 - 2
        double noseY = Math.round(HEIGHT * (double) 0.25f) * 12.0 / 8 - 2;
        assertThat(nose.position()).isEqualTo(Point.of(6, noseY));
        assertThat(nose.positionRaw().y()).isEqualTo(noseY / HEIGHT);
        assertThat(nose.score()).isEqualTo(0.88);
        assertThat(body.keypoints().get(1).score()).isEqualTo(0.31);
        assertThat(body.score()).isEqualTo(0.88);
        assertThat(body.box().x()).isEqualTo(6);
        assertThat(body.box().width()).isEqualTo(Math.round(WIDTH * (double) 0.75f) - 6.0);
        assertThat(body.boxRaw().x()).isEqualTo(0.5);
    }

    @Test
    void annotationsNeedRoundedScoresAboveMinConfidenceAndKeepUnmappedPositions() {
        Pose pose = new Pose().set(LEFT_SHOULDER, 0.75f, 0.5f, 0.9f).set(RIGHT_SHOULDER, 0.25f, 0.5f, 0.8f)
                .set(11, 0.7f, 0.75f, 0.302f).set(12, 0.3f, 0.75f, 0.9f);
        AtomicReference<float[]> output = new AtomicReference<>(pose.values);
        BodyResult body;
        try (Tensor image = image()) {
            body = new MoveNetBodyDetector(movenet(output), () -> 0).detect(backend, image, config, 1, false).get(0);
        }
        // leftHip's 0.302 rounds to 0.30, which is not above 0.3: only shoulder-shoulder and rightShoulder-rightHip
        assertThat(body.keypoints()).extracting(BodyKeypoint::part).contains("leftHip");
        List<List<Point>> torso = body.annotations().get("torso");
        assertThat(torso).hasSize(2);
        // the segments keep the positions before the padding was undone (Human never updates them)
        assertThat(torso.get(0)).containsExactly(Point.of(9, 4), Point.of(3, 4));
        assertThat(body.annotations().keySet()).containsExactly("leftLeg", "rightLeg", "torso", "leftArm", "rightArm", "head");
    }

    @Test
    void keypointThatMovedLessThanHalfAPercentIsReplacedByTheRememberedOne() {
        AtomicReference<float[]> output = new AtomicReference<>(new Pose().set(NOSE, 0.5f, 0.5f, 0.9f).values);
        MoveNetBodyDetector detector = new MoveNetBodyDetector(movenet(output), () -> 0);
        try (Tensor image = backend.fromFloats(new float[1000 * 1000 * 3], Shape.of(1, 1000, 1000, 3))) {
            BodyKeypoint first = detector.detect(backend, image, config, 1, false).get(0).keypoints().get(0);
            output.set(new Pose().set(NOSE, 0.503f, 0.5f, 0.7f).values);
            BodyKeypoint second = detector.detect(backend, image, config, 1, false).get(0).keypoints().get(0);
            assertThat(second).isSameAs(first);
            output.set(new Pose().set(NOSE, 0.51f, 0.5f, 0.7f).values);
            BodyKeypoint third = detector.detect(backend, image, config, 1, false).get(0).keypoints().get(0);
            assertThat(third.position().x()).isEqualTo(510);
            assertThat(third.score()).isEqualTo(0.7);
        }
    }

    @Test
    void unchangedFrameReusesTheLastBodiesOnlyWithinSkipFramesAndSkipTime() {
        AtomicReference<float[]> output = new AtomicReference<>(new Pose().set(NOSE, 0.5f, 0.5f, 0.9f).values);
        CannedModel model = movenet(output);
        double[] now = {0};
        MoveNetBodyDetector detector = new MoveNetBodyDetector(model, () -> now[0]);
        BodyConfig skipping = new BodyConfig(true, "movenet-lightning.json", -1, 0.3, 2, 200);
        try (Tensor image = image()) {
            List<BodyResult> first = detector.detect(backend, image, skipping, 1, true);
            now[0] = 100;
            assertThat(detector.detect(backend, image, skipping, 1, true)).isSameAs(first);
            assertThat(model.runs()).isEqualTo(1);
            now[0] = 150;
            detector.detect(backend, image, skipping, 1, true); // second skip in a row: skipFrames 2 exceeded
            assertThat(model.runs()).isEqualTo(2);
            now[0] = 1000;
            detector.detect(backend, image, skipping, 1, true); // skipTime exceeded
            detector.detect(backend, image, skipping, 1, false); // frame changed
            assertThat(model.runs()).isEqualTo(4);
        }
    }

    @Test
    void multiPoseKeepsTheBestBodiesUpToMaxDetected() {
        float[] rows = new float[3 * 56];
        float[] scores = {0.5f, 0.2f, 0.9f};
        for (int b = 0; b < 3; b++) {
            for (int k = 0; k < 17; k++) {
                rows[b * 56 + 3 * k] = 0.5f;
                rows[b * 56 + 3 * k + 1] = 0.1f + 0.2f * b;
                rows[b * 56 + 3 * k + 2] = 0.9f;
            }
            rows[b * 56 + 55] = scores[b];
        }
        CannedModel model = CannedModel.singleInput(backend, "movenet-multipose", DType.INT32, new int[] {1, -1, -1, 3})
                .output("Identity:0", new int[] {1, 3, 56}, rows);
        List<BodyResult> bodies;
        try (Tensor image = image()) {
            bodies = new MoveNetBodyDetector(model, () -> 0).detect(backend, image, config, 2, false);
        }
        assertThat(model.inputShapes()).containsExactly(Shape.of(1, 256, 256, 3));
        assertThat(bodies).extracting(BodyResult::id).containsExactly(2, 0);
        assertThat(bodies).extracting(BodyResult::score).containsExactly(0.9, 0.5);
    }

    @Test
    void detectLeavesNoTensorBehind() {
        AtomicReference<float[]> output = new AtomicReference<>(new Pose().set(NOSE, 0.5f, 0.5f, 0.9f).values);
        MoveNetBodyDetector detector = new MoveNetBodyDetector(movenet(output), () -> 0);
        try (Tensor image = image()) {
            long before = backend.memory().tensors();
            detector.detect(backend, image, config, 1, false);
            assertThat(backend.memory().tensors()).isEqualTo(before);
        }
    }

    @Test
    void maxDetectedMinusOneMeansOnePerFace() {
        assertThat(MoveNetBodyDetector.maxDetected(-1, true, 3)).isEqualTo(3);
        assertThat(MoveNetBodyDetector.maxDetected(-1, false, 3)).isEqualTo(1);
        assertThat(MoveNetBodyDetector.maxDetected(5, true, 3)).isEqualTo(5);
    }

    @Test
    void scoresRoundHalfUpToTwoDecimalsLikeJavaScript() {
        assertThat(MoveNetOutput.round2(0.875)).isCloseTo(0.88, within(1e-12));
        assertThat(MoveNetOutput.round2(0.3049)).isCloseTo(0.3, within(1e-12));
    }
}
