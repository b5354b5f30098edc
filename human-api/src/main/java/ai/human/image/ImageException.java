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

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
