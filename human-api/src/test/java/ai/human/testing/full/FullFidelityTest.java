package ai.human.testing.full;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullFidelityTest {

    private static FullGoldens.Image sample(int index) {
        assumeTrue(FullGoldens.available("full"), "golden/pipeline/full.json is not in this checkout");
        return FullGoldens.load("full").images().get(index);
    }

    private static FullFidelity.Actual same(FullGoldens.Image image) {
        return new FullFidelity.Actual(image.body(), image.hand(), image.object(), image.gesture());
    }

    @Test
    void goldenReadsWithHumansCounts() {
        FullGoldens golden = FullGoldens.load("full");
        assertThat(golden.images()).extracting(FullGoldens.Image::name)
                .containsExactly("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg", "sample6.jpg");
        assertThat(golden.images()).allSatisfy(i -> assertThat(i.body()).hasSize(1));
        assertThat(golden.images().get(1).hand().get(0).keypoints()).hasSize(21);
        assertThat(golden.config().at("/body/minConfidence").asDouble()).isEqualTo(0.3);
    }

    @Test
    void resultsEqualToTheGoldenPassWithZeroDifferences() {
        FullGoldens.Image image = sample(1);
        FullFidelity.Measure m = FullFidelity.compare(image.name(), same(image), image, 0.3,
                FullFidelity.Tolerances.DEFAULT, FullFidelity.ALL_GESTURES);
        assertThat(m.failures()).isEmpty();
        assertThat(m.bodyPositionRaw()).isZero();
        assertThat(m.handKeypointPx()).isZero();
        assertThat(m.objectIou()).isEqualTo(1.0);
        assertThat(FullFidelity.table("self", List.of(m))).contains("sample2.jpg");
    }

    @Test
    void movedKeypointsShiftedBoxesAndOtherGesturesFail() {
        FullGoldens.Image image = sample(1);
        BodyResult body = image.body().get(0);
        List<BodyKeypoint> keypoints = new ArrayList<>(body.keypoints());
        BodyKeypoint first = keypoints.get(0);
        keypoints.set(0, new BodyKeypoint(first.part(), first.position(),
                Point.of(first.positionRaw().x() + 0.02, first.positionRaw().y()), first.score()));
        BodyResult moved = new BodyResult(body.id(), body.score(), body.box(), body.boxRaw(), keypoints, body.annotations());
        HandResult hand = image.hand().get(0);
        List<Point> handPoints = hand.keypoints().stream().map(p -> Point.of(p.x() + 4, p.y(), p.z())).toList();
        HandResult shifted = new HandResult(hand.id(), hand.score(), hand.boxScore(), hand.fingerScore(), hand.box(),
                hand.boxRaw(), handPoints, "hand", hand.annotations(), hand.landmarks());
        ObjectResult o = image.object().get(0);
        Box b = o.boxRaw();
        ObjectResult objectMoved = new ObjectResult(o.id(), o.score() + 0.05, o.classId(), o.label(), o.box(),
                new Box(b.x() + b.width() / 2, b.y(), b.width(), b.height()));
        List<ObjectResult> objects = new ArrayList<>(image.object());
        objects.set(0, objectMoved);
        List<Gesture> gestures = new ArrayList<>(image.gesture());
        gestures.add(new Gesture("hand", 0, "victory"));
        FullFidelity.Measure m = FullFidelity.compare(image.name(),
                new FullFidelity.Actual(List.of(moved), List.of(shifted), objects, gestures), image, 0.3,
                FullFidelity.Tolerances.DEFAULT, FullFidelity.ALL_GESTURES);
        assertThat(m.failures()).anyMatch(f -> f.contains("keypoint " + first.part()))
                .anyMatch(f -> f.contains("is 'hand'"))
                .anyMatch(f -> f.contains("off by 4.00 px"))
                .anyMatch(f -> f.contains(o.label() + " (object 0) box IoU"))
                .anyMatch(f -> f.contains("extra [hand 0: victory]"));
    }

    @Test
    void keypointAtTheConfidenceLimitMayBeMissingOnOneSide() {
        FullGoldens.Image image = sample(0);
        BodyResult body = image.body().get(0);
        BodyKeypoint weak = new BodyKeypoint("leftKnee", Point.of(1, 1), Point.of(0.5, 0.9), 0.32);
        List<BodyKeypoint> keypoints = new ArrayList<>(body.keypoints());
        keypoints.add(weak);
        BodyResult extra = new BodyResult(0, body.score(), body.box(), body.boxRaw(), keypoints, body.annotations());
        FullFidelity.Measure m = FullFidelity.compare(image.name(),
                new FullFidelity.Actual(List.of(extra), image.hand(), image.object(), image.gesture()), image, 0.3,
                FullFidelity.Tolerances.DEFAULT, FullFidelity.ALL_GESTURES);
        assertThat(m.failures()).isEmpty();
        assertThat(m.borderline()).isEqualTo(1);
    }
}
