package ai.human.tensor;

/**
 * The factory role of a backend: makes tensors from Java arrays (reading them back is the {@link Tensor}'s job). Every
 * tensor knows the factory that made it ({@link Tensor#backend()}), which is its backend.
 *
 * <pre>{@code
 * Tensor x = backend.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(2, 2));
 * Tensor mask = backend.fromBytes(new byte[] {1, 0}, Shape.of(2), DType.BOOL);
 * }</pre>
 */
public interface TensorFactory {

    /** {@return the backend's name, for example {@code tensorflow} or {@code djl}} */
    String name();

    /**
     * A FLOAT32 tensor holding a copy of {@code values} (row-major).
     *
     * @param values the elements in row-major order, as many as {@code shape} holds
     * @param shape  the tensor's shape
     * @return a new tensor owned by the caller (or the enclosing scope)
     */
    Tensor fromFloats(float[] values, Shape shape);

    /**
     * An INT32 tensor holding a copy of {@code values}.
     *
     * @param values the elements in row-major order, as many as {@code shape} holds
     * @param shape  the tensor's shape
     * @return a new tensor owned by the caller (or the enclosing scope)
     */
    Tensor fromInts(int[] values, Shape shape);

    /**
     * A UINT8 or BOOL (0/1) tensor holding a copy of {@code values}.
     *
     * @param values the elements in row-major order, as many as {@code shape} holds (unsigned for UINT8; any
     *               non-zero value is 1 for BOOL)
     * @param shape  the tensor's shape
     * @param dtype  {@link DType#UINT8} or {@link DType#BOOL}
     * @return a new tensor owned by the caller (or the enclosing scope)
     */
    Tensor fromBytes(byte[] values, Shape shape, DType dtype);

    /**
     * A FLOAT32 scalar.
     *
     * @param value the scalar's value
     * @return a new tensor of shape {@code []} owned by the caller (or the enclosing scope)
     */
    default Tensor scalar(float value) {
        return fromFloats(new float[] {value}, Shape.scalar());
    }
}
