package ai.human.internal.body;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MoveNet's 17 keypoint names and the part relations Human 3.3.6 uses to correct and outline them. */
final class MoveNetParts {

    /** Keypoint names in model output order. */
    static final List<String> NAMES = List.of("nose", "leftEye", "rightEye", "leftEar", "rightEar", "leftShoulder",
            "rightShoulder", "leftElbow", "rightElbow", "leftWrist", "rightWrist", "leftHip", "rightHip", "leftKnee",
            "rightKnee", "leftAnkle", "rightAnkle");

    /** Left/right pairs: the left part should lie right of the right part in the picture (the person faces us). */
    static final List<String[]> HORIZONTAL = List.of(
            new String[] {"leftEye", "rightEye"},
            new String[] {"leftEar", "rightEar"},
            new String[] {"leftShoulder", "rightShoulder"},
            new String[] {"leftElbow", "rightElbow"},
            new String[] {"leftWrist", "rightWrist"},
            new String[] {"leftHip", "rightHip"},
            new String[] {"leftKnee", "rightKnee"},
            new String[] {"leftAnkle", "rightAnkle"});

    /** Lower/higher pairs: a lower part found above its higher part is dropped. */
    static final List<String[]> VERTICAL = List.of(
            new String[] {"leftKnee", "leftShoulder"},
            new String[] {"rightKnee", "rightShoulder"},
            new String[] {"leftAnkle", "leftKnee"},
            new String[] {"rightAnkle", "rightKnee"});

    /** A left/right pair and the left/right pair it is compared with horizontally. */
    static final List<String[][]> RELATIVE = List.of(
            new String[][] {{"leftHip", "rightHip"}, {"leftShoulder", "rightShoulder"}},
            new String[][] {{"leftElbow", "rightElbow"}, {"leftShoulder", "rightShoulder"}});

    /** Outline polylines by annotation name, in Human's order. */
    static final Map<String, List<String>> CONNECTED;

    static {
        Map<String, List<String>> connected = new LinkedHashMap<>();
        connected.put("leftLeg", List.of("leftHip", "leftKnee", "leftAnkle"));
        connected.put("rightLeg", List.of("rightHip", "rightKnee", "rightAnkle"));
        connected.put("torso", List.of("leftShoulder", "rightShoulder", "rightHip", "leftHip", "leftShoulder"));
        connected.put("leftArm", List.of("leftShoulder", "leftElbow", "leftWrist"));
        connected.put("rightArm", List.of("rightShoulder", "rightElbow", "rightWrist"));
        connected.put("head", List.of());
        CONNECTED = Collections.unmodifiableMap(connected);
    }

    private MoveNetParts() {
    }
}
