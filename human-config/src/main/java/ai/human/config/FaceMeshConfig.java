package ai.human.config;

import java.util.Objects;

/**
 * Human's {@code face.mesh} section: the 468-point face mesh.
 *
 * <pre>{@code
 * boolean mesh = HumanConfig.defaults().face().mesh().enabled(); // true
 * }</pre>
 *
 * @param enabled {@code face.mesh.enabled}, default {@code true}
 * @param modelPath {@code face.mesh.modelPath}, default {@code "facemesh.json"}
 * @param keepInvalid {@code face.mesh.keepInvalid}: keep faces the mesh cannot confirm, default {@code false}
 */
public record FaceMeshConfig(boolean enabled, String modelPath, boolean keepInvalid) {
    private static final FaceMeshConfig DEFAULTS = new FaceMeshConfig(true, "facemesh.json", false);

    /**
     * Checks that the model path is not null.
     *
     * @param enabled {@code face.mesh.enabled}, default {@code true}
     * @param modelPath {@code face.mesh.modelPath}, default {@code "facemesh.json"}
     * @param keepInvalid {@code face.mesh.keepInvalid}: keep faces the mesh cannot confirm, default {@code false}
     */
    public FaceMeshConfig {
        Objects.requireNonNull(modelPath, "face.mesh.modelPath");
    }

    /** {@return Human 3.3.6's defaults for this section} */
    public static FaceMeshConfig defaults() {
        return DEFAULTS;
    }
}
