package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face.gear} section: the GEAR age/gender/race model. It exists only in Human's
 * TypeScript interface ({@code FaceGearConfig}); Human's defaults have no {@code gear} entry and its
 * code reads a missing value as: {@code enabled} false, {@code skipFrames} 0, {@code skipTime} 0,
 * {@code minConfidence} 0.2, and no model. Those are our defaults, with {@code ""} for "no model".
 * Not implemented by Human for Java: enabling it is reported by {@link HumanConfig#unsupportedOptions()}.
 *
 * <pre>{@code
 * boolean gear = HumanConfig.defaults().face().gear().enabled(); // false
 * }</pre>
 *
 * @param enabled {@code face.gear.enabled}, default {@code false}
 * @param modelPath {@code face.gear.modelPath}, default {@code ""} (Human: none)
 * @param skipFrames {@code face.gear.skipFrames}, default 0
 * @param skipTime {@code face.gear.skipTime} in milliseconds, default 0
 * @param minConfidence {@code face.gear.minConfidence}: minimum race score 0 … 1, default 0.2
 */
public record FaceGearConfig(boolean enabled, String modelPath, int skipFrames, int skipTime, double minConfidence) {
    private static final FaceGearConfig DEFAULTS = new FaceGearConfig(false, "", 0, 0, 0.2);

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code face.gear.enabled}, default {@code false}
     * @param modelPath {@code face.gear.modelPath}, default {@code ""} (Human: none)
     * @param skipFrames {@code face.gear.skipFrames}, default 0
     * @param skipTime {@code face.gear.skipTime} in milliseconds, default 0
     * @param minConfidence {@code face.gear.minConfidence}: minimum race score 0 … 1, default 0.2
     */
    public FaceGearConfig {
        Objects.requireNonNull(modelPath, "face.gear.modelPath");
    }

    /** {@return the defaults Human's code falls back to (see the type's description)} */
    public static FaceGearConfig defaults() {
        return DEFAULTS;
    }
}
