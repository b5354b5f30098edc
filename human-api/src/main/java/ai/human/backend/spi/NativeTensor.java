package ai.human.backend.spi;

/**
 * A backend's native array behind one {@link ai.human.tensor.Tensor}: what a backend implements per tensor.
 *
 * <p>The {@link TensorTracker} wraps it in the one {@code Tensor} implementation, does all accounting, and calls
 * {@link #release()} exactly once. An implementation must not refer to the {@code Tensor} that wraps it (leak
 * detection needs the tensor to become unreachable while its native array is still reachable from here).
 * Read methods are only called for the tensor's own dtype: {@link #readFloats()} for FLOAT32,
 * {@link #readInts()} for INT32, {@link #readBytes()} for UINT8 and BOOL.
 */
public interface NativeTensor {

    /** {@return the engine's object, returned by {@code Tensor.unwrap}} */
    Object nativeObject();

    /** {@return the elements of a FLOAT32 array} */
    float[] readFloats();

    /** {@return the elements of an INT32 array} */
    int[] readInts();

    /** {@return the elements of a UINT8 or BOOL array, one byte each} */
    byte[] readBytes();

    /** Frees the native memory. Called exactly once. */
    void release();
}
