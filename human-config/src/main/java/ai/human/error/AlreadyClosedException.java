package ai.human.error;

/**
 * Something closed was used: a tensor (read, or passed to an op), a backend, a model or a {@code Human}. The one type
 * for all of them, so that "used after close" is handled in one place; the message names the object (a tensor by
 * {@code #id}, a model by name). Closing twice is harmless and never throws this.
 *
 * <pre>{@code
 * Tensor x = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
 * x.close();
 * x.toFloats(); // AlreadyClosedException: Tensor #12 float32[2] of backend reference is closed ...
 * }</pre>
 */
public class AlreadyClosedException extends HumanException {
    private static final long serialVersionUID = 1L;

    /**
     * An error naming what was closed and what to do instead.
     *
     * @param message the object that was closed (a tensor by {@code #id}, a model by name) and what to do instead
     */
    public AlreadyClosedException(String message) {
        super(message);
    }
}
