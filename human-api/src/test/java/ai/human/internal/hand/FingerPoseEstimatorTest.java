package ai.human.internal.hand;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.result.FingerPose;
import ai.human.result.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerPoseEstimatorTest {

    @Test
    void uprightOpenHandHasStraightFingersPointingUp() {
        Map<String, FingerPose> pose = FingerPoseEstimator.analyze(OpenHand.points());
        assertThat(pose.keySet()).containsExactly("thumb", "index", "middle", "ring", "pinky");
        assertThat(pose.values()).allSatisfy(p -> {
            assertThat(p.curl()).isEqualTo("none");
            assertThat(p.direction()).isEqualTo("verticalUp");
        });
    }

    @Test
    void uprightOpenHandIsAnOpenPalmAndNothingElse() {
        assertThat(FingerPoseEstimator.gestures(OpenHand.points())).containsExactly("open palm");
    }

    @Test
    void handTurnedUpsideDownPointsDown() {
        List<Point> flipped = new ArrayList<>();
        for (Point p : OpenHand.points()) {
            flipped.add(Point.of(p.x(), 300 - p.y(), p.z()));
        }
        assertThat(FingerPoseEstimator.analyze(flipped).values()).allSatisfy(p -> assertThat(p.direction()).isEqualTo("verticalDown"));
    }

    @Test
    void fingerBentBackOnItselfIsFullyCurled() {
        List<Point> points = new ArrayList<>(OpenHand.points());
        // index finger (x = 95, joints at y 150, 120, 90, 60): fold the last two joints back toward the wrist
        points.set(7, Point.of(100, 150, -2));
        points.set(8, Point.of(105, 180, -3));
        assertThat(FingerPoseEstimator.analyze(points).get("index").curl()).isEqualTo("full");
    }

    @Test
    void perfectlyStraightFingerCountsAsFullyCurledAsInHuman() {
        // Human multiplies the joint angle by 57.2958 (slightly above 180/pi) and takes it modulo 180, so a straight
        // angle of pi radians becomes about 0.00007 degrees: "full"
        List<Point> points = new ArrayList<>(OpenHand.points());
        points.set(1, Point.of(40, 170, 0));
        points.set(2, Point.of(40, 140, 0));
        points.set(3, Point.of(40, 110, 0));
        points.set(4, Point.of(40, 80, 0));
        assertThat(FingerPoseEstimator.analyze(points).get("thumb").curl()).isEqualTo("full");
    }

    @Test
    void slopeIsFoldedIntoZeroTo180Degrees() {
        assertThat(FingerPoseEstimator.slope(0, 0, 1, 0)).isEqualTo(0.0);
        assertThat(FingerPoseEstimator.slope(0, 0, 0, 1)).isEqualTo(90.0);
        assertThat(FingerPoseEstimator.slope(0, 0, 1, 1)).isCloseTo(135.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(FingerPoseEstimator.slope(0, 0, 1, -1)).isCloseTo(45.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(FingerPoseEstimator.slope(1, 1, 1, 1)).isNaN();
    }

    @Test
    void noKeypointsGiveNoPoseAndNoGesture() {
        assertThat(FingerPoseEstimator.analyze(List.of())).isEmpty();
        assertThat(FingerPoseEstimator.gestures(List.of())).isEmpty();
    }

    @Test
    void gestureWeightsAreRescaledToSumToFive() {
        FingerGestures.Gesture victory = FingerGestures.ALL.get(1);
        assertThat(victory.name()).isEqualTo("victory");
        FingerCurl[] curls = {FingerCurl.HALF, FingerCurl.NONE, FingerCurl.NONE, FingerCurl.FULL, FingerCurl.FULL};
        FingerDirection[] up = new FingerDirection[5];
        java.util.Arrays.fill(up, FingerDirection.DIAGONAL_UP_LEFT);
        // every expectation met with confidence 1 except the thumb's half curl (0.5) and index/middle directions
        // (1.0 and 0.75): curls 0.5*5/7 + 10/7 + 10/7 + 5/7 + 5/7, directions 5/7 + 10/7 + 0.75*10/7 + 5/7 + 5/7
        double expected = ((0.5 * 5 + 10 + 10 + 5 + 5) / 7 + (5 + 10 + 7.5 + 5 + 5) / 7) / 10;
        assertThat(victory.confidence(curls, up)).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
    }
}
