package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face.attention} section: the attention variant of the face mesh. Not implemented by
 * Human for Java: enabling it is reported by {@link HumanConfig#unsupportedOptions()}.
 *
 * <pre>{@code
 * boolean attention = HumanConfig.defaults().face().attention().enabled(); // false
 * }</pre>
 *
 * @param enabled {@code face.attention.enabled}, default {@code false}
 * @param modelPath {@code face.attention.modelPath}, default {@code "facemesh-attention.json"}
 */
public record FaceAttentionConfig(boolean enabled, String modelPath) {
    private static final FaceAttentionConfig DEFAULTS = new FaceAttentionConfig(false, "facemesh-attention.json");

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code face.attention.enabled}, default {@code false}
     * @param modelPath {@code face.attention.modelPath}, default {@code "facemesh-attention.json"}
     */
    public FaceAttentionConfig {
        Objects.requireNonNull(modelPath, "face.attention.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceAttentionConfig defaults() {
        return DEFAULTS;
    }
}
