package ai.human.backend.tf.internal;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/**
 * The temporary handles of one op (constant arguments such as axes and shapes, intermediates of a composed op),
 * all deleted when the op ends, whether it succeeded or not.
 *
 * <pre>{@code
 * try (Temps temps = new Temps(context)) {
 *     TFE_TensorHandle shape = temps.ints(2, 3);
 *     return run("Reshape", x, shape);
 * }
 * }</pre>
 */
final class Temps implements AutoCloseable {
    private final EagerContext context;
    private final List<TFE_TensorHandle> handles = new ArrayList<>();

    public Temps(EagerContext context) {
        this.context = context;
    }

    /** Deletes {@code handle} when these temps close; returns it. */
    public TFE_TensorHandle add(TFE_TensorHandle handle) {
        handles.add(handle);
        return handle;
    }

    /** A 1-D int32 constant. */
    public TFE_TensorHandle ints(int... values) {
        return add(context.fromInts(values, new long[] {values.length}));
    }

    /** An int32 scalar. */
    public TFE_TensorHandle intScalar(int value) {
        return add(context.fromInts(new int[] {value}, new long[0]));
    }

    /** A float32 scalar. */
    public TFE_TensorHandle floatScalar(float value) {
        return add(context.fromFloats(new float[] {value}, new long[0]));
    }

    /** A float32 constant of the given dimensions. */
    public TFE_TensorHandle floats(float[] values, long... dims) {
        return add(context.fromFloats(values, dims));
    }

    /** An int32 constant of the given dimensions. */
    public TFE_TensorHandle ints(int[] values, long... dims) {
        return add(context.fromInts(values, dims));
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (TFE_TensorHandle handle : handles) {
            try {
                context.delete(handle);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        handles.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
