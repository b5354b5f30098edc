package ai.human.backend.djl.internal;

import ai.human.backend.BackendException;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Locale;

/** Argument checks of the DJL backend's ops, with messages that say what was wrong and what to do. */
public final class Checks {
    private Checks() {
    }

    public static void checkLength(int length, Shape shape) {
        if (length != shape.size()) {
            throw new BackendException("Got " + length + " values for shape " + shape + ", which holds "
                    + shape.size());
        }
    }

    /** The values with anything but 0 turned into 1 (the array itself when already 0/1). */
    public static byte[] asBooleans(byte[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                byte[] out = new byte[values.length];
                for (int j = 0; j < values.length; j++) {
                    out[j] = (byte) (values[j] != 0 ? 1 : 0);
                }
                return out;
            }
        }
        return values;
    }

    /** {@code float32[2, 3]}. */
    public static String describe(Tensor t) {
        return t.dtype().name().toLowerCase(Locale.ROOT) + t.shape();
    }

    public static void requireSameDtype(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new BackendException(op + " needs tensors of one dtype, got " + describe(a) + " and " + describe(b)
                    + "; cast one of them first");
        }
    }

    public static void requireFloat(String op, Tensor t) {
        if (t.dtype() != DType.FLOAT32) {
            throw new BackendException(op + " needs a float32 tensor, got " + describe(t) + "; cast it first");
        }
    }

    public static void requireRank(String op, Tensor t, int rank) {
        if (t.shape().rank() != rank) {
            throw new BackendException(op + " needs a rank-" + rank + " tensor, got " + describe(t));
        }
    }

    public static void requireRankAtLeast(String op, Tensor t, int rank) {
        if (t.shape().rank() < rank) {
            throw new BackendException(op + " needs a tensor of rank " + rank + " or more, got " + describe(t));
        }
    }

    public static void requireImage(String op, Tensor t) {
        requireRank(op, t, 4);
        requireFloat(op, t);
    }

    public static void requireIndices(String op, Tensor indices) {
        if (indices.dtype() != DType.INT32) {
            throw new BackendException(op + " needs int32 indices, got " + describe(indices));
        }
    }

    /** {@code axis} resolved against the rank of {@code x} (negative counts from the end). */
    public static int axis(Tensor x, int axis, String op) {
        int rank = x.shape().rank();
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new BackendException(op + " axis " + axis + " is outside the " + rank + " axes of " + describe(x));
        }
        return a;
    }

    /** The resolved axes, each once, ascending. */
    public static int[] distinctAxes(String op, Tensor x, int[] axes) {
        boolean[] chosen = new boolean[x.shape().rank()];
        for (int axis : axes) {
            chosen[axis(x, axis, op)] = true;
        }
        int count = 0;
        for (boolean c : chosen) {
            count += c ? 1 : 0;
        }
        int[] out = new int[count];
        int n = 0;
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                out[n++] = i;
            }
        }
        return out;
    }
}
