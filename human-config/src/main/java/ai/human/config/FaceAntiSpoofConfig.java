package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face.antispoof} section: the anti-spoofing model (result field {@code real}).
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withOverride("face.antispoof.enabled", "true");
 * }</pre>
 *
 * @param enabled {@code face.antispoof.enabled}, default {@code false}
 * @param skipFrames {@code face.antispoof.skipFrames}, default 99
 * @param skipTime {@code face.antispoof.skipTime} in milliseconds, default 4000
 * @param modelPath {@code face.antispoof.modelPath}, default {@code "antispoof.json"}
 */
public record FaceAntiSpoofConfig(boolean enabled, int skipFrames, int skipTime, String modelPath) {
    private static final FaceAntiSpoofConfig DEFAULTS = new FaceAntiSpoofConfig(false, 99, 4000, "antispoof.json");

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code face.antispoof.enabled}, default {@code false}
     * @param skipFrames {@code face.antispoof.skipFrames}, default 99
     * @param skipTime {@code face.antispoof.skipTime} in milliseconds, default 4000
     * @param modelPath {@code face.antispoof.modelPath}, default {@code "antispoof.json"}
     */
    public FaceAntiSpoofConfig {
        Objects.requireNonNull(modelPath, "face.antispoof.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceAntiSpoofConfig defaults() {
        return DEFAULTS;
    }
}
