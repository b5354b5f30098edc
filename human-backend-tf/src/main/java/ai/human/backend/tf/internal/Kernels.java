package ai.human.backend.tf.internal;

import org.tensorflow.internal.c_api.TFE_TensorHandle;

/** Shared plumbing of the kernel groups: running a TensorFlow op whose attributes are all inferred. */
abstract class Kernels {
    protected final EagerContext context;

    Kernels(EagerContext context) {
        this.context = context;
    }

    /** Runs op {@code type} on {@code inputs} (type attributes inferred) and returns its single output. */
    protected TFE_TensorHandle run(String type, TFE_TensorHandle... inputs) {
        try (EagerOp op = context.op(type)) {
            for (TFE_TensorHandle input : inputs) {
                op.input(input);
            }
            return op.executeOne();
        }
    }

    protected Temps temps() {
        return new Temps(context);
    }
}
