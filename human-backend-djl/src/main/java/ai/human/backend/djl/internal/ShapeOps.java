package ai.human.backend.djl.internal;

import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.human.backend.BackendException;
import ai.human.tensor.Shape;
import java.util.Arrays;

/**
 * Shape ops. Results that would be views pinning a larger array's memory (slices) are copied, so a tensor never
 * keeps more memory alive than it accounts for; reshapes and permutations stay views of equal size.
 */
public final class ShapeOps {
    private ShapeOps() {
    }

    /** A new handle on the same values (same shape). */
    public static PtNDArray alias(PtNDArray x) {
        return JniUtils.reshape(x, x.getShape().getShape());
    }

    public static PtNDArray reshape(PtNDArray x, Shape shape) {
        return JniUtils.reshape(x, shape.toLongArray());
    }

    public static PtNDArray transpose(PtNDArray x, int[] permutation) {
        return JniUtils.permute(x, toLongs(permutation));
    }

    public static PtNDArray concat(PtNDArray[] xs, int axis) {
        return JniUtils.cat(xs, axis);
    }

    /** The block at {@code begin} of extent {@code size}; both already checked against {@code shape}. */
    public static PtNDArray slice(Scratch s, PtNDArray x, int[] begin, int[] size) {
        long[] min = new long[begin.length];
        long[] max = new long[begin.length];
        long[] step = new long[begin.length];
        for (int i = 0; i < begin.length; i++) {
            min[i] = begin[i];
            max[i] = (long) begin[i] + size[i];
            step[i] = 1;
        }
        PtNDArray view = s.add(JniUtils.index(x, min, max, step, x.getManager()));
        return JniUtils.clone(view);
    }

    /** TensorFlow strided slice with resolved, per-axis begin/end/strides (negative strides walk backwards). */
    public static PtNDArray stridedSlice(Scratch s, PtNDArray x, int[] dims, int[] begin, int[] end, int[] strides) {
        int rank = dims.length;
        long[] min = new long[rank];
        long[] max = new long[rank];
        long[] step = new long[rank];
        long[] reversed = new long[rank];
        int reversedCount = 0;
        for (int i = 0; i < rank; i++) {
            int dim = dims[i];
            int stride = strides[i];
            if (stride == 0) {
                throw new BackendException("stridedSlice stride of axis " + i + " is 0; strides must be non-zero");
            }
            if (stride > 0) {
                long b = clamp(begin[i], 0, dim);
                long e = clamp(end[i], 0, dim);
                long count = e > b ? (e - b + stride - 1) / stride : 0;
                min[i] = b;
                max[i] = count == 0 ? b : b + (count - 1) * stride + 1;
                step[i] = stride;
            } else {
                long b = clamp(begin[i], -1, dim - 1);
                long e = clamp(end[i], -1, dim - 1);
                long count = b > e ? (b - e - stride - 1) / -stride : 0;
                // the same elements walked forwards from the last one reached, then flipped
                long first = b + (count - 1) * stride;
                min[i] = count == 0 ? 0 : first;
                max[i] = count == 0 ? 0 : b + 1;
                step[i] = -stride;
                reversed[reversedCount++] = i;
            }
        }
        PtNDArray view = s.add(JniUtils.index(x, min, max, step, x.getManager()));
        if (reversedCount == 0) {
            return JniUtils.clone(view);
        }
        return JniUtils.flip(view, Arrays.copyOf(reversed, reversedCount));
    }

    /** Constant padding; {@code paddings[i] = {before, after}} for axis {@code i}, all non-negative. */
    public static PtNDArray pad(PtNDArray x, int[][] paddings, double value) {
        int rank = paddings.length;
        long[] torch = new long[2 * rank];
        for (int i = 0; i < rank; i++) {
            torch[2 * i] = paddings[rank - 1 - i][0];
            torch[2 * i + 1] = paddings[rank - 1 - i][1];
        }
        return JniUtils.pad(x, torch, value);
    }

    public static PtNDArray reverse(PtNDArray x, int[] axes) {
        if (axes.length == 0) {
            return alias(x);
        }
        return JniUtils.flip(x, toLongs(axes));
    }

    /** TensorFlow {@code GatherV2}: {@code x[:, ..., indices, ...]} with int32 indices on {@code axis}. */
    public static PtNDArray gather(Scratch s, PtNDArray x, PtNDArray indices, int axis) {
        PtNDArray longIndices = s.add(JniUtils.to(indices, ai.djl.ndarray.types.DataType.INT64, x.getDevice()));
        return take(x, longIndices, axis);
    }

    /** Slices of {@code x} along {@code axis} at int64 {@code indices} (any shape). */
    public static PtNDArray take(PtNDArray x, PtNDArray longIndices, int axis) {
        NDIndex index = new NDIndex().addAllDim(axis).addIndices("{}", longIndices);
        return JniUtils.indexAdv(x, index, x.getManager());
    }

    /**
     * TensorFlow {@code GatherNd}: the last axis of {@code indices} (row-major, {@code indexShape}) addresses the
     * leading axes of {@code x} (shape {@code dims}). The addresses are checked and flattened here, so one gather
     * does the work.
     */
    public static PtNDArray gatherNd(Scratch s, PtNDArray x, int[] dims, int[] indices, int[] indexShape) {
        int depth = indexShape.length == 0 ? 0 : indexShape[indexShape.length - 1];
        if (indexShape.length == 0 || depth > dims.length) {
            throw new BackendException("gatherNd indices of shape " + Arrays.toString(indexShape) + " cannot address"
                    + " a tensor of shape " + Arrays.toString(dims) + "; their last axis must be at most its rank");
        }
        int count = 1;
        for (int i = 0; i < indexShape.length - 1; i++) {
            count *= indexShape[i];
        }
        long[] flat = new long[count];
        long leading = 1;
        for (int k = 0; k < depth; k++) {
            leading *= dims[k];
        }
        for (int n = 0; n < count; n++) {
            long address = 0;
            for (int k = 0; k < depth; k++) {
                int index = indices[n * depth + k];
                if (index < 0 || index >= dims[k]) {
                    throw new BackendException("gatherNd index " + Arrays.toString(
                            Arrays.copyOfRange(indices, n * depth, n * depth + depth)) + " (entry " + n
                            + ") is outside a tensor of shape " + Arrays.toString(dims));
                }
                address = address * dims[k] + index;
            }
            flat[n] = address;
        }
        long[] table = new long[dims.length - depth + 1];
        table[0] = leading;
        for (int i = depth; i < dims.length; i++) {
            table[i - depth + 1] = dims[i];
        }
        long[] outIndexShape = new long[indexShape.length - 1];
        for (int i = 0; i < outIndexShape.length; i++) {
            outIndexShape[i] = indexShape[i];
        }
        PtNDArray rows = s.add(JniUtils.reshape(x, table));
        PtNDArray addresses = s.add(NdArrays.fromLongs(x.getManager(), flat, outIndexShape));
        return take(rows, addresses, 0);
    }

    private static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }

    static long[] toLongs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
