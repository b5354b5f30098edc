package ai.human.backend.djl.internal;

import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.human.backend.BackendException;

/**
 * Bilinear resizing and crop-and-resize of float NHWC images with TensorFlow's coordinates.
 *
 * <p>None of TensorFlow's three resize modes is left to PyTorch: DJL 0.36's {@code interpolate} turns on
 * anti-aliasing (a wider filter when shrinking, and a slow generic kernel), and has no legacy mode. Sample positions
 * and weights are computed here exactly as TensorFlow computes them (in float). The image is resampled one axis at a
 * time: the two neighbours of every sample are gathered as whole rows of a 2-D view ({@code embedding}, PyTorch's
 * fastest gather: one copy per row), and {@code a + (b - a) * t} is evaluated in place in the second gather's
 * memory. Rows go first, so a shrinking resize gathers only the rows it needs (TensorFlow interpolates along x first;
 * the other order differs by float rounding only). A strong horizontal shrink, and crop-and-resize, gather the four
 * neighbours of every output pixel from the input and interpolate along x, then y, in TensorFlow's order.
 */
public final class ImageOps {
    /**
     * From this horizontal shrink factor on, a resize gathers the four neighbours of each output pixel from the input
     * instead of resampling row by row: the rows it would interpolate are mostly thrown away. Measured on a 2-core
     * machine: 1920 to 256 pixels wide, 2.6 ms against 7.3 ms; at factors near 2 the row-wise way is faster.
     */
    private static final int CORNERS_SHRINK = 4;

    private ImageOps() {
    }

    /** Resizes float NHWC {@code x} ({@code dims}) to {@code height x width} (not both modes at once). */
    public static PtNDArray resizeBilinear(Scratch s, PtNDArray x, int[] dims, int height, int width,
                                           boolean alignCorners, boolean halfPixelCenters) {
        int n = dims[0];
        int h = dims[1];
        int w = dims[2];
        int c = dims[3];
        long[] outShape = {n, height, width, c};
        if ((long) n * c == 0) {
            return NdArrays.full(x.getManager(), outShape, 0, DataType.FLOAT32);
        }
        if ((long) h * w == 0) {
            throw new BackendException("resizeBilinear of an empty " + h + "x" + w + " image to " + height + "x"
                    + width + "; the image needs at least one pixel");
        }
        boolean alongH = height != h;
        boolean alongW = width != w;
        if (!alongH && !alongW) {
            return ShapeOps.alias(x);
        }
        if (alongH && w >= CORNERS_SHRINK * width) {
            return corners(s, x, n, h, w, c, height, width, alignCorners, halfPixelCenters);
        }
        PtNDArray y = x;
        if (alongH) {
            y = s.add(alongRows(s, y, n, h, (long) w * c, height, alignCorners, halfPixelCenters));
        }
        if (alongW) {
            y = s.add(alongColumns(s, y, (long) n * height, w, c, width, alignCorners, halfPixelCenters));
        }
        return JniUtils.reshape(y, outShape);
    }

