package ai.human.model;

import ai.human.error.HumanException;

/**
 * A graph model could not be found, read or understood. The message names the file (or URL) and the
 * problem, e.g. {@code "classpath:/ai/human/models/iris.bin: has 1000 bytes but the manifest of
 * classpath:/ai/human/models/iris.json needs 2599092"}.
 *
 * <pre>{@code
 * try {
 *     GraphModelDef model = new ModelLoader().load("file:/opt/models/", "blazeface.json");
 * } catch (ModelException e) {
 *     log.error("cannot load the face detector: {}", e.getMessage());
 * }
 * }</pre>
 */
public class ModelException extends HumanException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
