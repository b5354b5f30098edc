package ai.human.internal.gesture;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.FaceResult;
import ai.human.result.FingerPose;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.Point;
import ai.human.result.ResultTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GestureRecognizerTest {

    /** A face mesh where every point sits at (100, 100, 0) unless moved. */
    private static final class Mesh {
        final List<Point> points = new ArrayList<>();
        final Map<String, List<Point>> annotations = new LinkedHashMap<>();

        Mesh() {
            for (int i = 0; i < 478; i++) {
                points.add(Point.of(100, 100, 0));
            }
            // eyes open: lids 10 apart, eye borders 20 apart; face 100 tall; mouth closed
            set(374, 130, 95, 0).set(386, 130, 105, 0).set(443, 130, 90, 0).set(450, 130, 110, 0);
            set(145, 70, 95, 0).set(159, 70, 105, 0).set(223, 70, 90, 0).set(230, 70, 110, 0);
            set(10, 100, 50, 0).set(152, 100, 150, 0).set(13, 100, 130, 0).set(14, 100, 130, 0);
            set(33, 60, 100, 0).set(263, 140, 100, 0);
        }

        Mesh set(int index, double x, double y, double z) {
            points.set(index, Point.of(x, y, z));
            return this;
        }

        /** Iris: centre, then left, top, right, bottom edge points, as Human's annotations list them. */
        Mesh iris(String name, double cx, double cy, double radius) {
            annotations.put(name, List.of(Point.of(cx, cy, 0), Point.of(cx - radius, cy, 0), Point.of(cx, cy - radius, 0),
                    Point.of(cx + radius, cy, 0), Point.of(cx, cy + radius, 0)));
            return this;
        }

        FaceResult face() {
            return new FaceResult(0, 0.9, 0.9, 0.9, new Box(50, 50, 100, 100), new Box(0.1, 0.1, 0.2, 0.2), new int[] {100, 100},
                    points, points, annotations, OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), List.of(),
                    new float[0], OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                    ResultTensor.absent());
        }
    }

    private static List<String> names(List<Gesture> gestures) {
        return gestures.stream().map(g -> g.source() + " " + g.index() + ": " + g.gesture()).toList();
    }

    @Test
    void neutralFaceFacesTheCameraAndNothingElse() {
        assertThat(names(GestureRecognizer.face(List.of(new Mesh().face())))).containsExactly("face 0: facing center");
    }

    @Test
    void faceGesturesFollowHumansMeshMeasures() {
        Mesh mesh = new Mesh()
                .set(33, 60, 100, -20) // right eye corner nearer: |zDiff / xDiff| = 20/80 > 0.15, zDiff < 0
                .set(374, 130, 99, 0).set(386, 130, 101, 0) // left lids 2 apart of 20: 0.1 < 0.2
                .set(14, 100, 133.3, 0) // mouth: 500 * 3.3 / 100 = 16.5 -> "16%"
                .set(152, 100, 150, 12); // chin depth 12 > 10, positive: down
        assertThat(names(GestureRecognizer.face(List.of(mesh.face())))).containsExactly(
                "face 0: facing left", "face 0: blink left eye", "face 0: mouth 16% open", "face 0: head down");
    }

    @Test
    void faceWithoutMeshHasNoFaceGesture() {
        Mesh mesh = new Mesh();
        FaceResult full = mesh.face();
        FaceResult detectorOnly = new FaceResult(0, 0.9, 0.9, 0, full.box(), full.boxRaw(), full.size(),
                full.mesh().subList(0, 6), full.meshRaw().subList(0, 6), Map.of(), OptionalDouble.empty(), Optional.empty(),
                OptionalDouble.empty(), List.of(), new float[0], OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), ResultTensor.absent());
        assertThat(GestureRecognizer.face(List.of(detectorOnly))).isEmpty();
        assertThat(GestureRecognizer.iris(List.of(detectorOnly))).isEmpty();
    }

    @Test
    void irisesOfEqualSizeCentredInTheEyesLookAtTheCamera() {
        // iris centres 1.5% of the box height above the lower lid points (374 and 145 at y 95): between 0.01 and 0.022
        Mesh mesh = new Mesh().iris("leftEyeIris", 140, 93.5, 5).iris("rightEyeIris", 60, 93.5, 5);
        assertThat(names(GestureRecognizer.iris(List.of(mesh.face()))))
                .containsExactly("iris 0: facing center", "iris 0: looking center");
    }

    @Test
    void irisOffCentreLooksAside() {
        // irises 4.5% and 5% of the box width from the eye corners 263 and 33; Human names the side by the eye with
        // the smaller offset, so both must be above 4%
        Mesh mesh = new Mesh().iris("leftEyeIris", 135.5, 93.5, 5).iris("rightEyeIris", 55, 93.5, 8);
        assertThat(names(GestureRecognizer.iris(List.of(mesh.face())))).containsExactly("iris 0: looking left");
    }

    @Test
    void irisFarFromTheLowerLidLooksUp() {
        Mesh mesh = new Mesh().iris("leftEyeIris", 140, 90, 5).iris("rightEyeIris", 60, 94.5, 5);
        assertThat(names(GestureRecognizer.iris(List.of(mesh.face()))))
                .containsExactly("iris 0: facing center", "iris 0: looking down", "iris 0: looking up");
    }

    private static BodyKeypoint kp(String part, double x, double y) {
        return new BodyKeypoint(part, Point.of(x, y), Point.of(x / 1000, y / 1000), 0.9);
    }

    private static BodyResult body(BodyKeypoint... keypoints) {
        return new BodyResult(0, 0.9, new Box(0, 0, 1, 1), new Box(0, 0, 1, 1), List.of(keypoints), Map.of());
    }

    @Test
    void wristsAboveTheNoseRaiseHands() {
        BodyResult both = body(kp("nose", 500, 300), kp("leftWrist", 600, 200), kp("rightWrist", 400, 250));
        BodyResult left = body(kp("nose", 500, 300), kp("leftWrist", 600, 200), kp("rightWrist", 400, 450));
        BodyResult right = body(kp("nose", 500, 300), kp("rightWrist", 400, 250));
        BodyResult none = body(kp("leftWrist", 600, 200), kp("rightWrist", 400, 250));
        assertThat(names(GestureRecognizer.body(List.of(both, left, right, none))))
                .containsExactly("body 0: i give up", "body 1: raise left hand", "body 2: raise right hand");
    }

    @Test
    void shouldersMoreThanATenthApartLean() {
        BodyResult leaningLeft = body(kp("leftShoulder", 600, 520), kp("rightShoulder", 400, 400));
        BodyResult leaningRight = body(kp("leftShoulder", 600, 400), kp("rightShoulder", 400, 520));
        BodyResult straight = body(kp("leftShoulder", 600, 450), kp("rightShoulder", 400, 400));
        assertThat(names(GestureRecognizer.body(List.of(leaningLeft, leaningRight, straight))))
                .containsExactly("body 0: leaning left", "body 1: leaning right");
    }

    private static HandResult hand(Map<String, List<Point>> annotations, List<Point> keypoints) {
        Map<String, FingerPose> landmarks = Map.of();
        return new HandResult(0, 0.9, 0.9, 0.9, new Box(0, 0, 1, 1), new Box(0, 0, 1, 1), keypoints, "hand", annotations,
                landmarks);
    }

    @Test
    void handGroupWhoseFirstPointIsNearestAndHighestIsForwardAndUp() {
        Map<String, List<Point>> annotations = new LinkedHashMap<>();
        annotations.put("thumb", List.of(Point.of(10, 50, -3), Point.of(0, 0, 0)));
        annotations.put("index", List.of(Point.of(20, 40, -5)));
        annotations.put("middle", List.of(Point.of(30, 40, -5)));
        annotations.put("palm", List.of(Point.of(25, 80, 0)));
        // ties go to the later group, as Human's reduce does
        assertThat(names(GestureRecognizer.hand(List.of(hand(annotations, List.of())))))
                .containsExactly("hand 0: middle forward", "hand 0: middle up");
    }

    @Test
    void handWithoutLandmarksHasNoGesture() {
        assertThat(GestureRecognizer.hand(List.of(hand(Map.of(), List.of())))).isEmpty();
    }

    @Test
    void gesturesComeFaceBodyHandIris() {
        Mesh mesh = new Mesh().iris("leftEyeIris", 140, 93.5, 5).iris("rightEyeIris", 60, 93.5, 5);
        Map<String, List<Point>> annotations = Map.of("thumb", List.of(Point.of(10, 50, -3)));
        List<Gesture> all = GestureRecognizer.recognize(List.of(mesh.face()),
                List.of(body(kp("nose", 500, 300), kp("leftWrist", 600, 200))), List.of(hand(annotations, List.of())));
        assertThat(all).extracting(Gesture::source).containsExactly("face", "body", "hand", "hand", "iris", "iris");
    }
}
