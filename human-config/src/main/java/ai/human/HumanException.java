package ai.human;

/**
 * Root of every error that Human for Java reports.
 *
 * <p>All exceptions of the library are unchecked and extend this class, so one {@code catch
 * (HumanException e)} handles anything the library detected. Messages say what was wrong, where,
 * and what to do about it.
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
     * An error the library detected.
     *
     * @param message what was wrong, where, and what to do
     */
    public HumanException(String message) {
        super(message);
    }

    /**
     * An error the library detected, with its cause.
     *
     * @param message what was wrong, where, and what to do
     * @param cause the exception that revealed it
     */
    public HumanException(String message, Throwable cause) {
        super(message, cause);
    }
}
