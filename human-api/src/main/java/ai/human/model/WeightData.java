package ai.human.model;

import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Objects;

/**
 * The decoded values of one weight of a graph model, as a Java array: {@code float[]} for
 * {@link DType#FLOAT32}, {@code int[]} for {@link DType#INT32}, {@code byte[]} for {@link DType#UINT8}
 * and {@link DType#BOOL} (0 or 1). Quantised weights are already dequantised. Immutable: the array
 * accessors return copies, the buffer accessors read-only views without copying.
 *
 * <pre>{@code
 * WeightData w = model.weights().get("conv1/kernel");
 * if (w.dtype() == DType.FLOAT32) {
 *     Tensor t = backend.weight(w.floats(), w.shape(), WeightUse.CONV2D_FILTER);
 * }
 * }</pre>
 */
public final class WeightData {
    private final String name;
    private final DType dtype;
    private final Shape shape;
    private final Object values;

    private WeightData(String name, DType dtype, Shape shape, Object values, int length) {
        this.name = Objects.requireNonNull(name, "name");
        this.dtype = dtype;
        this.shape = Objects.requireNonNull(shape, "shape");
        this.values = values;
        if (shape.size() != length) {
            throw new IllegalArgumentException("Weight '" + name + "' has " + length + " values but its shape "
                    + shape + " needs " + shape.size());
        }
    }

    /**
     * {@return a {@link DType#FLOAT32} weight; {@code values} is copied}
     *
     * @param name the weight's name (its {@code Const} node)
     * @param shape the weight's shape
     * @param values the values, row-major
     */
    public static WeightData ofFloats(String name, Shape shape, float[] values) {
        return new WeightData(name, DType.FLOAT32, shape, values.clone(), values.length);
    }

    /**
     * {@return an {@link DType#INT32} weight; {@code values} is copied}
     *
     * @param name the weight's name (its {@code Const} node)
     * @param shape the weight's shape
     * @param values the values, row-major
     */
    public static WeightData ofInts(String name, Shape shape, int[] values) {
        return new WeightData(name, DType.INT32, shape, values.clone(), values.length);
    }

    /**
     * {@return a {@link DType#UINT8} or {@link DType#BOOL} weight (one byte per value); {@code values} is copied}
     *
     * @param name the weight's name (its {@code Const} node)
     * @param dtype {@link DType#UINT8} or {@link DType#BOOL}
     * @param shape the weight's shape
     * @param values the values, row-major
     */
    public static WeightData ofBytes(String name, DType dtype, Shape shape, byte[] values) {
        if (dtype != DType.UINT8 && dtype != DType.BOOL) {
            throw new IllegalArgumentException("Weight '" + name + "': ofBytes takes UINT8 or BOOL, not " + dtype);
        }
        return new WeightData(name, dtype, shape, values.clone(), values.length);
    }

    /** {@return the weight's name, which is the name of the {@code Const} node it belongs to} */
    public String name() {
        return name;
    }

    /** {@return the type of the values} */
    public DType dtype() {
        return dtype;
    }

    /** {@return the weight's shape} */
    public Shape shape() {
        return shape;
    }

    /** {@return the number of values: the product of the shape's dimensions (1 for a scalar)} */
    public long elementCount() {
        return shape.size();
    }

    /** {@return bytes the decoded values take: {@link #elementCount()} times the dtype's size} */
    public long byteSize() {
        return elementCount() * dtype.byteSize();
    }

    /** {@return a copy of the values of a {@link DType#FLOAT32} weight} */
    public float[] floats() {
        return ((float[]) require(DType.FLOAT32)).clone();
    }

    /** {@return a read-only view of the values of a {@link DType#FLOAT32} weight} */
    public FloatBuffer floatBuffer() {
        return FloatBuffer.wrap((float[]) require(DType.FLOAT32)).asReadOnlyBuffer();
    }

    /** {@return a copy of the values of an {@link DType#INT32} weight} */
    public int[] ints() {
        return ((int[]) require(DType.INT32)).clone();
    }

    /** {@return a read-only view of the values of an {@link DType#INT32} weight} */
    public IntBuffer intBuffer() {
        return IntBuffer.wrap((int[]) require(DType.INT32)).asReadOnlyBuffer();
    }

    /** {@return a copy of the values of a {@link DType#UINT8} or {@link DType#BOOL} weight} */
    public byte[] bytes() {
        return ((byte[]) requireBytes()).clone();
    }

    /** {@return a read-only view of the values of a {@link DType#UINT8} or {@link DType#BOOL} weight} */
    public ByteBuffer byteBuffer() {
        return ByteBuffer.wrap((byte[]) requireBytes()).asReadOnlyBuffer();
    }

    private Object require(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("Weight '" + name + "' is " + dtype + ", not " + wanted
                    + "; check dtype() before reading the values");
        }
        return values;
    }

    private Object requireBytes() {
        if (dtype != DType.UINT8 && dtype != DType.BOOL) {
            throw new IllegalStateException("Weight '" + name + "' is " + dtype
                    + ", not UINT8 or BOOL; check dtype() before reading the values");
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof WeightData other && name.equals(other.name) && dtype == other.dtype && shape.equals(other.shape)
                && Objects.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, shape);
    }

    @Override
    public String toString() {
        return "WeightData[" + name + ", " + dtype + ", " + shape + "]";
    }
}
