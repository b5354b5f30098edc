package ai.human.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
    private static final long NO_LIMIT = Long.MAX_VALUE;

    @TempDir
    Path dir;

    @Test
    void pathBytesAndBufferedImageGiveTheSamePixels() throws IOException {
        byte[] jpeg = TestImages.sample(1);
        Path file = dir.resolve("sample1.jpg");
        Files.write(file, jpeg);
        RgbImage fromPath = ImageDecoder.decode(file, NO_LIMIT);
        RgbImage fromBytes = ImageDecoder.decode(jpeg, NO_LIMIT);
        RgbImage fromAwt = ImageDecoder.fromBufferedImage(ImageIO.read(new ByteArrayInputStream(jpeg)), NO_LIMIT);
        assertThat(fromPath.width()).isEqualTo(1920);
        assertThat(fromPath.height()).isEqualTo(1280);
        assertThat(fromBytes).isEqualTo(fromPath);
        assertThat(fromAwt).isEqualTo(fromPath);
    }

    @Test
    void jpegPixelsAreTheDecodersRgbWithoutColourConversion() {
        byte[] jpeg = TestImages.sample(2);
        RgbImage image = ImageDecoder.decode(jpeg, NO_LIMIT);
        BufferedImage reference = read(jpeg);
        for (int[] xy : new int[][] {{0, 0}, {100, 200}, {1919, 1366}, {960, 700}}) {
            int argb = reference.getRGB(xy[0], xy[1]);
            int o = 3 * (xy[1] * image.width() + xy[0]);
            assertThat(new int[] {image.pixels()[o] & 0xff, image.pixels()[o + 1] & 0xff, image.pixels()[o + 2] & 0xff})
                    .containsExactly((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
        }
    }

    @Test
    void pngRgbaDropsAlphaWithoutCompositing() {
        BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x00_10_20_30); // fully transparent: colour kept, not blended toward a background
        rgba.setRGB(1, 0, 0x80_F0_E0_D0);
        RgbImage image = ImageDecoder.decode(TestImages.encode(rgba, "png"), NO_LIMIT);
        assertThat(unsigned(image.pixels())).containsExactly(0x10, 0x20, 0x30, 0xF0, 0xE0, 0xD0);
    }

    @Test
    void greyPngIsCopiedToAllThreeChannels() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 7);
        grey.getRaster().setSample(1, 0, 0, 250);
        RgbImage image = ImageDecoder.decode(TestImages.encode(grey, "png"), NO_LIMIT);
        assertThat(unsigned(image.pixels())).containsExactly(7, 7, 7, 250, 250, 250);
    }

    @Test
    void sixteenBitPngIsScaledTo8BitsWithRounding() {
        BufferedImage grey16 = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        int[] samples = {0, 128, 65535, 32896}; // 128*255/65535 = 0.498 -> 0; 32896*255/65535 = 128.0 -> 128
        for (int x = 0; x < samples.length; x++) {
            grey16.getRaster().setSample(x, 0, 0, samples[x]);
        }
        RgbImage image = ImageDecoder.decode(TestImages.encode(grey16, "png"), NO_LIMIT);
        assertThat(unsigned(image.pixels())).containsExactly(0, 0, 0, 0, 0, 0, 255, 255, 255, 128, 128, 128);
    }

    @Test
    void sixteenBitRgbPngIsScaledPerChannel() {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(1, 1);
        raster.setPixel(0, 0, new int[] {65535, 257 * 100, 200});
        BufferedImage rgb16 = new BufferedImage(model, raster, false, null);
        RgbImage image = ImageDecoder.decode(TestImages.encode(rgb16, "png"), NO_LIMIT);
        assertThat(unsigned(image.pixels())).containsExactly(255, 100, 1);
    }

    @Test
    void palettePngIsLookedUp() {
        byte[] r = {(byte) 255, 0, 12};
        byte[] g = {0, (byte) 255, 34};
        byte[] b = {0, 0, 56};
        IndexColorModel palette = new IndexColorModel(2, 3, r, g, b);
        BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int x = 0; x < 3; x++) {
            indexed.getRaster().setSample(x, 0, 0, x);
        }
        RgbImage image = ImageDecoder.decode(TestImages.encode(indexed, "png"), NO_LIMIT);
        assertThat(unsigned(image.pixels())).containsExactly(255, 0, 0, 0, 255, 0, 12, 34, 56);
    }

    @Test
    void bufferedImageSubimageReadsOnlyItsRegion() {
        BufferedImage whole = new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                whole.setRGB(x, y, (x * 40) << 16 | (y * 40) << 8 | 9);
            }
        }
        RgbImage part = ImageDecoder.fromBufferedImage(whole.getSubimage(1, 2, 2, 1), NO_LIMIT);
        assertThat(unsigned(part.pixels())).containsExactly(40, 80, 9, 80, 80, 9);
    }

    @Test
    void imageAboveTheLimitIsRefusedFromItsHeaderBeforeDecoding() {
        byte[] hugeHeaderOnly = pngHeader(100_000, 100_000);
        assertThatThrownBy(() -> ImageDecoder.decode(hugeHeaderOnly, 100_000_000))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("100000x100000")
                .hasMessageContaining("maxImagePixels = 100000000")
                .satisfies(e -> assertThat(((ImageTooLargeException) e).width()).isEqualTo(100_000));
    }

    @Test
    void realImageAboveASmallLimitIsRefused() {
        assertThatThrownBy(() -> ImageDecoder.decode(TestImages.sample(1), 1920L * 1280 - 1))
                .isInstanceOf(ImageTooLargeException.class).hasMessageContaining("1920x1280");
    }

    @Test
    void bytesThatAreNoImageAreRefusedWithTheirFirstBytes() {
        assertThatThrownBy(() -> ImageDecoder.decode("hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII), NO_LIMIT))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("not in an image format")
                .hasMessageContaining("68 65 6c 6c 6f");
    }

    @Test
    void emptyBytesAreRefused() {
        assertThatThrownBy(() -> ImageDecoder.decode(new byte[0], NO_LIMIT))
                .isInstanceOf(ImageException.class).hasMessageContaining("empty");
    }

    @Test
    void damagedPngIsRefusedWithWhatToDo() {
        byte[] png = TestImages.encode(new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR), "png");
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> ImageDecoder.decode(truncated, NO_LIMIT))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("PNG")
                .hasMessageContaining("damaged");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.jpg");
        assertThatThrownBy(() -> ImageDecoder.decode(missing, NO_LIMIT))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
    }

    private static BufferedImage read(byte[] encoded) {
        try {
            return ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int[] unsigned(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xff;
        }
        return out;
    }

    /** A PNG signature and IHDR chunk for an 8-bit RGB image of the given size, with no pixel data. */
    private static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] chunk = new byte[4 + 13];
        System.arraycopy("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, chunk, 0, 4);
        putInt(chunk, 4, width);
        putInt(chunk, 8, height);
        chunk[12] = 8; // bit depth
        chunk[13] = 2; // RGB
        byte[] length = new byte[4];
        putInt(length, 0, 13);
        out.writeBytes(length);
        out.writeBytes(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        out.writeBytes(crcBytes);
        return out.toByteArray();
    }

    private static void putInt(byte[] buffer, int offset, int value) {
        buffer[offset] = (byte) (value >>> 24);
        buffer[offset + 1] = (byte) (value >>> 16);
        buffer[offset + 2] = (byte) (value >>> 8);
        buffer[offset + 3] = (byte) value;
    }
}
