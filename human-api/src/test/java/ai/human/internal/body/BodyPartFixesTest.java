package ai.human.internal.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class BodyPartFixesTest {

    private static RawKeypoint kp(String part, double x, double y) {
        return new RawKeypoint(part, 0.9, x, y, x / 100, y / 100);
    }

    private static List<String> parts(List<RawKeypoint> keypoints) {
        return keypoints.stream().map(k -> k == null ? null : k.part).toList();
    }

    @Test
    void leftPartLeftOfRightPartSwapsPlacesButKeepsItsName() {
        List<RawKeypoint> keypoints = new ArrayList<>(List.of(kp("nose", 50, 10), kp("leftEye", 40, 8), kp("rightEye", 60, 8)));
        BodyPartFixes.apply(keypoints);
        assertThat(parts(keypoints)).containsExactly("nose", "rightEye", "leftEye");
        assertThat(keypoints.get(2).x).isEqualTo(40);
    }

    @Test
    void mirroredPairStaysInPlace() {
        List<RawKeypoint> keypoints = new ArrayList<>(List.of(kp("leftEye", 60, 8), kp("rightEye", 40, 8)));
        BodyPartFixes.apply(keypoints);
        assertThat(parts(keypoints)).containsExactly("leftEye", "rightEye");
    }

    @Test
    void kneeAboveItsShoulderIsDropped() {
        List<RawKeypoint> keypoints = new ArrayList<>(List.of(kp("leftShoulder", 60, 50), kp("leftKnee", 60, 40),
                kp("rightShoulder", 40, 50), kp("rightKnee", 40, 90)));
        BodyPartFixes.apply(keypoints);
        assertThat(parts(keypoints)).containsExactly("leftShoulder", "rightShoulder", "rightKnee");
    }

    @Test
    void hipNearerTheOtherShoulderSwapsWithItsPartner() {
        // shoulders mirrored correctly; hips are crossed over (left hip under the right shoulder)
        List<RawKeypoint> keypoints = new ArrayList<>(List.of(kp("leftShoulder", 70, 30), kp("rightShoulder", 30, 30),
                kp("leftHip", 65, 70), kp("rightHip", 35, 70)));
        // horizontal fix leaves these (left x > right x); relative: left hip is near its own shoulder -> no swap
        BodyPartFixes.apply(keypoints);
        assertThat(parts(keypoints)).containsExactly("leftShoulder", "rightShoulder", "leftHip", "rightHip");

        List<RawKeypoint> crossed = new ArrayList<>(List.of(kp("leftShoulder", 70, 30), kp("rightShoulder", 30, 30),
                kp("leftHip", 35, 70)));
        BodyPartFixes.apply(crossed);
        // Human swaps keypoints[left] with keypoints[-1]: the left hip moves into the hidden slot and is lost
        assertThat(parts(crossed)).containsExactly("leftShoulder", "rightShoulder", null);
    }

    @Test
    void hiddenSlotFromTheHipsIsSeenByTheElbows() {
        // left hip lost into index -1 (as above); then with no elbows at all, findIndex gives -1 for both and
        // Human reads the hidden slot as keypoints[-1]: it compares the lost hip as an elbow and swaps it back into -1.
        List<RawKeypoint> keypoints = new ArrayList<>(List.of(kp("leftShoulder", 70, 30), kp("rightShoulder", 30, 30),
                kp("leftHip", 35, 70), kp("nose", 50, 10)));
        BodyPartFixes.apply(keypoints);
        assertThat(parts(keypoints)).containsExactly("leftShoulder", "rightShoulder", null, "nose");
        assertThat(keypoints.stream().filter(Objects::nonNull).count()).isEqualTo(3);
    }

    @Test
    void slotsBehaveLikeAJavaScriptArray() {
        List<RawKeypoint> list = new ArrayList<>(Arrays.asList(kp("a", 1, 1), null, kp("b", 2, 2)));
        BodyPartFixes.Slots slots = new BodyPartFixes.Slots(list);
        assertThat(slots.indexOf("b")).isEqualTo(2);
        assertThat(slots.indexOf("missing")).isEqualTo(-1);
        assertThat(slots.get(-1)).isNull();
        slots.swap(0, -1);
        assertThat(list.get(0)).isNull();
        assertThat(slots.get(-1).part).isEqualTo("a");
        slots.remove(-1);
        assertThat(list).hasSize(2);
    }
}
