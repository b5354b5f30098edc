package ai.human.graph.internal;

import ai.human.tensor.Shape;
import java.util.Arrays;

/**
 * A TensorFlow {@code StridedSlice} resolved against the input's shape: the sparse {@code begin/end/strides} with their
 * five masks turned into one {@code begin, stride, length} per input axis, and the output shape (shrunk axes removed,
 * new axes inserted).
 *
 * @param begin    first index per input axis (non-negative)
 * @param strides  step per input axis (non-zero, may be negative)
 * @param lengths  elements taken per input axis
 * @param outShape the op's output shape
 */
record StridedSliceSpec(int[] begin, int[] strides, int[] lengths, Shape outShape) {

    /** The masks of a {@code StridedSlice} node. */
    record Masks(int begin, int end, int ellipsis, int newAxis, int shrinkAxis) {
        static final Masks NONE = new Masks(0, 0, 0, 0, 0);
    }

    static StridedSliceSpec resolve(Shape input, int[] begin, int[] end, int[] strides, Masks masks) {
        int m = begin.length;
        if (end.length != m || strides.length != m) {
            throw new IllegalArgumentException("begin, end and strides have lengths " + m + ", " + end.length + ", "
                    + strides.length + "; they must be equal");
        }
        int rank = input.rank();
        int ellipsisAt = masks.ellipsis() == 0 ? m : Integer.numberOfTrailingZeros(masks.ellipsis());
        int specified = 0;
        for (int i = 0; i < m; i++) {
            if (i != ellipsisAt && !bit(masks.newAxis(), i)) {
                specified++;
            }
        }
        int ellipsisDims = rank - specified;
        if (ellipsisDims < 0) {
            throw new IllegalArgumentException("slice spec indexes " + specified + " axes of a tensor of rank " + rank);
        }
        int[] b = new int[rank];
        int[] s = new int[rank];
        int[] len = new int[rank];
        int[] out = new int[rank + m];
        int outRank = 0;
        int dim = 0;
        for (int i = 0; i <= m; i++) {
            if (i == ellipsisAt) {
                for (int k = 0; k < ellipsisDims; k++, dim++) {
                    b[dim] = 0;
                    s[dim] = 1;
                    len[dim] = input.dim(dim);
                    out[outRank++] = len[dim];
                }
                continue;
            }
            if (i == m) {
                break;
            }
            if (bit(masks.newAxis(), i)) {
                out[outRank++] = 1;
                continue;
            }
            int n = input.dim(dim);
            if (strides[i] == 0) {
                throw new IllegalArgumentException("stride of axis " + dim + " is 0");
            }
            if (bit(masks.shrinkAxis(), i)) {
                int index = begin[i] < 0 ? begin[i] + n : begin[i];
                if (index < 0 || index >= n) {
                    throw new IndexOutOfBoundsException("index " + begin[i] + " of axis " + dim + " is outside [0, "
                            + n + ")");
                }
                b[dim] = index;
                s[dim] = 1;
                len[dim] = 1;
            } else {
                int stride = strides[i];
                int lo = stride > 0 ? 0 : -1;
                int hi = stride > 0 ? n : n - 1;
                int from = bit(masks.begin(), i) ? (stride > 0 ? lo : hi) : clamp(begin[i], n, lo, hi);
                int to = bit(masks.end(), i) ? (stride > 0 ? hi : lo) : clamp(end[i], n, lo, hi);
                int count = stride > 0 ? ceilDiv(to - from, stride) : ceilDiv(from - to, -stride);
                b[dim] = Math.max(from, 0);
                s[dim] = stride;
                len[dim] = Math.max(count, 0);
                out[outRank++] = len[dim];
            }
            dim++;
        }
        return new StridedSliceSpec(b, s, len, Shape.of(Arrays.copyOf(out, outRank)));
    }

    private static boolean bit(int mask, int i) {
        return (mask & (1 << i)) != 0;
    }

    private static int clamp(int index, int n, int lo, int hi) {
        int i = index < 0 ? index + n : index;
        return Math.max(lo, Math.min(hi, i));
    }

    private static int ceilDiv(int a, int b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    /** True when the slice takes every element in order (only a reshape may remain). */
    boolean takesAll(Shape input) {
        for (int d = 0; d < lengths.length; d++) {
            if (begin[d] != 0 || strides[d] != 1 || lengths[d] != input.dim(d)) {
                return false;
            }
        }
        return true;
    }

    /** The per-axis extent of the slice before shrinking and new axes. */
    Shape denseShape() {
        return Shape.of(lengths);
    }
}
