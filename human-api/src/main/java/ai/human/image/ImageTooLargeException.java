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

    private final int width;
    private final int height;
    private final long maxPixels;

    public ImageTooLargeException(String source, int width, int height, long maxPixels) {
        super(source + " is " + width + "x" + height + " = " + ((long) width * height) + " pixels, more than maxImagePixels = "
                + maxPixels + "; scale the image down or raise maxImagePixels in the configuration");
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The limit that was exceeded. */
    public long maxPixels() {
        return maxPixels;
    }
}
