package ai.human.backend.reference;

import ai.human.backend.BackendException;
import ai.human.tensor.Shape;
import java.util.Arrays;

/** Row-major index arithmetic and NumPy/TensorFlow broadcasting. */
final class Indexing {
    private Indexing() {
    }

    /** Row-major strides of {@code dims}: the flat distance between neighbours along each axis. */
    static int[] strides(int[] dims) {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= dims[axis];
        }
        return strides;
    }

    /** Writes the coordinates of flat index {@code flat} of a tensor with {@code dims} into {@code coords}. */
    static void unravel(int flat, int[] dims, int[] coords) {
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            coords[axis] = dims[axis] == 0 ? 0 : flat % dims[axis];
            flat = dims[axis] == 0 ? 0 : flat / dims[axis];
        }
    }

    /** {@code axis} in {@code [-rank, rank)} made non-negative. */
    static int axis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new BackendException(op + ": axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    /** The shape both operands broadcast to (dimensions aligned at the end; 1 stretches). */
    static Shape broadcastShape(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromEnd(a, rank - 1 - i);
            int db = dimFromEnd(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new BackendException("Shapes " + a + " and " + b + " cannot be broadcast together: dimension "
                        + i + " of the result would be both " + da + " and " + db);
            }
            out[i] = da == 1 ? db : da;
        }
        return Shape.of(out);
    }

    /** For every element of {@code out}, the flat index of the element of {@code in} broadcast onto it. */
    static int[] broadcastSources(Shape in, Shape out) {
        int rank = out.rank();
        int[] outDims = out.toArray();
        int[] inStrides = new int[rank];
        int[] own = strides(in.toArray());
        for (int i = 0; i < rank; i++) {
            int inAxis = i - (rank - in.rank());
            inStrides[i] = inAxis < 0 || in.dim(inAxis) == 1 ? 0 : own[inAxis];
        }
        int[] sources = new int[(int) out.size()];
        int[] coords = new int[rank];
        for (int flat = 0; flat < sources.length; flat++) {
            unravel(flat, outDims, coords);
            int source = 0;
            for (int i = 0; i < rank; i++) {
                source += coords[i] * inStrides[i];
            }
            sources[flat] = source;
        }
        return sources;
    }

    private static int dimFromEnd(Shape shape, int fromEnd) {
        return fromEnd < shape.rank() ? shape.dim(shape.rank() - 1 - fromEnd) : 1;
    }

    static String str(int[] values) {
        return Arrays.toString(values);
    }
}
