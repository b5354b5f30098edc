package ai.human.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Turns a {@link BufferedImage} into interleaved 8-bit RGB the way Human's reference decoders do: the stored
 * samples are used as they are (no colour management, no gamma), palettes are looked up, grey is copied to all
 * three channels, samples wider than 8 bits are scaled with {@code round(v * 255 / max)} (as pngjs does for 16-bit
 * PNG), and alpha is dropped, not composited.
 *
 * <p>Images whose samples are not plain RGB or grey (CMYK, premultiplied alpha, floating-point rasters) go through
 * {@link BufferedImage#getRGB}, which converts them to sRGB.
 */
final class RgbConversion {

    private RgbConversion() {
    }

    static RgbImage toRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (model instanceof IndexColorModel palette) {
            fromPalette(raster, palette, width, height, out);
        } else if (isPlain(model, raster) && interleavedBytes(raster)) {
            fromInterleavedBytes(raster, model.getNumColorComponents(), width, height, out);
        } else if (isPlain(model, raster)) {
            fromSamples(raster, model, width, height, out);
        } else {
            fromRgbInts(image, width, height, out);
        }
        return new RgbImage(width, height, out);
    }

    /** RGB or grey samples stored as integers, not premultiplied: they can be read without conversion. */
    private static boolean isPlain(ColorModel model, Raster raster) {
        int type = model.getColorSpace().getType();
        int colours = model.getNumColorComponents();
        boolean rgbOrGrey = (type == ColorSpace.TYPE_RGB && colours == 3) || (type == ColorSpace.TYPE_GRAY && colours == 1);
        int dataType = raster.getSampleModel().getDataType();
        boolean integral = dataType == DataBuffer.TYPE_BYTE || dataType == DataBuffer.TYPE_USHORT || dataType == DataBuffer.TYPE_INT;
        boolean supportedModel = model instanceof ComponentColorModel || model instanceof DirectColorModel;
        return rgbOrGrey && integral && supportedModel && !model.isAlphaPremultiplied();
    }

    private static boolean interleavedBytes(Raster raster) {
        if (!(raster.getDataBuffer() instanceof DataBufferByte) || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel)) {
            return false;
        }
        for (int bits : raster.getSampleModel().getSampleSize()) {
            if (bits != 8) {
                return false;
            }
        }
        return true;
    }

    /** The common case (JPEG, 8-bit PNG): bytes straight from the data buffer. */
    private static void fromInterleavedBytes(Raster raster, int colours, int width, int height, byte[] out) {
        PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) raster.getSampleModel();
        DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
        byte[] data = buffer.getData();
        int scan = sm.getScanlineStride();
        int step = sm.getPixelStride();
        int[] bandOffsets = sm.getBandOffsets();
        int base = buffer.getOffset() + (raster.getMinY() - raster.getSampleModelTranslateY()) * scan
                + (raster.getMinX() - raster.getSampleModelTranslateX()) * step;
        int r = bandOffsets[0];
        int g = bandOffsets[colours == 3 ? 1 : 0];
        int b = bandOffsets[colours == 3 ? 2 : 0];
        int o = 0;
        for (int y = 0; y < height; y++) {
            int p = base + y * scan;
            for (int x = 0; x < width; x++, p += step) {
                out[o++] = data[p + r];
                out[o++] = data[p + g];
                out[o++] = data[p + b];
            }
        }
    }

    /** Any other integer layout (16-bit PNG, packed ints): sample by sample, scaled to 8 bits. */
    private static void fromSamples(Raster raster, ColorModel model, int width, int height, byte[] out) {
        int colours = model.getNumColorComponents();
        int x0 = raster.getMinX();
        int y0 = raster.getMinY();
        int[] row = new int[width];
        for (int channel = 0; channel < 3; channel++) {
            int band = colours == 3 ? channel : 0;
            long max = (1L << model.getComponentSize(band)) - 1;
            for (int y = 0; y < height; y++) {
                raster.getSamples(x0, y0 + y, width, 1, band, row);
                int o = y * width * 3 + channel;
                for (int x = 0; x < width; x++, o += 3) {
                    out[o] = (byte) scale(row[x] & 0xffffffffL, max);
                }
            }
        }
    }

    private static void fromPalette(Raster raster, IndexColorModel palette, int width, int height, byte[] out) {
        int size = palette.getMapSize();
        byte[] reds = new byte[size];
        byte[] greens = new byte[size];
        byte[] blues = new byte[size];
        palette.getReds(reds);
        palette.getGreens(greens);
        palette.getBlues(blues);
        int[] row = new int[width];
        int o = 0;
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                int index = Math.min(row[x], size - 1);
                out[o++] = reds[index];
                out[o++] = greens[index];
                out[o++] = blues[index];
            }
        }
    }

    private static void fromRgbInts(BufferedImage image, int width, int height, byte[] out) {
        int[] row = new int[width];
        int o = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                out[o++] = (byte) (argb >> 16);
                out[o++] = (byte) (argb >> 8);
                out[o++] = (byte) argb;
            }
        }
    }

    /** {@code round(value * 255 / max)}, halves up, as pngjs rescales samples deeper than 8 bits. */
    private static int scale(long value, long max) {
        return max == 255 ? (int) value : (int) ((value * 255 * 2 + max) / (2 * max));
    }
}