    /**
     * Resize by gathering the four neighbours of every output pixel straight from the input (pixels are rows of an
     * {@code [n * h * w, c]} view), then interpolating along x and y as TensorFlow does.
     */
    private static PtNDArray corners(Scratch s, PtNDArray x, int n, int h, int w, int c, int height, int width,
                                     boolean alignCorners, boolean halfPixelCenters) {
        Samples ys = Samples.of(h, height, alignCorners, halfPixelCenters);
        Samples xs = Samples.of(w, width, alignCorners, halfPixelCenters);
        PtNDManager manager = x.getManager();
        long[] top = new long[n * height];
        long[] bottom = new long[n * height];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < height; i++) {
                top[b * height + i] = ((long) b * h + ys.lower()[i]) * w;
                bottom[b * height + i] = ((long) b * h + ys.upper()[i]) * w;
            }
        }
        long[] rowShape = {n, height, 1};
        long[] columnShape = {1, 1, width};
        PtNDArray topRows = s.add(NdArrays.fromLongs(manager, top, rowShape));
        PtNDArray bottomRows = s.add(NdArrays.fromLongs(manager, bottom, rowShape));
        PtNDArray left = s.add(NdArrays.fromLongs(manager, xs.lower(), columnShape));
        PtNDArray right = s.add(NdArrays.fromLongs(manager, xs.upper(), columnShape));
        PtNDArray table = s.add(JniUtils.reshape(x, new long[] {(long) n * h * w, c}));
        PtNDArray topLeft = s.add(rows(table, s.add(JniUtils.add(topRows, left))));
        PtNDArray topRight = s.add(rows(table, s.add(JniUtils.add(topRows, right))));
        PtNDArray bottomLeft = s.add(rows(table, s.add(JniUtils.add(bottomRows, left))));
        PtNDArray bottomRight = s.add(rows(table, s.add(JniUtils.add(bottomRows, right))));
        PtNDArray xWeight = s.add(NdArrays.fromFloats(manager, xs.lerp(), new long[] {width, 1}));
        PtNDArray yWeight = s.add(NdArrays.fromFloats(manager, ys.lerp(), new long[] {height, 1, 1}));
        PtNDArray upper = lerpInPlace(topLeft, topRight, xWeight);
        PtNDArray lower = lerpInPlace(bottomLeft, bottomRight, xWeight);
        return JniUtils.reshape(lerpInPlace(upper, lower, yWeight), new long[] {n, height, width, c});
    }

    /** Where the samples of one axis fall: the two source indices and the weight of the second. */
    private record Samples(long[] lower, long[] upper, float[] lerp) {
        /** TensorFlow's {@code ResizeBilinear} positions for {@code out} samples over {@code in}. */
        static Samples of(int in, int out, boolean alignCorners, boolean halfPixelCenters) {
            float scale = alignCorners && out > 1 ? (in - 1) / (float) (out - 1) : in / (float) out;
            long[] lower = new long[out];
            long[] upper = new long[out];
            float[] lerp = new float[out];
            for (int i = 0; i < out; i++) {
                float source = halfPixelCenters ? (i + 0.5f) * scale - 0.5f : i * scale;
                float floor = (float) Math.floor(source);
                lower[i] = Math.max((long) floor, 0);
                upper[i] = Math.min((long) Math.ceil(source), in - 1);
                lerp[i] = source - floor;
            }
            return new Samples(lower, upper, lerp);
        }
    }

    /**
     * Resamples axis 1 of {@code x} seen as {@code [batches, in, rowLength]} to {@code out}: gathers whole rows.
     * Returns a new {@code [batches * out, rowLength]} array, which the caller owns.
     */
    private static PtNDArray alongRows(Scratch s, PtNDArray x, int batches, int in, long rowLength, int out,
                                       boolean alignCorners, boolean halfPixelCenters) {
        Samples samples = Samples.of(in, out, alignCorners, halfPixelCenters);
        int count = batches * out;
        long[] lower = new long[count];
        long[] upper = new long[count];
        float[] weights = new float[count];
        for (int b = 0; b < batches; b++) {
            long base = (long) b * in;
            for (int i = 0; i < out; i++) {
                lower[b * out + i] = base + samples.lower()[i];
                upper[b * out + i] = base + samples.upper()[i];
                weights[b * out + i] = samples.lerp()[i];
            }
        }
        PtNDManager manager = x.getManager();
        PtNDArray table = s.add(JniUtils.reshape(x, new long[] {(long) batches * in, rowLength}));
        PtNDArray low = s.add(rows(table, s.add(NdArrays.fromLongs(manager, lower, new long[] {count}))));
        PtNDArray weight = s.add(NdArrays.fromFloats(manager, weights, new long[] {count, 1}));
        return lerpInto(low, rows(table, s.add(NdArrays.fromLongs(manager, upper, new long[] {count}))), weight);
    }

    /**
     * Resamples axis 1 of {@code x} seen as {@code [rows, in, channels]} to {@code out}: gathers pixels (rows of a
     * {@code [rows * in, channels]} view) at {@code row * in + index}, the sums made on the device. Returns a new
     * {@code [rows, out, channels]} array, which the caller owns.
     */
    private static PtNDArray alongColumns(Scratch s, PtNDArray x, long rows, int in, int channels, int out,
                                          boolean alignCorners, boolean halfPixelCenters) {
        Samples samples = Samples.of(in, out, alignCorners, halfPixelCenters);
        long[] starts = new long[Math.toIntExact(rows)];
        for (int r = 0; r < starts.length; r++) {
            starts[r] = r * (long) in;
        }
        PtNDManager manager = x.getManager();
        PtNDArray rowStarts = s.add(NdArrays.fromLongs(manager, starts, new long[] {rows, 1}));
        PtNDArray lower = s.add(JniUtils.add(rowStarts,
                s.add(NdArrays.fromLongs(manager, samples.lower(), new long[] {1, out}))));
        PtNDArray upper = s.add(JniUtils.add(rowStarts,
                s.add(NdArrays.fromLongs(manager, samples.upper(), new long[] {1, out}))));
        PtNDArray table = s.add(JniUtils.reshape(x, new long[] {rows * in, channels}));
        PtNDArray low = s.add(rows(table, lower));
        PtNDArray weight = s.add(NdArrays.fromFloats(manager, samples.lerp(), new long[] {out, 1}));
        return lerpInto(low, rows(table, upper), weight);
    }

    /**
     * TensorFlow {@code CropAndResize} of float NHWC {@code image} ({@code dims}) with extrapolation value 0:
     * {@code [boxes, cropHeight, cropWidth, channels]}.
     */
    public static PtNDArray cropAndResize(Scratch s, PtNDArray image, int[] dims, float[][] boxes, int[] boxIndices,
                                          int cropHeight, int cropWidth) {
        int batch = dims[0];
        int height = dims[1];
        int width = dims[2];
        int channels = dims[3];
        int count = boxes.length;
        PtNDManager manager = image.getManager();
        if (count == 0) {
            return NdArrays.full(manager, new long[] {0, cropHeight, cropWidth, channels}, 0, DataType.FLOAT32);
        }
        int samples = count * cropHeight * cropWidth;
        long[][] corners = new long[4][samples];
        float[] xLerp = new float[samples];
        float[] yLerp = new float[samples];
        boolean[] inside = new boolean[samples];
        boolean anyOutside = false;
        for (int b = 0; b < count; b++) {
            float y1 = boxes[b][0];
            float x1 = boxes[b][1];
            float y2 = boxes[b][2];
            float x2 = boxes[b][3];
            int source = boxIndices[b];
            float heightScale = cropHeight > 1 ? (y2 - y1) * (height - 1) / (cropHeight - 1) : 0;
            float widthScale = cropWidth > 1 ? (x2 - x1) * (width - 1) / (cropWidth - 1) : 0;
            for (int y = 0; y < cropHeight; y++) {
                float inY = cropHeight > 1 ? y1 * (height - 1) + y * heightScale
                        : (float) (0.5 * (y1 + y2) * (height - 1));
                boolean rowInside = inY >= 0 && inY <= height - 1;
                float top = (float) Math.floor(inY);
                long topRow = ((long) source * height + (rowInside ? (long) top : 0)) * width;
                long bottomRow = ((long) source * height + (rowInside ? (long) Math.ceil(inY) : 0)) * width;
                for (int x = 0; x < cropWidth; x++) {
                    int at = (b * cropHeight + y) * cropWidth + x;
                    float inX = cropWidth > 1 ? x1 * (width - 1) + x * widthScale
                            : (float) (0.5 * (x1 + x2) * (width - 1));
                    boolean ok = rowInside && inX >= 0 && inX <= width - 1;
                    float left = (float) Math.floor(inX);
                    long leftColumn = ok ? (long) left : 0;
                    long rightColumn = ok ? (long) Math.ceil(inX) : 0;
                    corners[0][at] = topRow + leftColumn;
                    corners[1][at] = topRow + rightColumn;
                    corners[2][at] = bottomRow + leftColumn;
                    corners[3][at] = bottomRow + rightColumn;
                    xLerp[at] = ok ? inX - left : 0;
                    yLerp[at] = ok ? inY - top : 0;
                    inside[at] = ok;
                    anyOutside |= !ok;
                }
            }
        }
        PtNDArray table = s.add(JniUtils.reshape(image, new long[] {(long) batch * height * width, channels}));
        PtNDArray[] values = new PtNDArray[4];
        for (int c = 0; c < 4; c++) {
            values[c] = s.add(rows(table, s.add(NdArrays.fromLongs(manager, corners[c], new long[] {samples}))));
        }
        PtNDArray xWeight = s.add(NdArrays.fromFloats(manager, xLerp, new long[] {samples, 1}));
        PtNDArray yWeight = s.add(NdArrays.fromFloats(manager, yLerp, new long[] {samples, 1}));
        PtNDArray top = lerpInPlace(values[0], values[1], xWeight);
        PtNDArray bottom = lerpInPlace(values[2], values[3], xWeight);
        PtNDArray crops = lerpInPlace(top, bottom, yWeight);
        if (anyOutside) {
            byte[] mask = new byte[samples];
            for (int i = 0; i < samples; i++) {
                mask[i] = (byte) (inside[i] ? 1 : 0);
            }
            PtNDArray keep = s.add(NdArrays.fromBytes(manager, mask, new long[] {samples, 1}, DataType.BOOLEAN));
            PtNDArray zero = s.add(NdArrays.scalar(manager, 0, DataType.FLOAT32));
            crops = s.add(JniUtils.where(keep, crops, zero));
        }
        return JniUtils.reshape(crops, new long[] {count, cropHeight, cropWidth, channels});
    }

    /** Checks box indices against the batch size. */
    public static void checkBoxIndices(int[] boxIndices, int boxes, int batch) {
        if (boxIndices.length != boxes) {
            throw new BackendException("cropAndResize got " + boxes + " boxes but " + boxIndices.length
                    + " box indices; give one image index per box");
        }
        for (int i = 0; i < boxIndices.length; i++) {
            if (boxIndices[i] < 0 || boxIndices[i] >= batch) {
                throw new BackendException("cropAndResize box " + i + " refers to image " + boxIndices[i]
                        + " but the batch has " + batch + " image(s)");
            }
        }
    }

    /** Rows of the 2-D {@code table} at int64 {@code indices} (any shape): {@code [indices..., columns]}. */
    private static PtNDArray rows(PtNDArray table, PtNDArray indices) {
        return JniUtils.embedding(indices, table, false);
    }

    /** {@link #lerpInPlace}, closing {@code to} if that fails: the caller owns only what is returned. */
    private static PtNDArray lerpInto(PtNDArray from, PtNDArray to, PtNDArray weight) {
        try {
            return lerpInPlace(from, to, weight);
        } catch (RuntimeException e) {
            to.close();
            throw e;
        }
    }

    /**
     * {@code from + (to - from) * weight}, TensorFlow's interpolation, computed in {@code to}'s memory (a fresh array
     * that nothing else sees); returns {@code to}.
     */
    private static PtNDArray lerpInPlace(PtNDArray from, PtNDArray to, PtNDArray weight) {
        JniUtils.subi(to, from);
        JniUtils.muli(to, weight);
        JniUtils.addi(to, from);
        return to;
    }
}
