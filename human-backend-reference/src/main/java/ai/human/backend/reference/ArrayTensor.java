package ai.human.backend.reference;

import ai.human.backend.spi.NativeTensor;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.function.Consumer;

/**
 * The reference backend's "native" array: a plain Java array. It is also what {@code Tensor.unwrap} returns.
 * Reading it after {@link #release()} throws, so a backend that frees an array still in use is caught at once.
 */
public final class ArrayTensor implements NativeTensor {
    private final Values values;
    private final Consumer<ArrayTensor> onRelease;
    private volatile boolean released;

    ArrayTensor(Values values, Consumer<ArrayTensor> onRelease) {
        this.values = values;
        this.onRelease = onRelease;
    }

    /** {@return the array's element type} */
    public DType dtype() {
        return values.dtype();
    }

    /** {@return the array's shape} */
    public Shape shape() {
        return values.shape();
    }

    /** {@return whether the array was released (reading it then throws)} */
    public boolean isReleased() {
        return released;
    }

    Values values() {
        if (released) {
            throw new IllegalStateException("Array " + values.dtype() + values.shape() + " was already released");
        }
        return values;
    }

    @Override
    public Object nativeObject() {
        return this;
    }

    @Override
    public float[] readFloats() {
        return values().floatData().clone();
    }

    @Override
    public int[] readInts() {
        return values().intData().clone();
    }

    @Override
    public byte[] readBytes() {
        return values().byteData().clone();
    }

    @Override
    public void release() {
        released = true;
        onRelease.accept(this);
    }
}
