package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code object} section: object detection (CenterNet, 80 COCO classes).
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withOverride("object.enabled", "true");
 * }</pre>
 *
 * @param enabled {@code object.enabled}, default {@code false}
 * @param modelPath {@code object.modelPath}, default {@code "centernet.json"}
 * @param minConfidence {@code object.minConfidence}: 0 … 1, default 0.2
 * @param iouThreshold {@code object.iouThreshold}: 0 … 1, default 0.4
 * @param maxDetected {@code object.maxDetected}: ≥ 1, default 10
 * @param skipFrames {@code object.skipFrames}, default 99
 * @param skipTime {@code object.skipTime} in milliseconds, default 2000
 */
public record ObjectConfig(
        boolean enabled,
        String modelPath,
        double minConfidence,
        double iouThreshold,
        int maxDetected,
        int skipFrames,
        int skipTime) {

    private static final ObjectConfig DEFAULTS = new ObjectConfig(false, "centernet.json", 0.2, 0.4, 10, 99, 2000);

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code object.enabled}, default {@code false}
     * @param modelPath {@code object.modelPath}, default {@code "centernet.json"}
     * @param minConfidence {@code object.minConfidence}: 0 … 1, default 0.2
     * @param iouThreshold {@code object.iouThreshold}: 0 … 1, default 0.4
     * @param maxDetected {@code object.maxDetected}: ≥ 1, default 10
     * @param skipFrames {@code object.skipFrames}, default 99
     * @param skipTime {@code object.skipTime} in milliseconds, default 2000
     */
    public ObjectConfig {
        Objects.requireNonNull(modelPath, "object.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static ObjectConfig defaults() {
        return DEFAULTS;
    }
}
