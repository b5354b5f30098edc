package ai.human.model;

import ai.human.tensor.DType;
import java.util.Arrays;
import java.util.Objects;

/**
 * An input or output of a graph model, from the model's signature.
 *
 * <pre>{@code
 * TensorSpec in = model.inputs().get(0);
 * in.name();   // "input_1:0"
 * in.node();   // "input_1"
 * in.shape();  // [-1, 192, 192, 3]: -1 is a dimension of any size
 * }</pre>
 *
 * @param key   the signature's key for this entry (for example {@code output_mesh}); not a tensor name
 * @param name  the tensor name {@code node:index}, normalised so that the index is always present
 * @param node  the node that holds the tensor
 * @param index which output of that node
 * @param dtype the element type
 * @param shape the dimensions, -1 where any size fits; empty when the rank is unknown or zero
 */
public record TensorSpec(String key, String name, String node, int index, DType dtype, int[] shape) {

    /**
     * Checks that nothing is null and copies the shape.
     *
     * @param key the signature's key for this entry (for example {@code output_mesh}); not a tensor name
     * @param name the tensor name {@code node:index}, normalised so that the index is always present
     * @param node the node that holds the tensor
     * @param index which output of that node
     * @param dtype the element type
     * @param shape the dimensions, -1 where any size fits; empty when the rank is unknown or zero
     */
    public TensorSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
    }

    /** {@return a copy of the dimensions, -1 where any size fits} */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec other && key.equals(other.key) && name.equals(other.name)
                && node.equals(other.node) && index == other.index && dtype == other.dtype
                && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, name, dtype) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "TensorSpec[" + key + " = " + name + ", " + dtype + ", " + Arrays.toString(shape) + "]";
    }
}
