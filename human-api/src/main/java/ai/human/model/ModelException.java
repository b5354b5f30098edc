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

    /**
     * A model that cannot be read or run.
     *
     * @param message the model, the file or node, and what to do
     */
    public ModelException(String message) {
        super(message);
    }

    /**
     * A model that cannot be read or run, with the cause.
     *
     * @param message the model, the file or node, and what to do
     * @param cause the underlying exception
     */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
