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
 * anti-aliasing (a wider filter when shrinking) and has no legacy mode. Sample positions and weights are computed here
 * exactly as TensorFlow computes them (in float), and the image is sampled with gathers and {@code a + (b - a) * t},
 * in TensorFlow's order: along x first, then along y. Crop-and-resize works the same way on all boxes at once.
 */
public final class ImageOps {

    private ImageOps() {
    }

    /** Resizes float NHWC {@code x} ({@code dims}) to {@code height x width} (not both modes at once). */
    public static PtNDArray resizeBilinear(Scratch s, PtNDArray x, int[] dims, int height, int width,
                                           boolean alignCorners, boolean halfPixelCenters) {
        PtNDArray y = x;
        if (width != dims[2]) {
            y = lerpAlong(s, y, 2, dims[2], width, alignCorners, halfPixelCenters);
        }
        if (height != dims[1]) {
            if (y != x) {
                s.add(y);
            }
            y = lerpAlong(s, y, 1, dims[1], height, alignCorners, halfPixelCenters);
        }
        return y == x ? ShapeOps.alias(x) : y;
    }

    /**
     * Resamples axis 1 or 2 of an NHWC array from {@code in} to {@code out} positions as TensorFlow's
     * {@code ResizeBilinear} does: source {@code i * scale} (legacy and align-corners) or
     * {@code (i + 0.5) * scale - 0.5} (half-pixel), neighbours {@code max(floor, 0)} and {@code min(ceil, in - 1)}.
     */
    private static PtNDArray lerpAlong(Scratch s, PtNDArray x, int axis, int in, int out, boolean alignCorners,
                                       boolean halfPixelCenters) {
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
        PtNDManager manager = x.getManager();
        long[] weightShape = axis == 1 ? new long[] {1, out, 1, 1} : new long[] {1, 1, out, 1};
        PtNDArray low = s.add(ShapeOps.take(x, s.add(NdArrays.fromLongs(manager, lower, new long[] {out})), axis));
        PtNDArray high = s.add(ShapeOps.take(x, s.add(NdArrays.fromLongs(manager, upper, new long[] {out})), axis));
        PtNDArray weight = s.add(NdArrays.fromFloats(manager, lerp, weightShape));
        return lerp(s, low, high, weight);
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
            values[c] = s.add(ShapeOps.take(table, s.add(NdArrays.fromLongs(manager, corners[c],
                    new long[] {samples})), 0));
        }
        PtNDArray xWeight = s.add(NdArrays.fromFloats(manager, xLerp, new long[] {samples, 1}));
        PtNDArray yWeight = s.add(NdArrays.fromFloats(manager, yLerp, new long[] {samples, 1}));
        PtNDArray top = s.add(lerp(s, values[0], values[1], xWeight));
        PtNDArray bottom = s.add(lerp(s, values[2], values[3], xWeight));
        PtNDArray crops = s.add(lerp(s, top, bottom, yWeight));
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

    private static PtNDArray lerp(Scratch s, PtNDArray from, PtNDArray to, PtNDArray weight) {
        PtNDArray step = s.add(JniUtils.mul(s.add(JniUtils.sub(to, from)), weight));
        return JniUtils.add(from, step);
    }
}
