package ai.human.testing;

import ai.human.config.HumanConfig;
import java.util.List;

/**
 * The configuration Human's reference runs use for the face goldens (the oracle's {@code --preset face}): Human's
 * defaults with the face detector, mesh, iris, description, emotion, anti-spoofing and liveness on, and body, hand,
 * object and gesture off.
 *
 * <pre>{@code
 * HumanConfig config = FacePreset.config(20); // face-multi.json
 * }</pre>
 */
public final class FacePreset {

    private FacePreset() {
    }

    /** The face preset with {@code face.detector.maxDetected} as given (Human's default is 1). */
    public static HumanConfig config(int maxDetected) {
        return HumanConfig.defaults().withOverrides(List.of(
                "face.antispoof.enabled=true",
                "face.liveness.enabled=true",
                "body.enabled=false",
                "hand.enabled=false",
                "object.enabled=false",
                "gesture.enabled=false",
                "face.detector.maxDetected=" + maxDetected));
    }
}
