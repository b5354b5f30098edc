package ai.human.tensor;

/**
 * An n-dimensional array that lives on a backend ({@link #backend()}; native memory), owned by exactly one owner.
 *
 * <p>A tensor is {@link AutoCloseable}: whoever owns it closes it, best with try-with-resources. Closing twice is
 * harmless; using a closed tensor throws {@link ai.human.error.AlreadyClosedException} naming the tensor. Tensors created inside
 * a {@link TensorScope} are closed by the scope unless kept.
 *
 * <pre>{@code
 * try (Tensor image = human.decodeImage(Path.of("photo.jpg"))) {
 *     Shape shape = image.shape();          // [1, height, width, 3]
 *     int[] pixels = image.toInts();         // read back to the JVM
 * }
 * }</pre>
 */
public interface Tensor extends AutoCloseable {

    /** {@return a number unique within its backend, shown in messages and leak reports} */
    long id();

    /** {@return the tensor's shape} */
    Shape shape();

    /** {@return the element type} */
    DType dtype();

    /** {@return the number of elements} */
    default long size() {
        return shape().size();
    }

    /** {@return bytes this tensor counts for in {@link MemoryInfo}: elements × element size} */
    default long byteSize() {
        return shape().size() * dtype().byteSize();
    }

    /** {@return all elements in row-major order, converted to {@code float}} */
    float[] toFloats();

    /** {@return all elements in row-major order, converted to {@code int} (floats are truncated toward zero)} */
    int[] toInts();

    /** {@return all elements of a {@code UINT8} or {@code BOOL} tensor as raw bytes (bool: 0 or 1)} */
    byte[] toBytes();

    /** {@return the single value of a tensor with one element, as {@code float}} */
    default float toFloat() {
        if (size() != 1) {
            throw new IllegalStateException("Tensor #" + id() + " " + dtype().name().toLowerCase(java.util.Locale.ROOT) + shape()
                    + " has " + size() + " elements; toFloat() needs exactly one");
        }
        return toFloats()[0];
    }

    /**
     * {@return the backend's own object behind this tensor, for code that goes on in TensorFlow Java or DJL (for example
     * {@code org.tensorflow.Tensor} or {@code ai.djl.ndarray.NDArray})} The tensor still owns it: do not close it.
     *
     * @param <T> the native type
     * @param type the native type's class
     * @throws IllegalArgumentException if the native object is not of that type
     */
    <T> T unwrap(Class<T> type);

    /** {@return who currently owns this tensor} */
    Owner owner();

    /**
     * The backend this tensor lives on, seen as its tensor factory (cast to {@code ai.human.backend.Backend} for its
     * ops; {@code tensor.backend() == backend} tells whether a tensor is {@code backend}'s).
     *
     * @return the backend that made this tensor
     */
    TensorFactory backend();

    /** {@return whether the tensor was closed} */
    boolean isClosed();

    /** Releases the native memory. Harmless when already closed. */
    @Override
    void close();
}
