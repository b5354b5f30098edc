package ai.human.testing.full;

import ai.human.config.HumanConfig;
import java.util.List;

/**
 * The configuration of Human's reference runs for the full goldens (the oracle's {@code --preset full}): Human's
 * defaults with every face model of the face preset, body, hand, object and gesture on.
 *
 * <pre>{@code
 * HumanConfig config = FullPreset.config(20); // full-multi.json
 * }</pre>
 */
public final class FullPreset {

    private FullPreset() {
    }

    /** The full preset with {@code face.detector.maxDetected} as given (Human's default is 1). */
    public static HumanConfig config(int maxDetected) {
        return HumanConfig.defaults().withOverrides(List.of(
                "face.antispoof.enabled=true",
                "face.liveness.enabled=true",
                "body.enabled=true",
                "hand.enabled=true",
                "object.enabled=true",
                "gesture.enabled=true",
                "face.detector.maxDetected=" + maxDetected));
    }
}
