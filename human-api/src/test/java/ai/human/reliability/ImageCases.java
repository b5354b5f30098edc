package ai.human.reliability;

import ai.human.image.ImageDecoder;
import ai.human.image.ImageException;
import ai.human.image.ImageTooLargeException;
import ai.human.image.RgbImage;
import ai.human.reliability.ImageCase.Decodes;
import ai.human.reliability.ImageCase.Refused;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad, odd and hostile image files of issue 12, each with its expected outcome. Made in memory from sample1 (scaled
 * to 480 pixels wide) on first use; the list is shared and must not be changed.
 *
 * <pre>{@code
 * for (ImageCase c : ImageCases.all()) {
 *     ...
 * }
 * }</pre>
 */
public final class ImageCases {
    /** What every header in {@link #hugeHeaders()} claims: 50,000 x 50,000 = 2.5 billion pixels. */
    public static final int HUGE = 50_000;

    private static List<ImageCase> all;

    private ImageCases() {
    }

    /** Every case, in a fixed order. */
    public static synchronized List<ImageCase> all() {
        if (all == null) {
            all = List.copyOf(build());
        }
        return all;
    }

    /**
     * Headers of four formats claiming {@value #HUGE} x {@value #HUGE} pixels, without the pixel data: refused as too
     * large from the header, except BMP, whose ImageIO reader refuses a size whose byte count overflows as an invalid
     * header; a BMP claiming 20,000 x 20,000 is refused as too large.
     */
    public static List<ImageCase> hugeHeaders() {
        List<ImageCase> out = new ArrayList<>();
        out.add(huge("PNG header claiming 50000x50000", ImageFixtures.pngHeader(HUGE, HUGE)));
        out.add(huge("JPEG header claiming 50000x50000", ImageFixtures.jpegHeader(HUGE, HUGE)));
        out.add(huge("GIF header claiming 50000x50000", ImageFixtures.gifHeader(HUGE, HUGE)));
        out.add(new ImageCase("BMP header claiming 50000x50000", ImageFixtures.bmpHeader(HUGE, HUGE),
                refused("BMP", "header")));
        out.add(new ImageCase("BMP header claiming 20000x20000", ImageFixtures.bmpHeader(20_000, 20_000),
                refusedAsTooLarge("20000x20000", "maxImagePixels")));
        return out;
    }

    private static ImageCase huge(String name, byte[] bytes) {
        return new ImageCase(name, bytes, refusedAsTooLarge("50000x50000", "maxImagePixels"));
    }

