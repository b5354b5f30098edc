package ai.human.backend.reference;

import ai.human.backend.BackendException;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ops that only move elements: reshape, transpose, concat, slices, pad, reverse, gather. Most compute, for every
 * output element, the flat index of the input element it copies ({@link Values#remap}).
 */
final class LayoutKernels {
    private LayoutKernels() {
    }

    static Values reshape(Values x, Shape shape) {
        if (shape.size() != x.shape().size()) {
            throw new BackendException("reshape: cannot reshape " + x.shape() + " (" + x.shape().size()
                    + " elements) to " + shape + " (" + shape.size() + " elements)");
        }
        return x.withShape(shape);
    }

    /** Output axis {@code i} is input axis {@code permutation[i]}. */
    static Values transpose(Values x, int[] permutation) {
        int rank = x.shape().rank();
        int[] sorted = permutation.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, IntStream.range(0, rank).toArray())) {
            throw new BackendException("transpose: " + Arrays.toString(permutation) + " is not a permutation of the "
                    + rank + " axes of " + x.shape());
        }
        int[] inDims = x.shape().toArray();
        int[] inStrides = Indexing.strides(inDims);
        int[] outDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = inDims[permutation[i]];
        }
        return x.remap(Shape.of(outDims), sources(outDims, (coords) -> {
            int source = 0;
            for (int i = 0; i < rank; i++) {
                source += coords[i] * inStrides[permutation[i]];
            }
            return source;
        }), 0);
    }

    static Values concat(List<Values> xs, int axis) {
        if (xs.isEmpty()) {
            throw new BackendException("concat needs at least one tensor");
        }
        Values first = xs.get(0);
        int rank = first.shape().rank();
        int a = Indexing.axis(axis, rank, "concat");
        int[] outDims = first.shape().toArray();
        outDims[a] = 0;
        for (Values x : xs) {
            int[] dims = x.shape().toArray();
            if (x.dtype() != first.dtype() || dims.length != rank) {
                throw new BackendException("concat: every tensor needs dtype " + first.dtype() + " and rank " + rank
                        + ", got " + x.dtype() + x.shape());
            }
            for (int i = 0; i < rank; i++) {
                if (i != a && dims[i] != first.shape().dim(i)) {
                    throw new BackendException("concat along axis " + axis + ": shapes " + first.shape() + " and "
                            + x.shape() + " differ on axis " + i);
                }
            }
            outDims[a] += dims[a];
        }
        Values out = Values.allocate(first.dtype(), Shape.of(outDims));
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= outDims[i];
        }
        int position = 0;
        for (int o = 0; o < outer; o++) {
            for (Values x : xs) {
                int block = x.size() / Math.max(outer, 1);
                System.arraycopy(x.data(), o * block, out.data(), position, block);
                position += block;
            }
        }
        return out;
    }

    /** The block from {@code begin} of extent {@code size}; a size of -1 runs to the end of the axis. */
    static Values slice(Values x, int[] begin, int[] size) {
        int rank = x.shape().rank();
        checkLength(begin, rank, "slice begin");
        checkLength(size, rank, "slice size");
        int[] end = new int[rank];
        for (int i = 0; i < rank; i++) {
            int dim = x.shape().dim(i);
            int extent = size[i] == -1 ? dim - begin[i] : size[i];
            if (begin[i] < 0 || extent < 0 || begin[i] + extent > dim) {
                throw new BackendException("slice: begin " + Arrays.toString(begin) + " size " + Arrays.toString(size)
                        + " does not fit in " + x.shape());
            }
            end[i] = begin[i] + extent;
        }
        int[] ones = new int[rank];
        Arrays.fill(ones, 1);
        return stridedSlice(x, begin, end, ones);
    }

    /** Elements {@code begin, begin + stride, ...} up to (excluding) {@code end} on every axis. */
    static Values stridedSlice(Values x, int[] begin, int[] end, int[] strides) {
        int rank = x.shape().rank();
        checkLength(begin, rank, "stridedSlice begin");
        checkLength(end, rank, "stridedSlice end");
        checkLength(strides, rank, "stridedSlice strides");
        int[] outDims = new int[rank];
        int[] start = new int[rank];
        for (int i = 0; i < rank; i++) {
            int dim = x.shape().dim(i);
            if (strides[i] == 0) {
                throw new BackendException("stridedSlice: stride of axis " + i + " is 0");
            }
            start[i] = Math.min(begin[i], strides[i] > 0 ? dim : dim - 1);
            int stop = Math.max(Math.min(end[i], dim), -1);
            int span = strides[i] > 0 ? stop - start[i] : start[i] - stop;
            int step = Math.abs(strides[i]);
            outDims[i] = span <= 0 ? 0 : (span + step - 1) / step;
        }
        int[] inStrides = Indexing.strides(x.shape().toArray());
        return x.remap(Shape.of(outDims), sources(outDims, coords -> {
            int source = 0;
            for (int i = 0; i < rank; i++) {
                source += (start[i] + coords[i] * strides[i]) * inStrides[i];
            }
            return source;
        }), 0);
    }

    /** {@code paddings[i] = {before, after}}; new elements are {@code value} (converted to the dtype). */
    static Values pad(Values x, int[][] paddings, float value) {
        int rank = x.shape().rank();
        if (paddings.length != rank) {
            throw new BackendException("pad: " + paddings.length + " paddings for a tensor of rank " + rank);
        }
        int[] inDims = x.shape().toArray();
        int[] inStrides = Indexing.strides(inDims);
        int[] outDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            if (paddings[i].length != 2 || paddings[i][0] < 0 || paddings[i][1] < 0) {
                throw new BackendException("pad: paddings[" + i + "] must be {before, after} >= 0, got "
                        + Arrays.toString(paddings[i]));
            }
            outDims[i] = inDims[i] + paddings[i][0] + paddings[i][1];
        }
        return x.remap(Shape.of(outDims), sources(outDims, coords -> {
            int source = 0;
            for (int i = 0; i < rank; i++) {
                int c = coords[i] - paddings[i][0];
                if (c < 0 || c >= inDims[i]) {
                    return -1;
                }
                source += c * inStrides[i];
            }
            return source;
        }), value);
    }

    static Values reverse(Values x, int[] axes) {
        int rank = x.shape().rank();
        boolean[] flipped = new boolean[rank];
        for (int axis : axes) {
            flipped[Indexing.axis(axis, rank, "reverse")] = true;
        }
        int[] dims = x.shape().toArray();
        int[] strides = Indexing.strides(dims);
        return x.remap(x.shape(), sources(dims, coords -> {
            int source = 0;
            for (int i = 0; i < rank; i++) {
                source += (flipped[i] ? dims[i] - 1 - coords[i] : coords[i]) * strides[i];
            }
            return source;
        }), 0);
    }

    /** TensorFlow {@code GatherV2}: shape {@code x[:axis] + indices + x[axis+1:]}. */
    static Values gather(Values x, Values indices, int axis) {
        int[] picks = indexData(indices, "gather");
        int rank = x.shape().rank();
        int a = Indexing.axis(axis, rank, "gather");
        int[] dims = x.shape().toArray();
        for (int p : picks) {
            if (p < 0 || p >= dims[a]) {
                throw new BackendException("gather: index " + p + " is out of range [0, " + dims[a] + ") of axis "
                        + axis + " of " + x.shape());
            }
        }
        int inner = Indexing.strides(dims)[a];
        int[] outDims = concat(Arrays.copyOfRange(dims, 0, a), indices.shape().toArray(),
                Arrays.copyOfRange(dims, a + 1, rank));
        int outSize = (int) Shape.of(outDims).size();
        int[] source = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            int innerPos = i % inner;
            int pick = (i / inner) % picks.length;
            int outer = i / inner / picks.length;
            source[i] = (outer * dims[a] + picks[pick]) * inner + innerPos;
        }
        return x.remap(Shape.of(outDims), source, 0);
    }

    /** TensorFlow {@code GatherNd}: each row of the last axis of {@code indices} addresses a slice of {@code x}. */
    static Values gatherNd(Values x, Values indices) {
        int[] picks = indexData(indices, "gatherNd");
        int[] indexDims = indices.shape().toArray();
        if (indexDims.length == 0) {
            throw new BackendException("gatherNd: indices must have rank 1 or more, got a scalar");
        }
        int depth = indexDims[indexDims.length - 1];
        int[] dims = x.shape().toArray();
        if (depth > dims.length) {
            throw new BackendException("gatherNd: index depth " + depth + " exceeds the rank of " + x.shape());
        }
        int[] strides = Indexing.strides(dims);
        int sliceSize = (int) Shape.of(Arrays.copyOfRange(dims, depth, dims.length)).size();
        int[] outDims = concat(Arrays.copyOfRange(indexDims, 0, indexDims.length - 1),
                Arrays.copyOfRange(dims, depth, dims.length), new int[0]);
        int lookups = (int) Shape.of(Arrays.copyOfRange(indexDims, 0, indexDims.length - 1)).size();
        int[] source = new int[lookups * sliceSize];
        for (int l = 0; l < lookups; l++) {
            int base = 0;
            for (int d = 0; d < depth; d++) {
                int p = picks[l * depth + d];
                if (p < 0 || p >= dims[d]) {
                    throw new BackendException("gatherNd: index " + p + " is out of range [0, " + dims[d]
                            + ") of axis " + d + " of " + x.shape());
                }
                base += p * strides[d];
            }
            for (int s = 0; s < sliceSize; s++) {
                source[l * sliceSize + s] = base + s;
            }
        }
        return x.remap(Shape.of(outDims), source, 0);
    }

    private interface SourceOf {
        int at(int[] coords);
    }

    private static int[] sources(int[] outDims, SourceOf sourceOf) {
        int[] source = new int[(int) Shape.of(outDims).size()];
        int[] coords = new int[outDims.length];
        for (int i = 0; i < source.length; i++) {
            Indexing.unravel(i, outDims, coords);
            source[i] = sourceOf.at(coords);
        }
        return source;
    }

    private static int[] indexData(Values indices, String op) {
        if (indices.dtype() != DType.INT32) {
            throw new BackendException(op + ": indices must be INT32, got " + indices.dtype());
        }
        return indices.intData();
    }

    private static int[] concat(int[] a, int[] b, int[] c) {
        int[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }

    private static void checkLength(int[] values, int rank, String what) {
        if (values.length != rank) {
            throw new BackendException(what + " " + Arrays.toString(values) + " needs one entry per axis (" + rank + ")");
        }
    }
}
