package ai.human.graph.internal;

import ai.human.graph.internal.Ops.Kind;
import ai.human.graph.internal.Ops.Params;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** TensorFlow's TensorList ops (what a TF2 {@code TensorArray} inside a {@code tf.map_fn} loop becomes). */
final class ListKernels {
    private ListKernels() {
    }

    static void register(Ops.Table table) {
        table.add("TensorListReserve", Kind.LIST, Params.ALL, node -> {
            node.requireInputs(2, 2);
            DType dtype = elementDType(node);
            return Kernel.of((exec, in) -> {
                int size = exec.intScalar(in[1]);
                if (size < 0) {
                    throw new IllegalArgumentException("a TensorList cannot reserve " + size + " elements");
                }
                return new ListValue(dtype, elementShape(exec, in[0]), new TensorValue[size]);
            });
        });
        table.add("TensorListFromTensor", Kind.LIST, Params.of(1), node -> {
            node.requireInputs(2, 2);
            DType dtype = elementDType(node);
            return Kernel.of((exec, in) -> {
                TensorValue x = Exec.tensor(in[0]);
                if (x.shape.rank() < 1) {
                    throw new IllegalArgumentException("TensorListFromTensor needs rank >= 1, got " + x.describe());
                }
                int n = x.shape.dim(0);
                Value[] pieces = n == 0 ? new Value[0]
                        : ShapeKernels.pieces(exec, x, 0, ShapeKernels.ones(n), true);
                TensorValue[] items = new TensorValue[n];
                for (int i = 0; i < n; i++) {
                    items[i] = (TensorValue) pieces[i];
                }
                return new ListValue(dtype, elementShape(exec, in[1]), items); // the list holds the items' references
            });
        });
        table.add("TensorListGetItem", Kind.LIST, Params.of(1, 2), node -> {
            node.requireInputs(3, 3);
            return Kernel.of((exec, in) -> {
                ListValue list = list(in[0]);
                int index = index(exec, in[1], list);
                TensorValue item = list.get(index);
                if (item != null) {
                    return item;
                }
                int[] shape = elementShape(exec, in[2]);
                return HostOps.fill(list.elementDType, knownShape(shape, "read unset item " + index), 0);
            });
        });
        table.add("TensorListSetItem", Kind.LIST, Params.of(1), node -> {
            node.requireInputs(3, 3);
            return Kernel.of((exec, in) -> {
                ListValue list = list(in[0]);
                return list.with(index(exec, in[1], list), Exec.tensor(in[2]));
            });
        });
        table.add("TensorListStack", Kind.LIST, Params.of(1), node -> {
            node.requireInputs(2, 2);
            int numElements = node.attrInt("num_elements", -1);
            return Kernel.of((exec, in) -> {
                ListValue list = list(in[0]);
                if (numElements >= 0 && list.size() != numElements) {
                    throw new IllegalArgumentException("TensorListStack expects " + numElements + " elements, the list"
                            + " has " + list.size());
                }
                if (list.size() == 0) {
                    int[] shape = knownShape(elementShape(exec, in[1]), "stack an empty list").toArray();
                    int[] dims = new int[shape.length + 1];
                    System.arraycopy(shape, 0, dims, 1, shape.length);
                    return HostOps.fill(list.elementDType, Shape.of(dims), 0);
                }
                List<TensorValue> items = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    TensorValue item = list.get(i);
                    if (item == null) {
                        throw new IllegalArgumentException("TensorListStack: item " + i + " of " + list.describe()
                                + " was never set");
                    }
                    items.add(item);
                }
                return ShapeKernels.stack(exec, items, 0);
            });
        });
    }

    private static DType elementDType(NodeContext node) {
        DType dtype = node.dtype("element_dtype", null);
        if (dtype == null) {
            throw node.fail("has no element_dtype attribute");
        }
        return dtype;
    }

    private static ListValue list(Value value) {
        if (value instanceof ListValue list) {
            return list;
        }
        throw new IllegalArgumentException("expected a TensorList, got " + (value == null ? "nothing" : value.describe()));
    }

    private static int index(Exec exec, Value value, ListValue list) {
        int index = exec.intScalar(value);
        if (index < 0 || index >= list.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside " + list.describe());
        }
        return index;
    }

    /** An element-shape input: a vector with {@code -1} for unknown sizes, or the scalar {@code -1} (unknown rank). */
    private static int[] elementShape(Exec exec, Value value) {
        TensorValue v = Exec.tensor(value);
        int[] dims = exec.ints(v);
        return v.shape.rank() == 0 ? null : dims;
    }

    private static Shape knownShape(int[] dims, String what) {
        if (dims == null || Arrays.stream(dims).anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("cannot " + what + " of a TensorList whose element shape "
                    + Arrays.toString(dims) + " is not fully known");
        }
        return Shape.of(dims);
    }
}
