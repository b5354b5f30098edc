package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face.description} section: the FaceRes model that gives age, gender and the
 * 1024-value face embedding.
 *
 * <pre>{@code
 * String model = HumanConfig.defaults().face().description().modelPath(); // "faceres.json"
 * }</pre>
 *
 * @param enabled {@code face.description.enabled}, default {@code true}
 * @param modelPath {@code face.description.modelPath}, default {@code "faceres.json"}
 * @param skipFrames {@code face.description.skipFrames}, default 99
 * @param skipTime {@code face.description.skipTime} in milliseconds, default 3000
 * @param minConfidence {@code face.description.minConfidence}: 0 … 1, default 0.1
 */
public record FaceDescriptionConfig(boolean enabled, String modelPath, int skipFrames, int skipTime, double minConfidence) {
    private static final FaceDescriptionConfig DEFAULTS = new FaceDescriptionConfig(true, "faceres.json", 99, 3000, 0.1);

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code face.description.enabled}, default {@code true}
     * @param modelPath {@code face.description.modelPath}, default {@code "faceres.json"}
     * @param skipFrames {@code face.description.skipFrames}, default 99
     * @param skipTime {@code face.description.skipTime} in milliseconds, default 3000
     * @param minConfidence {@code face.description.minConfidence}: 0 … 1, default 0.1
     */
    public FaceDescriptionConfig {
        Objects.requireNonNull(modelPath, "face.description.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceDescriptionConfig defaults() {
        return DEFAULTS;
    }
}
