package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face.liveness} section: the liveness model (result field {@code live}).
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withOverride("face.liveness.enabled", "true");
 * }</pre>
 *
 * @param enabled {@code face.liveness.enabled}, default {@code false}
 * @param skipFrames {@code face.liveness.skipFrames}, default 99
 * @param skipTime {@code face.liveness.skipTime} in milliseconds, default 4000
 * @param modelPath {@code face.liveness.modelPath}, default {@code "liveness.json"}
 */
public record FaceLivenessConfig(boolean enabled, int skipFrames, int skipTime, String modelPath) {
    private static final FaceLivenessConfig DEFAULTS = new FaceLivenessConfig(false, 99, 4000, "liveness.json");

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code face.liveness.enabled}, default {@code false}
     * @param skipFrames {@code face.liveness.skipFrames}, default 99
     * @param skipTime {@code face.liveness.skipTime} in milliseconds, default 4000
     * @param modelPath {@code face.liveness.modelPath}, default {@code "liveness.json"}
     */
    public FaceLivenessConfig {
        Objects.requireNonNull(modelPath, "face.liveness.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceLivenessConfig defaults() {
        return DEFAULTS;
    }
}
