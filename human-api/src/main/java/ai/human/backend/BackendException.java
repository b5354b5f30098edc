package ai.human.backend;

import ai.human.error.HumanException;

/** A backend could not be found, created, or could not do what was asked of it. */
public class BackendException extends HumanException {
    private static final long serialVersionUID = 1L;

    /**
     * A backend failure.
     *
     * @param message what failed, and what to do
     */
    public BackendException(String message) {
        super(message);
    }

    /**
     * A backend failure with its cause.
     *
     * @param message what failed, and what to do
     * @param cause the engine's exception
     */
    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
