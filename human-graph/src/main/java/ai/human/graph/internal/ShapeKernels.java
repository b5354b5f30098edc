package ai.human.graph.internal;

import ai.human.graph.internal.Ops.Params;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shape ops: reshapes, joins and cuts, and the shape-building ops ({@code Shape}, {@code Fill}, {@code Range}), which
 * produce host values.
 */
final class ShapeKernels {
    private ShapeKernels() {
    }

    static void register(Ops.Table table) {
        table.add("Identity", Params.NONE, node -> {
            node.requireInputs(1, 1);
            return (exec, in) -> new Value[] {in[0]};
        });
        table.add("NoOp", Params.NONE, node -> (exec, in) -> new Value[0]);
        table.add("Reshape", Params.of(1), node -> {
            node.requireInputs(2, 2);
            return Kernel.of((exec, in) -> {
                TensorValue x = Exec.tensor(in[0]);
                return reshape(exec, x, Shapes.reshape(x.shape, exec.ints(in[1])));
            });
        });
        table.add("ExpandDims", Params.of(1), node -> {
            node.requireInputs(2, 2);
            return Kernel.of((exec, in) -> {
                TensorValue x = Exec.tensor(in[0]);
                return reshape(exec, x, Shapes.expand(x.shape, exec.intScalar(in[1])));
            });
        });
        table.add("Squeeze", Params.NONE, ShapeKernels::squeeze);
        table.add("ConcatV2", Params.LAST, ShapeKernels::concat);
        table.add("Pack", Params.NONE, ShapeKernels::pack);
        table.add("Unpack", Params.NONE, ShapeKernels::unpack);
        table.add("Split", Params.of(0), ShapeKernels::split);
        table.add("Shape", Params.ALL, node -> {
            node.requireInputs(1, 1);
            DType type = node.dtype("out_type", DType.INT32);
            if (type != DType.INT32) {
                throw node.fail("out_type " + type + " is not supported; Shape produces int32");
            }
            return Kernel.of((exec, in) -> {
                Shape s = Exec.shapeOf(in[0]);
                return TensorValue.host(DType.INT32, Shape.of(s.rank()), s.toArray());
            });
        });
        table.add("Fill", Params.ALL, node -> {
            node.requireInputs(2, 2);
            return Kernel.of((exec, in) -> {
                TensorValue value = Exec.tensor(in[1]);
                return HostOps.fill(value.dtype, Shape.of(exec.ints(in[0])), exec.scalar(value));
            });
        });
        table.add("Range", Params.ALL, ShapeKernels::range);
    }

    /** {@code x} with a new shape of the same size: free for host values, an alias when nothing changes. */
    static Value reshape(Exec exec, TensorValue x, Shape shape) {
        if (shape.equals(x.shape)) {
            return x;
        }
        if (shape.size() != x.size()) {
            throw new IllegalArgumentException("cannot reshape " + x.describe() + " to " + shape);
        }
        if (x.hasHost()) {
            return TensorValue.host(x.dtype, shape, x.host());
        }
        return Exec.out(exec.backend.reshape(x.device(), shape));
    }

    private static Kernel squeeze(NodeContext node) {
        node.requireInputs(1, 1);
        int[] dims = node.attrInts("squeeze_dims");
        int[] squeezeDims = dims == null ? new int[0] : dims;
        return Kernel.of((exec, in) -> {
            TensorValue x = Exec.tensor(in[0]);
            int rank = x.shape.rank();
            boolean[] drop = new boolean[rank];
            if (squeezeDims.length == 0) {
                for (int i = 0; i < rank; i++) {
                    drop[i] = x.shape.dim(i) == 1;
                }
            } else {
                for (int d : squeezeDims) {
                    int a = Shapes.axis(d, rank);
                    if (x.shape.dim(a) != 1) {
                        throw new IllegalArgumentException("cannot squeeze axis " + d + " of " + x.describe());
                    }
                    drop[a] = true;
                }
            }
            int[] kept = new int[rank];
            int k = 0;
            for (int i = 0; i < rank; i++) {
                if (!drop[i]) {
                    kept[k++] = x.shape.dim(i);
                }
            }
            return reshape(exec, x, Shape.of(Arrays.copyOf(kept, k)));
        });
    }

