package ai.human.graph.internal;

import ai.human.tensor.Shape;
import java.util.Arrays;

/** Shape arithmetic shared by the kernels (broadcasting, axes, reshape with {@code -1}). */
final class Shapes {
    private Shapes() {
    }

    /** NumPy broadcasting of two shapes. */
    static Shape broadcast(Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromEnd(a, rank - 1 - i);
            int db = dimFromEnd(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return Shape.of(out);
    }

    private static int dimFromEnd(Shape s, int fromEnd) {
        int axis = s.rank() - 1 - fromEnd;
        return axis < 0 ? 1 : s.dim(axis);
    }

    /** Row-major strides of {@code dims}. */
    static int[] strides(int[] dims) {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }

    /**
     * For each element of {@code out} (row-major), the flat index of the element of {@code in} that broadcasts to it.
     */
    static int[] broadcastSources(Shape in, Shape out) {
        int n = (int) out.size();
        int[] sources = new int[n];
        if (in.equals(out)) {
            for (int i = 0; i < n; i++) {
                sources[i] = i;
            }
            return sources;
        }
        int rank = out.rank();
        int[] outDims = out.toArray();
        int[] inStrides = new int[rank];
        int[] inDims = new int[rank];
        int offset = rank - in.rank();
        int[] s = strides(in.toArray());
        for (int i = 0; i < rank; i++) {
            int d = i - offset;
            inDims[i] = d < 0 ? 1 : in.dim(d);
            inStrides[i] = d < 0 || inDims[i] == 1 ? 0 : s[d];
        }
        int[] counter = new int[rank];
        int src = 0;
        for (int i = 0; i < n; i++) {
            sources[i] = src;
            for (int axis = rank - 1; axis >= 0; axis--) {
                if (++counter[axis] < outDims[axis]) {
                    src += inStrides[axis];
                    break;
                }
                src -= inStrides[axis] * (counter[axis] - 1);
                counter[axis] = 0;
            }
        }
        return sources;
    }

    /** {@code axis} in {@code [-rank, rank)} made non-negative. */
    static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    /** Resolves a {@code Reshape} target with at most one {@code -1}. */
    static Shape reshape(Shape from, int[] target) {
        long known = 1;
        int unknown = -1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("reshape target " + Arrays.toString(target) + " has two -1");
                }
                unknown = i;
            } else if (target[i] < 0) {
                throw new IllegalArgumentException("reshape target " + Arrays.toString(target) + " has a negative size");
            } else {
                known *= target[i];
            }
        }
        int[] dims = target.clone();
        if (unknown >= 0) {
            if (known == 0 || from.size() % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + from + " to " + Arrays.toString(target));
            }
            dims[unknown] = (int) (from.size() / known);
        } else if (known != from.size()) {
            throw new IllegalArgumentException("cannot reshape " + from + " (" + from.size() + " elements) to "
                    + Arrays.toString(target));
        }
        return Shape.of(dims);
    }

    /** {@code shape} with a dimension of 1 inserted at {@code axis} (in {@code [-rank-1, rank]}). */
    static Shape expand(Shape shape, int axis) {
        int rank = shape.rank();
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 0 || a > rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range to expand rank " + rank);
        }
        int[] dims = new int[rank + 1];
        for (int i = 0, j = 0; i <= rank; i++) {
            dims[i] = i == a ? 1 : shape.dim(j++);
        }
        return Shape.of(dims);
    }

    /** {@code shape} without {@code axis}. */
    static Shape remove(Shape shape, int axis) {
        int rank = shape.rank();
        int[] dims = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) {
            if (i != axis) {
                dims[j++] = shape.dim(i);
            }
        }
        return Shape.of(dims);
    }

    /** {@code shape} with dimension {@code axis} set to {@code size}. */
    static Shape withDim(Shape shape, int axis, int size) {
        int[] dims = shape.toArray();
        dims[axis] = size;
        return Shape.of(dims);
    }
}
