package ai.human.reliability;

import ai.human.testing.SampleImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Image files made in memory for the reliability tests, so that no binary fixture is committed: the face-api sample
 * photos scaled down and written in every layout ImageIO can write (grey, CMYK, 16-bit, alpha, palette, GIF, BMP,
 * TIFF), damaged copies, headers that claim huge sizes, and the first bytes of formats ImageIO cannot read.
 *
 * <pre>{@code
 * BufferedImage photo = ImageFixtures.photo(1, 480);        // sample1.jpg scaled to 480 pixels wide
 * byte[] cmyk = ImageFixtures.cmykJpeg(photo, false);
 * byte[] huge = ImageFixtures.pngHeader(50_000, 50_000);
 * }</pre>
 */
public final class ImageFixtures {

    private ImageFixtures() {
    }

    // ---- photos ----------------------------------------------------------------------------------------------------

    /** Sample {@code n} (1..6) scaled to {@code width} pixels wide, as 8-bit RGB. */
    public static BufferedImage photo(int n, int width) {
        BufferedImage full = read(SampleImages.bytes("sample" + n + ".jpg"));
        int height = Math.max(1, Math.round((float) full.getHeight() * width / full.getWidth()));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** A smooth colourful picture without people, different for each {@code seed}. */
    public static BufferedImage pattern(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + seed * 31) & 0xff;
                int g = (y * 255 / height + seed * 17) & 0xff;
                int b = ((x + y) * 7 + seed * 5) & 0xff;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /** {@code image} converted to {@code type} (grey, ARGB, indexed, ...) by drawing it. */
    public static BufferedImage convert(BufferedImage image, int type) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** {@code image} with an alpha channel that varies over the picture (colours kept). */
    public static BufferedImage withAlpha(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int alpha = (x * 255 / Math.max(1, image.getWidth() - 1)) & 0xff;
                out.setRGB(x, y, alpha << 24 | (image.getRGB(x, y) & 0xffffff));
            }
        }
        return out;
    }

    /** {@code image} as 16 bits per channel RGB, each 8-bit value v stored as v * 257 (so it scales back exactly). */
    public static BufferedImage sixteenBit(BufferedImage image) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(image.getWidth(), image.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                raster.setPixel(x, y, new int[] {(rgb >> 16 & 0xff) * 257, (rgb >> 8 & 0xff) * 257, (rgb & 0xff) * 257});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    // ---- encoders --------------------------------------------------------------------------------------------------

    /** {@code image} written by ImageIO as {@code format} ("png", "jpeg", "gif", "bmp", "tiff", "wbmp"). */
    public static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("ImageIO has no " + format + " writer for image type " + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code image} as a four-channel JPEG, the way Photoshop writes CMYK (an Adobe APP14 segment; transform 0 for
     * CMYK, 2 for YCCK). The ink values are inverted as Adobe stores them, with no black ink.
     */
    public static byte[] cmykJpeg(BufferedImage image, boolean ycck) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, image.getWidth(), image.getHeight(), 4, null);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                raster.setPixel(x, y, new int[] {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, 255});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        byte[] plain;
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
            out.flush();
            plain = bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) (ycck ? 2 : 0)};
        return insertAfterSoi(plain, adobe);
    }

    /** {@code jpeg} with an EXIF APP1 segment right after SOI whose only tag is Orientation = {@code orientation}. */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);             // big-endian TIFF header, IFD0 at offset 8
        tiff.putShort((short) 1);                                       // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);     // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0);          // value, padding
        tiff.putInt(0);                                                 // no next IFD
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.capacity();
        ByteBuffer app1 = ByteBuffer.allocate(2 + length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exif).put(tiff.array());
        return insertAfterSoi(jpeg, app1.array());
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    // ---- damaged and hostile files ---------------------------------------------------------------------------------

    /** The first {@code fraction} of {@code bytes}. */
    public static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    /** {@code n} bytes of seeded noise. */
    public static byte[] randomBytes(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }

    /**
     * A PNG claiming {@code width x height} (8-bit RGB) with valid chunks: the signature, IHDR and one IDAT chunk
     * holding a few compressed rows of zeros, without IEND. A reader that trusts the header allocates the whole image
     * before it finds the data short.
     */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] compressed = new byte[4096];
        int n = deflater.deflate(compressed);
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        pngChunk(png, "IHDR", ihdr.array());
        pngChunk(png, "IDAT", Arrays.copyOf(compressed, n));
        return png.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream png, String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        png.writeBytes(chunk.array());
    }

    /** A complete 8 x 8 JPEG whose frame header (SOF0) claims {@code width x height}: a header bomb. */
    public static byte[] jpegHeader(int width, int height) {
        byte[] jpeg = encode(pattern(8, 8, 1), "jpeg");
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("ImageIO wrote a JPEG without a baseline frame header");
    }

    /** A GIF89a start (logical screen and one image descriptor) claiming {@code width x height}. */
    public static byte[] gifHeader(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(13 + 10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) width).putShort((short) height)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        gif.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .put((byte) 0);
        return gif.array();
    }

    /** A BMP file and info header (24-bit, uncompressed) claiming {@code width x height}, without pixels. */
    public static byte[] bmpHeader(int width, int height) {
        ByteBuffer bmp = ByteBuffer.allocate(54).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long rowBytes = ((long) width * 3 + 3) / 4 * 4;
        bmp.put((byte) 'B').put((byte) 'M').putInt((int) Math.min(Integer.MAX_VALUE, 54 + rowBytes * height)).putInt(0).putInt(54);
        bmp.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(0).putInt(2835).putInt(2835).putInt(0).putInt(0);
        return bmp.array();
    }

    /** The start of a lossless WebP file (RIFF container, VP8L chunk) of 1 x 1 pixels. */
    public static byte[] webpHeader() {
        ByteBuffer webp = ByteBuffer.allocate(12 + 8 + 5).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + 8 + 5).put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        webp.put("VP8L".getBytes(StandardCharsets.ISO_8859_1)).putInt(5).put((byte) 0x2F).putInt(0);
        return webp.array();
    }

    /** The start of an ISO media file with the given brand ({@code heic}, {@code avif}). */
    public static byte[] isoMediaHeader(String brand) {
        ByteBuffer box = ByteBuffer.allocate(24);
        box.putInt(24).put("ftyp".getBytes(StandardCharsets.ISO_8859_1)).put(brand.getBytes(StandardCharsets.ISO_8859_1))
                .putInt(0).put("mif1".getBytes(StandardCharsets.ISO_8859_1)).put(brand.getBytes(StandardCharsets.ISO_8859_1));
        return box.array();
    }

    private static BufferedImage read(byte[] encoded) {
        try {
            return ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
