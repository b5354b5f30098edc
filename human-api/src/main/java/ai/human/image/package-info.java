/**
 * Image input: {@link ai.human.image.ImageDecoder} decodes JPEG and PNG (and the other formats the JDK's ImageIO
 * reads) into {@link ai.human.image.RgbImage}, refusing images above a pixel limit from their header, with
 * {@link ai.human.image.ImageException} naming what was wrong. {@code Human.decodeImage} and {@code Human.detect}
 * use it.
 *
 * <pre>{@code
 * RgbImage image = ImageDecoder.decode(Path.of("photo.jpg"), config.maxImagePixels());
 * }</pre>
 */
package ai.human.image;
