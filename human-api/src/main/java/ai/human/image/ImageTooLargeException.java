package ai.human.image;

/**
 * An image has more pixels than the configured {@code maxImagePixels}. It is raised from the size in the image
 * header, before any pixel is decoded, so a huge or malicious file costs no memory.
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withOverride("maxImagePixels", "400000000");
 * }</pre>
 */
public final class ImageTooLargeException extends ImageException {
    private static final long serialVersionUID = 1L;

    /** The image's width in pixels. */
    private final int width;
    /** The image's height in pixels. */
    private final int height;
    /** The limit that was exceeded. */
    private final long maxPixels;

    /**
     * An image from {@code source} is larger than allowed.
     *
     * @param source where the image comes from, for the message
     * @param width its width in pixels
     * @param height its height in pixels
     * @param maxPixels the limit
     */
    public ImageTooLargeException(String source, int width, int height, long maxPixels) {
        super(source + " is " + width + "x" + height + " = " + ((long) width * height) + " pixels, more than maxImagePixels = "
                + maxPixels + "; scale the image down or raise maxImagePixels in the configuration");
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    /** {@return the image's width in pixels} */
    public int width() {
        return width;
    }

    /** {@return the image's height in pixels} */
    public int height() {
        return height;
    }

    /** {@return the limit that was exceeded} */
    public long maxPixels() {
        return maxPixels;
    }
}
