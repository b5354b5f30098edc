package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face.emotion} section: the emotion classifier.
 *
 * <pre>{@code
 * double min = HumanConfig.defaults().face().emotion().minConfidence(); // 0.1
 * }</pre>
 *
 * @param enabled {@code face.emotion.enabled}, default {@code true}
 * @param minConfidence {@code face.emotion.minConfidence}: 0 … 1, default 0.1
 * @param skipFrames {@code face.emotion.skipFrames}, default 99
 * @param skipTime {@code face.emotion.skipTime} in milliseconds, default 1500
 * @param modelPath {@code face.emotion.modelPath}, default {@code "emotion.json"}
 */
public record FaceEmotionConfig(boolean enabled, double minConfidence, int skipFrames, int skipTime, String modelPath) {
    private static final FaceEmotionConfig DEFAULTS = new FaceEmotionConfig(true, 0.1, 99, 1500, "emotion.json");

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code face.emotion.enabled}, default {@code true}
     * @param minConfidence {@code face.emotion.minConfidence}: 0 … 1, default 0.1
     * @param skipFrames {@code face.emotion.skipFrames}, default 99
     * @param skipTime {@code face.emotion.skipTime} in milliseconds, default 1500
     * @param modelPath {@code face.emotion.modelPath}, default {@code "emotion.json"}
     */
    public FaceEmotionConfig {
        Objects.requireNonNull(modelPath, "face.emotion.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceEmotionConfig defaults() {
        return DEFAULTS;
    }
}
