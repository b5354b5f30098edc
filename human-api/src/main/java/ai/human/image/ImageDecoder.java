package ai.human.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes encoded images (JPEG and PNG; also the other formats the JDK's ImageIO reads, such as BMP and GIF) into
 * {@link RgbImage}, the way Human's reference decodes them in Node:
 * <ul>
 *   <li>8- and 16-bit, grey, grey+alpha, palette, RGB and RGBA images become 8-bit RGB; 16-bit samples are scaled
 *       with {@code round(v * 255 / 65535)};</li>
 *   <li>alpha is dropped, not composited over a background;</li>
 *   <li>no colour management: stored samples are used as they are (an embedded ICC profile or gamma is ignored),
 *       except for layouts that are not RGB or grey (CMYK, premultiplied alpha), which are converted to sRGB;</li>
 *   <li>EXIF orientation is ignored, as Human does for tensor input: a photo whose camera stored it rotated is
 *       analysed as stored. Rotate such images first if the orientation matters.</li>
 * </ul>
 * JPEG decoders differ slightly in their inverse DCT and chroma upsampling: ImageIO's pixels differ from jpeg-js's
 * (Human's reference decoder in Node) by a level or two in about half of the values, which moves results by a
 * small fraction of a pixel. PNG pixels are identical.
 *
 * <p>Before any pixel is decoded the size in the header is checked against a limit, so a huge image is refused
 * cheaply with {@link ImageTooLargeException}. A file whose image data ends early is refused ({@link ImageException}
 * saying it is truncated), also where ImageIO would decode it with grey rows; formats ImageIO cannot read but that
 * are recognised (WebP, HEIF, AVIF, JPEG XL, PSD) are named in the error. An image within the limit whose pixels do
 * not fit in the heap is refused with an {@link ImageException} that says so (the {@link OutOfMemoryError} as its
 * cause): {@code maxImagePixels} is what bounds the memory decoding takes, about 6 bytes per pixel.
 *
 * <pre>{@code
 * RgbImage photo = ImageDecoder.decode(Path.of("photo.jpg"), config.maxImagePixels());
 * RgbImage fromBytes = ImageDecoder.decode(Files.readAllBytes(file), config.maxImagePixels());
 * RgbImage fromAwt = ImageDecoder.fromBufferedImage(bufferedImage, config.maxImagePixels());
 * }</pre>
 * Thread-safe.
 */
public final class ImageDecoder {

    private ImageDecoder() {
    }

    /**
     * Decodes the image in {@code file}.
     *
     * @param file the image file
     * @param maxPixels the most pixels accepted
     * @return the image's RGB pixels
     * @throws ImageTooLargeException when it has more than {@code maxPixels} pixels
     * @throws ImageException         when the file is missing, unreadable, not an image, damaged or unsupported
     */
    public static RgbImage decode(Path file, long maxPixels) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new ImageException("Image file " + file.toAbsolutePath() + " does not exist or is not a file; check the path");
        }
        if (!Files.isReadable(file)) {
            throw new ImageException("Image file " + file.toAbsolutePath() + " is not readable; check its permissions");
        }
        if (isEmpty(file)) {
            throw new ImageException("Image file " + file.toAbsolutePath() + " is empty (0 bytes); pass a JPEG or PNG file");
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            return decode(in, "Image file " + file, maxPixels);
        } catch (IOException e) {
            throw new ImageException("Image file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes an encoded image (the bytes of a JPEG or PNG file).
     *
     * @param encoded the file's bytes
     * @param maxPixels the most pixels accepted
     * @return the image's RGB pixels
     * @throws ImageTooLargeException when it has more than {@code maxPixels} pixels
     * @throws ImageException         when the bytes are not an image, damaged or unsupported
     */
    public static RgbImage decode(byte[] encoded, long maxPixels) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length == 0) {
            throw new ImageException("The encoded image is empty (0 bytes); pass the contents of a JPEG or PNG file");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            return decode(in, "The encoded image (" + encoded.length + " bytes)", maxPixels);
        } catch (IOException e) {
            throw new ImageException("The encoded image (" + encoded.length + " bytes) could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * {@return the pixels of an image already in memory, converted as described in the class comment}
     *
     * @param image the image
     * @param maxPixels the most pixels accepted
     * @throws ImageTooLargeException when it has more than {@code maxPixels} pixels
     */
    public static RgbImage fromBufferedImage(BufferedImage image, long maxPixels) {
        Objects.requireNonNull(image, "image");
        checkSize("The BufferedImage", image.getWidth(), image.getHeight(), maxPixels);
        return RgbConversion.toRgb(image);
    }

    private static RgbImage decode(ImageInputStream in, String source, long maxPixels) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            String known = UnreadableFormats.name(firstBytes(in, 16));
            if (known != null) {
                throw new ImageException(source + " is " + known + ", which ImageIO cannot read; convert it to JPEG or PNG");
            }
            throw new ImageException(source + " is not in an image format ImageIO can read (it starts with "
                    + hex(firstBytes(in, 8)) + "); use JPEG or PNG");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            int width;
            int height;
            BufferedImage image;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw new ImageException(source + " looks like " + format + " but its header cannot be read ("
                        + reason(e) + "); the file is damaged or truncated", e);
            }
            checkSize(source, width, height, maxPixels);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            String what = source + " (" + format + ", " + width + "x" + height + ")";
            try {
                image = reader.read(0, reader.getDefaultReadParam());
            } catch (IOException | RuntimeException e) {
                if (causedByOutOfMemory(e)) {
                    throw outOfMemory(what, width, height, e);
                }
                if (causedBy(e, EOFException.class)) {
                    throw truncated(what, reason(e), e);
                }
                throw new ImageException(what + " could not be decoded: " + reason(e) + "; the file is damaged,"
                        + " truncated or uses a variant ImageIO does not support: convert it to an RGB JPEG or PNG", e);
            } catch (OutOfMemoryError e) {
                throw outOfMemory(what, width, height, e);
            }
            for (String warning : warnings) {
                if (meansDataMissing(warning)) {
                    throw truncated(what, warning, null);
                }
            }
            try {
                return RgbConversion.toRgb(image);
            } catch (OutOfMemoryError e) {
                throw outOfMemory(what, width, height, e);
            }
        } finally {
            reader.dispose();
        }
    }

    private static ImageException truncated(String what, String reason, Throwable cause) {
        return new ImageException(what + " is truncated or damaged: " + reason + "; its data ends early: copy or download"
                + " the file again", cause);
    }

    /**
     * The decoder's buffer did not fit in the heap (ImageIO's PNG reader wraps that error in an IIOException). Only
     * that buffer was lost, so the error is reported like any other bad input.
     */
    private static ImageException outOfMemory(String what, int width, int height, Throwable cause) {
        long megabytes = Math.max(1, (long) width * height * 6 >> 20);
        return new ImageException(what + " needs about " + megabytes + " MB of heap to decode, more than the JVM has free;"
                + " lower maxImagePixels to refuse such images, scale the image down, or give the JVM more heap (-Xmx)", cause);
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        return causedBy(e, OutOfMemoryError.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The decoder's message, with its cause's when that says more; the exception's name when it has no message. */
    private static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            message += " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        }
        return message;
    }

    private static void checkSize(String source, int width, int height, long maxPixels) {
        if (width < 1 || height < 1) {
            throw new ImageException(source + " has no pixels (" + width + "x" + height + ")");
        }
        if ((long) width * height > maxPixels) {
            throw new ImageTooLargeException(source, width, height, maxPixels);
        }
    }

    /**
     * Whether a decoder warning says that image data is missing. ImageIO's JPEG reader decodes a truncated file
     * with a warning and fills the missing rows with grey; such pixels would give wrong results silently. (A JPEG
     * missing only its end marker, with all its data, is accepted.)
     */
    private static boolean meansDataMissing(String warning) {
        return warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end");
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] firstBytes(ImageInputStream in, int count) {
        try {
            in.seek(0);
            byte[] head = new byte[count];
            int n = Math.max(in.read(head), 0);
            return java.util.Arrays.copyOf(head, n);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String hex(byte[] bytes) {
        if (bytes.length == 0) {
            return "nothing";
        }
        StringBuilder hex = new StringBuilder("bytes");
        for (byte b : bytes) {
            hex.append(String.format(Locale.ROOT, " %02x", b & 0xff));
        }
        return hex.toString();
    }
}
