package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face.iris} section: the iris model.
 *
 * <pre>{@code
 * double scale = HumanConfig.defaults().face().iris().scale(); // 2.3
 * }</pre>
 *
 * @param enabled {@code face.iris.enabled}, default {@code true}
 * @param scale {@code face.iris.scale}: iris box enlargement factor (&gt; 0), default 2.3
 * @param modelPath {@code face.iris.modelPath}, default {@code "iris.json"}
 */
public record FaceIrisConfig(boolean enabled, double scale, String modelPath) {
    private static final FaceIrisConfig DEFAULTS = new FaceIrisConfig(true, 2.3, "iris.json");

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code face.iris.enabled}, default {@code true}
     * @param scale {@code face.iris.scale}: iris box enlargement factor (&gt; 0), default 2.3
     * @param modelPath {@code face.iris.modelPath}, default {@code "iris.json"}
     */
    public FaceIrisConfig {
        Objects.requireNonNull(modelPath, "face.iris.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceIrisConfig defaults() {
        return DEFAULTS;
    }
}
