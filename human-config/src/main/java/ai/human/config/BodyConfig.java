package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code body} section: body pose (MoveNet Lightning by default).
 *
 * <pre>{@code
 * int max = HumanConfig.defaults().body().maxDetected(); // -1: as many bodies as faces (automatic)
 * }</pre>
 *
 * @param enabled {@code body.enabled}, default {@code true}
 * @param modelPath {@code body.modelPath}, default {@code "movenet-lightning.json"}
 * @param maxDetected {@code body.maxDetected}: ≥ 1, or -1 (default) for one per detected face
 *     (one when face detection is off)
 * @param minConfidence {@code body.minConfidence}: 0 … 1, default 0.3
 * @param skipFrames {@code body.skipFrames}, default 1
 * @param skipTime {@code body.skipTime} in milliseconds, default 200
 */
public record BodyConfig(boolean enabled, String modelPath, int maxDetected, double minConfidence, int skipFrames, int skipTime) {
    private static final BodyConfig DEFAULTS = new BodyConfig(true, "movenet-lightning.json", -1, 0.3, 1, 200);

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code body.enabled}, default {@code true}
     * @param modelPath {@code body.modelPath}, default {@code "movenet-lightning.json"}
     * @param maxDetected {@code body.maxDetected}: ≥ 1, or -1 (default) for one per detected face
     *     (one when face detection is off)
     * @param minConfidence {@code body.minConfidence}: 0 … 1, default 0.3
     * @param skipFrames {@code body.skipFrames}, default 1
     * @param skipTime {@code body.skipTime} in milliseconds, default 200
     */
    public BodyConfig {
        Objects.requireNonNull(modelPath, "body.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static BodyConfig defaults() {
        return DEFAULTS;
    }
}
