package ai.human.image;

import ai.human.error.HumanException;

/**
 * An input image could not be used: the file is missing or unreadable, the bytes are not an image format the
 * JDK's ImageIO reads, the data is damaged, the pixel layout is not supported, or an input tensor has the wrong
 * shape or type. The message names the input and says what to do.
 *
 * <pre>{@code
 * try (Result result = human.detect(Path.of("photo.jpg"))) {
 *     ...
 * } catch (ImageException e) {
 *     log.warn("skipping photo: {}", e.getMessage());
 * }
 * }</pre>
 */
public class ImageException extends HumanException {
    private static final long serialVersionUID = 1L;

    /**
     * An image that cannot be used.
     *
     * @param message what is wrong with it, and what to do
     */
    public ImageException(String message) {
        super(message);
    }

    /**
     * An image that cannot be used, with the cause.
     *
     * @param message what is wrong with it, and what to do
     * @param cause the decoder's exception
     */
    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
