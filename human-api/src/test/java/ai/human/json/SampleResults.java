package ai.human.json;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.EmotionScore;
import ai.human.result.FaceResult;
import ai.human.result.FaceRotation;
import ai.human.result.FingerPose;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import ai.human.result.Result;
import ai.human.result.ResultTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Hand-built results with known values. */
final class SampleResults {

    private SampleResults() {
    }

    static FaceResult fullFace(ResultTensor tensor) {
        Map<String, List<Point>> annotations = new LinkedHashMap<>();
        annotations.put("silhouette", List.of(Point.of(10, 20, 1)));
        annotations.put("leftEyeIris", List.of(Point.of(30, 31, -7), Point.of(32, 33, -8)));
        annotations.put("rightEyeIris", List.of(Point.of(40, 41, 2)));
        return new FaceResult(0, 1, 0.89, 1, new Box(334, 316, 352, 352), new Box(0.17395833333333333, 0.246875, 0.1833, 0.275),
                new int[] {353, 235},
                List.of(Point.of(470, 538, -6), Point.of(457.5, 517, -20)),
                List.of(Point.of(0.24479166666666666, 0.4203125, -0.03125), Point.of(0.238, 0.4039, -0.104)),
                annotations, OptionalDouble.of(23.5), Optional.of("female"), OptionalDouble.of(0.76),
                List.of(new EmotionScore(0.6, "happy"), new EmotionScore(0.16, "neutral")),
                new float[] {0.09572052f, 0.5f, 0f},
                OptionalDouble.of(1.73), OptionalDouble.of(0.71), OptionalDouble.of(0.99),
                Optional.of(new FaceRotation(-0.06, 0.29, 0.2, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 2.59, 0.09)),
                tensor);
    }

    /** A face as the detector alone gives it: no age, gender, emotion, embedding, rotation, iris or tensor. */
    static FaceResult detectorOnlyFace() {
        return new FaceResult(1, 0.5, 0.5, 0, new Box(1, 2, 3, 4), new Box(0.1, 0.2, 0.3, 0.4), new int[] {3, 4},
                List.of(Point.of(1, 2, 0)), List.of(Point.of(0.1, 0.2, 0)), Map.of(), OptionalDouble.empty(), Optional.empty(),
                OptionalDouble.empty(), List.of(), new float[0], OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), ResultTensor.absent());
    }

    static BodyResult body() {
        Map<String, List<List<Point>>> annotations = new LinkedHashMap<>();
        annotations.put("leftLeg", List.of());
        annotations.put("torso", List.of(List.of(Point.of(1532, 569), Point.of(1376, 512))));
        return new BodyResult(0, 0.84, new Box(1357, 284.5, 274, 700), new Box(0.7, 0.22, 0.14, 0.5),
                List.of(new BodyKeypoint("nose", Point.of(1548, 340), Point.of(0.80625, 0.265625), 0.63)), annotations);
    }

    static HandResult hand() {
        Map<String, List<Point>> annotations = new LinkedHashMap<>();
        annotations.put("thumb", List.of(Point.of(853.06, 1063.99, -6.2), Point.of(822.5, 1109.1, -16.2)));
        annotations.put("palm", List.of(Point.of(886.56, 1039.2, 0)));
        Map<String, FingerPose> landmarks = new LinkedHashMap<>();
        landmarks.put("thumb", new FingerPose("none", "verticalDown"));
        landmarks.put("index", new FingerPose("half", "diagonalDownRight"));
        return new HandResult(0, 0.85, 0.85, 0.73, new Box(812.7, 1039.2, 128.1, 185.7), new Box(0.42, 0.76, 0.067, 0.136),
                List.of(Point.of(886.56, 1039.2, 0), Point.of(853.06, 1063.99, -6.2)), "fist", annotations, landmarks);
    }

    static ObjectResult object() {
        return new ObjectResult(0, 0.66, 0, "person", new Box(1209, 171, 672, 1109), new Box(0.63, 0.134, 0.35, 0.866));
    }

    static Result full(ResultTensor tensor) {
        Map<String, Long> performance = new LinkedHashMap<>();
        performance.put("inputProcess", 71L);
        performance.put("total", 1199L);
        return new Result(List.of(fullFace(tensor)), List.of(body()), List.of(hand()), List.of(object()),
                List.of(new Gesture("face", 0, "facing center"), new Gesture("iris", 0, "looking up")), performance, 1920, 1280);
    }

    static Result empty(int width, int height) {
        return new Result(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), width, height);
    }
}
