package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code hand} section: hand detection (HandTrack) and 21 landmarks (HandLandmark lite).
 *
 * <pre>{@code
 * HandConfig hand = HumanConfig.defaults().hand();
 * String detectorModel = hand.detector().modelPath(); // "handtrack.json"
 * }</pre>
 *
 * @param enabled {@code hand.enabled}, default {@code true}
 * @param rotation {@code hand.rotation}: correct hand rotation, default {@code true}
 * @param skipFrames {@code hand.skipFrames}, default 99
 * @param skipTime {@code hand.skipTime} in milliseconds, default 1000
 * @param minConfidence {@code hand.minConfidence}: 0 … 1, default 0.5
 * @param iouThreshold {@code hand.iouThreshold}: 0 … 1, default 0.2
 * @param maxDetected {@code hand.maxDetected}: ≥ 1, or -1 (default) for two per detected face
 *     (one when face detection is off)
 * @param landmarks {@code hand.landmarks}: run the landmark model, default {@code true}
 * @param detector {@code hand.detector}, model default {@code "handtrack.json"}
 * @param skeleton {@code hand.skeleton}, model default {@code "handlandmark-lite.json"}
 */
public record HandConfig(
        boolean enabled,
        boolean rotation,
        int skipFrames,
        int skipTime,
        double minConfidence,
        double iouThreshold,
        int maxDetected,
        boolean landmarks,
        HandModelConfig detector,
        HandModelConfig skeleton) {

    private static final HandConfig DEFAULTS = new HandConfig(true, true, 99, 1000, 0.5, 0.2, -1, true,
            new HandModelConfig("handtrack.json"), new HandModelConfig("handlandmark-lite.json"));

    /**
     * Checks that no part is null.
     *
     * @param enabled {@code hand.enabled}, default {@code true}
     * @param rotation {@code hand.rotation}: correct hand rotation, default {@code true}
     * @param skipFrames {@code hand.skipFrames}, default 99
     * @param skipTime {@code hand.skipTime} in milliseconds, default 1000
     * @param minConfidence {@code hand.minConfidence}: 0 … 1, default 0.5
     * @param iouThreshold {@code hand.iouThreshold}: 0 … 1, default 0.2
     * @param maxDetected {@code hand.maxDetected}: ≥ 1, or -1 (default) for two per detected face
     *     (one when face detection is off)
     * @param landmarks {@code hand.landmarks}: run the landmark model, default {@code true}
     * @param detector {@code hand.detector}, model default {@code "handtrack.json"}
     * @param skeleton {@code hand.skeleton}, model default {@code "handlandmark-lite.json"}
     */
    public HandConfig {
        Objects.requireNonNull(detector, "hand.detector");
        Objects.requireNonNull(skeleton, "hand.skeleton");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static HandConfig defaults() {
        return DEFAULTS;
    }
}