    private static List<ImageCase> build() {
        BufferedImage photo = ImageFixtures.photo(1, 480);
        byte[] jpeg = ImageFixtures.encode(photo, "jpeg");
        byte[] png = ImageFixtures.encode(photo, "png");
        RgbImage photoPixels = pixels(photo);
        List<ImageCase> out = new ArrayList<>();

        out.add(new ImageCase("empty file", new byte[0], refused("empty")));
        out.add(new ImageCase("4 KB of random bytes", ImageFixtures.randomBytes(4096, 12), refused("not in an image format")));
        out.add(new ImageCase("JPEG truncated to 60%", ImageFixtures.truncated(jpeg, 0.6), refused("JPEG", "truncated")));
        out.add(new ImageCase("JPEG truncated in its header", java.util.Arrays.copyOf(jpeg, 300), refused("JPEG", "truncated")));
        out.add(new ImageCase("PNG truncated to 60%", ImageFixtures.truncated(png, 0.6), refused("PNG", "truncated")));
        out.add(new ImageCase("PNG truncated in its header", java.util.Arrays.copyOf(png, 20), refused("PNG", "truncated")));
        out.add(new ImageCase("GIF truncated to 60%", ImageFixtures.truncated(ImageFixtures.encode(photo, "gif"), 0.6),
                refused("GIF", "truncated")));
        out.add(new ImageCase("BMP truncated to 60%", ImageFixtures.truncated(ImageFixtures.encode(photo, "bmp"), 0.6),
                refused("BMP", "truncated")));
        out.add(new ImageCase("JPEG without its end marker", java.util.Arrays.copyOf(jpeg, jpeg.length - 2),
                decodesTo(ImageDecoder.decode(jpeg, Long.MAX_VALUE))));
        out.addAll(hugeHeaders());

        BufferedImage onePixel = ImageFixtures.pattern(1, 1, 5);
        out.add(new ImageCase("1x1 PNG", ImageFixtures.encode(onePixel, "png"), decodesTo(pixels(onePixel))));
        out.add(new ImageCase("1x1 JPEG", ImageFixtures.encode(onePixel, "jpeg"), decodes()));
        BufferedImage wide = ImageFixtures.pattern(4000, 1, 6);
        out.add(new ImageCase("4000x1 PNG", ImageFixtures.encode(wide, "png"), decodesTo(pixels(wide))));
        BufferedImage tall = ImageFixtures.pattern(1, 4000, 7);
        out.add(new ImageCase("1x4000 PNG", ImageFixtures.encode(tall, "png"), decodesTo(pixels(tall))));

        BufferedImage grey = ImageFixtures.convert(photo, BufferedImage.TYPE_BYTE_GRAY);
        out.add(new ImageCase("greyscale JPEG", ImageFixtures.encode(grey, "jpeg"), decodes()));
        out.add(new ImageCase("greyscale PNG", ImageFixtures.encode(grey, "png"), decodesTo(pixels(grey))));
        out.add(new ImageCase("CMYK JPEG (Adobe)", ImageFixtures.cmykJpeg(photo, false), decodes()));
        out.add(new ImageCase("YCCK JPEG (Adobe)", ImageFixtures.cmykJpeg(photo, true), decodes()));
        out.add(new ImageCase("16-bit RGB PNG", ImageFixtures.encode(ImageFixtures.sixteenBit(photo), "png"), decodesTo(photoPixels)));
        out.add(new ImageCase("PNG with alpha", ImageFixtures.encode(ImageFixtures.withAlpha(photo), "png"), decodesTo(photoPixels)));
        BufferedImage palette = ImageFixtures.convert(photo, BufferedImage.TYPE_BYTE_INDEXED);
        out.add(new ImageCase("palette PNG", ImageFixtures.encode(palette, "png"), decodesTo(pixels(palette))));
        out.add(new ImageCase("GIF", ImageFixtures.encode(palette, "gif"), decodesTo(pixels(palette))));
        out.add(new ImageCase("BMP", ImageFixtures.encode(photo, "bmp"), decodesTo(photoPixels)));
        out.add(new ImageCase("TIFF", ImageFixtures.encode(photo, "tiff"), decodesTo(photoPixels)));
        out.add(new ImageCase("WBMP (1 bit)", ImageFixtures.encode(ImageFixtures.convert(photo, BufferedImage.TYPE_BYTE_BINARY),
                "wbmp"), decodes()));
        out.add(new ImageCase("WebP", ImageFixtures.webpHeader(), refused("WebP", "convert")));
        out.add(new ImageCase("HEIC", ImageFixtures.isoMediaHeader("heic"), refused("HEIF", "convert")));
        out.add(new ImageCase("AVIF", ImageFixtures.isoMediaHeader("avif"), refused("AVIF", "convert")));
        RgbImage asStored = ImageDecoder.decode(jpeg, Long.MAX_VALUE);
        out.add(new ImageCase("JPEG with EXIF orientation 6 (rotate 90)", ImageFixtures.withExifOrientation(jpeg, 6),
                decodesTo(asStored)));
        out.add(new ImageCase("JPEG with EXIF orientation 3 (rotate 180)", ImageFixtures.withExifOrientation(jpeg, 3),
                decodesTo(asStored)));
        return out;
    }

    private static RgbImage pixels(BufferedImage image) {
        return ImageDecoder.fromBufferedImage(image, Long.MAX_VALUE);
    }

    private static Decodes decodes() {
        return new Decodes(null);
    }

    private static Decodes decodesTo(RgbImage pixels) {
        return new Decodes(pixels);
    }

    private static Refused refused(String... fragments) {
        return new Refused(ImageException.class, List.of(fragments));
    }

    private static Refused refusedAsTooLarge(String... fragments) {
        return new Refused(ImageTooLargeException.class, List.of(fragments));
    }
}
