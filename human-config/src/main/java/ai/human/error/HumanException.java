package ai.human.error;

/**
 * Root of every error that Human for Java reports on purpose.
 *
 * <p>Every exception the library throws because of something it detected (a bad configuration, a model file that
 * cannot be read, an image that cannot be decoded, a backend that is missing, a closed object used again) is
 * unchecked and extends this class, so one {@code catch (HumanException e)} handles them all. Messages say what was
 * wrong, where, and what to do about it. Subtypes: {@code ConfigException}, {@code ModelException},
 * {@code BackendException}, {@code ImageException} (and {@code ImageTooLargeException}) and
 * {@link AlreadyClosedException}.
 *
 * <p>Programming errors are not {@code HumanException}s: a {@code null} argument throws
 * {@link NullPointerException} and an argument that breaks a method's documented contract (a negative size, a
 * shape that does not fit the values) throws {@link IllegalArgumentException}, as in the JDK. Those are bugs in
 * the calling code, not conditions to handle.
 *
 * <pre>{@code
 * try (Human human = Human.create(HumanConfig.defaults())) {
 *     human.detect(Path.of("photo.jpg"));
 * } catch (HumanException e) {
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public class HumanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message saying what was wrong and what to do about it.
     *
     * @param message what was wrong, where, and what to do about it
     */
    public HumanException(String message) {
        super(message);
    }

    /**
     * An error with a message and the exception that caused it.
     *
     * @param message what was wrong, where, and what to do about it
     * @param cause the exception that caused it (may be {@code null})
     */
    public HumanException(String message, Throwable cause) {
        super(message, cause);
    }
}
