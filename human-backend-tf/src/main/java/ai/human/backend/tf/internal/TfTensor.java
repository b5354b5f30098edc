package ai.human.backend.tf.internal;

import ai.human.backend.spi.NativeTensor;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/**
 * The native side of one tensor: a single {@code TFE_TensorHandle} that this object owns alone; the tracker
 * calls {@link #release()} exactly once, which deletes the handle. {@code Tensor.unwrap(TFE_TensorHandle.class)}
 * gives the handle (still owned here: do not delete it).
 */
public final class TfTensor implements NativeTensor {
    private final EagerContext context;
    private final TFE_TensorHandle handle;

    public TfTensor(EagerContext context, TFE_TensorHandle handle) {
        this.context = context;
        this.handle = handle;
    }

    public TFE_TensorHandle handle() {
        return handle;
    }

    @Override
    public Object nativeObject() {
        return handle;
    }

    @Override
    public float[] readFloats() {
        return context.readFloats(handle);
    }

    @Override
    public int[] readInts() {
        return context.readInts(handle);
    }

    @Override
    public byte[] readBytes() {
        return context.readBytes(handle);
    }

    @Override
    public void release() {
        context.delete(handle);
    }
}
