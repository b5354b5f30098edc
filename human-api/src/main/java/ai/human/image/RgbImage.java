package ai.human.image;

import java.util.Objects;

/**
 * Decoded pixels: {@code height} rows of {@code width} pixels, each three bytes red, green, blue (0..255),
 * row-major without padding, as Human's input tensor {@code [height, width, 3]} holds them.
 *
 * <p>For speed the array is shared, not copied: treat it as read-only.
 *
 * <pre>{@code
 * RgbImage image = ImageDecoder.decode(Path.of("photo.jpg"), HumanConfig.DEFAULT_MAX_IMAGE_PIXELS);
 * int red = image.pixels()[3 * (y * image.width() + x)] & 0xff;
 * }</pre>
 *
 * @param width  pixels per row, at least 1
 * @param height rows, at least 1
 * @param pixels {@code width * height * 3} bytes
 */
public record RgbImage(int width, int height, byte[] pixels) {
    /**
     * Checks the size against the pixels.
     *
     * @param width pixels per row, at least 1
     * @param height rows, at least 1
     * @param pixels {@code width * height * 3} bytes
     */
    public RgbImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("An image needs at least one pixel, got " + width + "x" + height);
        }
        if (pixels.length != (long) width * height * 3) {
            throw new IllegalArgumentException("A " + width + "x" + height + " RGB image has " + ((long) width * height * 3)
                    + " bytes, got " + pixels.length);
        }
    }

    /** {@return the number of pixels} */
    public long pixelCount() {
        return (long) width * height;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && width == other.width && height == other.height
                && java.util.Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return (width * 31 + height) * 31 + java.util.Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