    private static Kernel concat(NodeContext node) {
        if (node.inputCount() < 2) {
            throw node.fail("needs at least one value and the axis");
        }
        return Kernel.of((exec, in) -> {
            int n = in.length - 1;
            int axis = exec.intScalar(in[n]);
            List<TensorValue> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parts.add(Exec.tensor(in[i]));
            }
            return concat(exec, parts, axis);
        });
    }

    static Value concat(Exec exec, List<TensorValue> parts, int axis) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        boolean allHost = true;
        List<TensorValue> nonEmpty = new ArrayList<>(parts.size());
        for (TensorValue p : parts) {
            allHost &= p.hasHost();
            if (p.size() > 0) {
                nonEmpty.add(p);
            }
        }
        if (allHost || nonEmpty.isEmpty()) {
            List<TensorValue> host = new ArrayList<>(parts.size());
            for (TensorValue p : parts) {
                host.add(exec.hostValue(p));
            }
            return HostOps.concat(host, axis);
        }
        if (nonEmpty.size() == 1) {
            TensorValue only = nonEmpty.get(0);
            checkConcatShapes(parts, Shapes.axis(axis, only.shape.rank()));
            return only;
        }
        List<Tensor> tensors = new ArrayList<>(nonEmpty.size());
        for (TensorValue p : nonEmpty) {
            tensors.add(exec.device(p));
        }
        return Exec.out(exec.backend.concat(tensors, axis));
    }

    private static void checkConcatShapes(List<TensorValue> parts, int axis) {
        Shape first = parts.get(0).shape;
        for (TensorValue p : parts) {
            if (p.shape.rank() != first.rank()) {
                throw new IllegalArgumentException("concat of " + parts.get(0).describe() + " and " + p.describe());
            }
            for (int d = 0; d < first.rank(); d++) {
                if (d != axis && p.shape.dim(d) != first.dim(d)) {
                    throw new IllegalArgumentException("concat of " + parts.get(0).describe() + " and " + p.describe());
                }
            }
        }
    }

    private static Kernel pack(NodeContext node) {
        if (node.inputCount() < 1) {
            throw node.fail("has no inputs");
        }
        int axis = node.attrInt("axis", 0);
        return Kernel.of((exec, in) -> {
            List<TensorValue> values = new ArrayList<>(in.length);
            for (Value v : in) {
                values.add(Exec.tensor(v));
            }
            return stack(exec, values, axis);
        });
    }

    /** TensorFlow {@code Pack}: values of one shape joined along a new {@code axis}. */
    static Value stack(Exec exec, List<TensorValue> values, int axis) {
        TensorValue first = values.get(0);
        Shape expanded = Shapes.expand(first.shape, axis);
        if (values.size() == 1) {
            return reshape(exec, first, expanded);
        }
        int a = axis < 0 ? axis + first.shape.rank() + 1 : axis;
        boolean allHost = true;
        for (TensorValue t : values) {
            if (!t.shape.equals(first.shape) || t.dtype != first.dtype) {
                throw new IllegalArgumentException("Pack of " + first.describe() + " and " + t.describe()
                        + ": all values must have one shape and dtype");
            }
            allHost &= t.hasHost();
        }
        if (allHost || first.size() == 0) {
            List<TensorValue> parts = new ArrayList<>(values.size());
            for (TensorValue t : values) {
                TensorValue h = exec.hostValue(t);
                parts.add(TensorValue.host(h.dtype, expanded, h.host()));
            }
            return HostOps.concat(parts, a);
        }
        List<Tensor> parts = new ArrayList<>(values.size());
        if (a < first.shape.rank()) {
            // stacking on an existing axis is a concat along it, viewed with the new axis split off: two ops, not N+1
            for (TensorValue t : values) {
                parts.add(exec.device(t));
            }
            Tensor joined = exec.temp(exec.backend.concat(parts, a));
            int[] dims = expanded.toArray();
            dims[a] = values.size();
            return Exec.out(exec.backend.reshape(joined, Shape.of(dims)));
        }
        for (TensorValue t : values) {
            parts.add(exec.temp(exec.backend.reshape(exec.device(t), expanded)));
        }
        return Exec.out(exec.backend.concat(parts, a));
    }

    private static Kernel unpack(NodeContext node) {
        node.requireInputs(1, 1);
        int axis = node.attrInt("axis", 0);
        int num = node.attrInt("num", -1);
        return (exec, in) -> {
            TensorValue x = Exec.tensor(in[0]);
            int a = Shapes.axis(axis, x.shape.rank());
            int n = x.shape.dim(a);
            if (num >= 0 && n != num) {
                throw new IllegalArgumentException("Unpack expects " + num + " pieces along axis " + axis + " of "
                        + x.describe());
            }
            return pieces(exec, x, a, ones(n), true);
        };
    }

    private static Kernel split(NodeContext node) {
        node.requireInputs(2, 2);
        int numSplit = node.attrInt("num_split", 1);
        return (exec, in) -> {
            TensorValue x = Exec.tensor(in[1]);
            int a = Shapes.axis(exec.intScalar(in[0]), x.shape.rank());
            int n = x.shape.dim(a);
            if (numSplit < 1 || n % numSplit != 0) {
                throw new IllegalArgumentException("cannot split axis " + a + " of " + x.describe() + " into " + numSplit
                        + " equal pieces");
            }
            int[] sizes = new int[numSplit];
            Arrays.fill(sizes, n / numSplit);
            return pieces(exec, x, a, sizes, false);
        };
    }

    static int[] ones(int n) {
        int[] sizes = new int[n];
        Arrays.fill(sizes, 1);
        return sizes;
    }

    /** Cuts {@code x} along {@code axis}; {@code dropAxis} removes the (size 1) axis from each piece. */
    static Value[] pieces(Exec exec, TensorValue x, int axis, int[] sizes, boolean dropAxis) {
        int rank = x.shape.rank();
        Value[] out = new Value[sizes.length];
        if (sizes.length == 1) {
            out[0] = dropAxis ? reshape(exec, x, Shapes.remove(x.shape, axis)) : x;
            return out;
        }
        if (x.hasHost()) {
            int[] begin = new int[rank];
            int[] strides = ones(rank);
            for (int i = 0; i < sizes.length; i++) {
                int[] lengths = x.shape.toArray();
                lengths[axis] = sizes[i];
                Shape shape = dropAxis ? Shapes.remove(Shape.of(lengths), axis) : Shape.of(lengths);
                out[i] = HostOps.strided(x, begin, strides, lengths, shape);
                begin[axis] += sizes[i];
            }
            return out;
        }
        List<Tensor> parts = exec.backend.split(x.device(), axis, sizes);
        for (int i = 0; i < parts.size(); i++) {
            Tensor p = parts.get(i);
            if (dropAxis) {
                exec.temp(p);
                out[i] = Exec.out(exec.backend.reshape(p, Shapes.remove(p.shape(), axis)));
            } else {
                out[i] = Exec.out(p);
            }
        }
        return out;
    }

    private static Kernel range(NodeContext node) {
        node.requireInputs(3, 3);
        DType type = node.dtype("Tidx", DType.INT32);
        if (type != DType.INT32 && type != DType.FLOAT32) {
            throw node.fail("Tidx " + type + " is not supported; Range makes int32 or float32");
        }
        return Kernel.of((exec, in) -> {
            double start = exec.scalar(in[0]);
            double limit = exec.scalar(in[1]);
            double delta = exec.scalar(in[2]);
            if (delta == 0 || (delta > 0 ? start > limit : start < limit)) {
                throw new IllegalArgumentException("Range(" + start + ", " + limit + ", " + delta + ") never reaches"
                        + " its limit");
            }
            int n = (int) (type == DType.INT32 ? (Math.abs((long) limit - (long) start) + Math.abs((long) delta) - 1)
                    / Math.abs((long) delta) : Math.ceil(Math.abs((limit - start) / delta)));
            Object data = HostArrays.allocate(type, n);
            for (int i = 0; i < n; i++) {
                HostArrays.set(data, type, i, type == DType.INT32 ? (long) start + i * (long) delta
                        : (float) start + i * (float) delta);
            }
            return TensorValue.host(type, Shape.of(n), data);
        });
    }
}
