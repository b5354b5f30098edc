package ai.human.internal.pipeline;

import java.util.Objects;

/**
 * A model a pipeline needs: the config section that enables it and the model file.
 *
 * @param section   dotted config path of the model's section, for example {@code face.mesh}; the registry key
 * @param modelPath the section's {@code modelPath}, relative to {@code modelBasePath}
 */
public record ModelRequest(String section, String modelPath) {
    public ModelRequest {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(modelPath, "modelPath");
    }
}
