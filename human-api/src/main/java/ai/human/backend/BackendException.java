package ai.human.backend;

import ai.human.error.HumanException;

/** A backend could not be found, created, or could not do what was asked of it. */
public class BackendException extends HumanException {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
