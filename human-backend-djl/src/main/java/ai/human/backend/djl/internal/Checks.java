package ai.human.backend.djl.internal;

import ai.human.backend.BackendException;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import java.util.Locale;

/** Argument checks of the DJL backend's ops, with messages that say what was wrong and what to do. */
public final class Checks {
    private Checks() {
    }

    /** {@code float32[2, 3]}. */
    public static String describe(Tensor t) {
        return t.dtype().name().toLowerCase(Locale.ROOT) + t.shape();
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
