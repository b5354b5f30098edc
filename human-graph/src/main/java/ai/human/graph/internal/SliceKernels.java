package ai.human.graph.internal;

import ai.human.graph.internal.Ops.Params;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Arrays;

/** Ops that pick or move elements: slices (with all {@code StridedSlice} masks), padding, transposes, gathers. */
final class SliceKernels {
    private SliceKernels() {
    }

    static void register(Ops.Table table) {
        table.add("Slice", Params.of(1, 2), SliceKernels::slice);
        table.add("StridedSlice", Params.of(1, 2, 3), SliceKernels::stridedSlice);
        table.add("Pad", Params.of(1), SliceKernels::pad);
        table.add("Transpose", Params.of(1), SliceKernels::transpose);
        table.add("GatherV2", Params.of(2), SliceKernels::gather);
        table.add("GatherNd", Params.NONE, node -> {
            node.requireInputs(2, 2);
            return Kernel.of((exec, in) -> Exec.out(exec.backend.gatherNd(exec.device(in[0]), exec.device(in[1]))));
        });
    }

    private static Kernel slice(NodeContext node) {
        node.requireInputs(3, 3);
        return Kernel.of((exec, in) -> {
            TensorValue x = Exec.tensor(in[0]);
            int[] begin = exec.ints(in[1]);
            int[] size = exec.ints(in[2]).clone();
            int rank = x.shape.rank();
            if (begin.length != rank || size.length != rank) {
                throw new IllegalArgumentException("Slice of " + x.describe() + " with begin " + Arrays.toString(begin)
                        + " and size " + Arrays.toString(size));
            }
            boolean all = true;
            for (int d = 0; d < rank; d++) {
                int n = x.shape.dim(d);
                if (size[d] == -1) {
                    size[d] = n - begin[d];
                }
                if (begin[d] < 0 || size[d] < 0 || begin[d] + size[d] > n) {
                    throw new IndexOutOfBoundsException("Slice of " + x.describe() + " with begin "
                            + Arrays.toString(begin) + " and size " + Arrays.toString(size) + " is out of range");
                }
                all &= begin[d] == 0 && size[d] == n;
            }
            if (all) {
                return x;
            }
            if (x.hasHost()) {
                return HostOps.strided(x, begin, ShapeKernels.ones(rank), size, Shape.of(size));
            }
            return Exec.out(exec.backend.slice(x.device(), begin, size));
        });
    }

    private static Kernel stridedSlice(NodeContext node) {
        node.requireInputs(4, 4);
        StridedSliceSpec.Masks masks = new StridedSliceSpec.Masks(node.attrInt("begin_mask", 0),
                node.attrInt("end_mask", 0), node.attrInt("ellipsis_mask", 0), node.attrInt("new_axis_mask", 0),
                node.attrInt("shrink_axis_mask", 0));
        if (Integer.bitCount(masks.ellipsis()) > 1) {
            throw node.fail("ellipsis_mask " + masks.ellipsis() + " has more than one bit set");
        }
        return Kernel.of((exec, in) -> {
            TensorValue x = Exec.tensor(in[0]);
            StridedSliceSpec spec = StridedSliceSpec.resolve(x.shape, exec.ints(in[1]), exec.ints(in[2]),
                    exec.ints(in[3]), masks);
            return stridedSlice(exec, x, spec);
        });
    }

    static Value stridedSlice(Exec exec, TensorValue x, StridedSliceSpec spec) {
        if (spec.takesAll(x.shape)) {
            return ShapeKernels.reshape(exec, x, spec.outShape());
        }
        if (x.hasHost()) {
            return HostOps.strided(x, spec.begin(), spec.strides(), spec.lengths(), spec.outShape());
        }
        int rank = x.shape.rank();
        int[] begin = spec.begin().clone();
        int[] strides = spec.strides().clone();
        int[] end = new int[rank];
        int reversed = 0;
        int[] reverseAxes = new int[rank];
        for (int d = 0; d < rank; d++) {
            if (strides[d] < 0) {
                begin[d] = x.shape.dim(d) - 1 - begin[d];
                strides[d] = -strides[d];
                reverseAxes[reversed++] = d;
            }
            int len = spec.lengths()[d];
            end[d] = len == 0 ? begin[d] : begin[d] + (len - 1) * strides[d] + 1;
        }
        Tensor source = x.device();
        if (reversed > 0) {
            source = exec.temp(exec.backend.reverse(source, Arrays.copyOf(reverseAxes, reversed)));
        }
        Tensor sliced = exec.backend.stridedSlice(source, begin, end, strides);
        if (sliced.shape().equals(spec.outShape())) {
            return Exec.out(sliced);
        }
        exec.temp(sliced);
        return Exec.out(exec.backend.reshape(sliced, spec.outShape()));
    }

    private static Kernel pad(NodeContext node) {
        node.requireInputs(2, 2);
        return Kernel.of((exec, in) -> {
            TensorValue x = Exec.tensor(in[0]);
            int[] flat = exec.ints(in[1]);
            int rank = x.shape.rank();
            if (flat.length != rank * 2) {
                throw new IllegalArgumentException("paddings of " + x.describe() + " must be [" + rank + ", 2], got "
                        + flat.length + " values");
            }
            int[][] paddings = new int[rank][2];
            boolean none = true;
            for (int d = 0; d < rank; d++) {
                paddings[d][0] = flat[2 * d];
                paddings[d][1] = flat[2 * d + 1];
                none &= flat[2 * d] == 0 && flat[2 * d + 1] == 0;
            }
            if (none) {
                return x;
            }
            return Exec.out(exec.backend.pad(exec.device(x), paddings, 0f));
        });
    }

    private static Kernel transpose(NodeContext node) {
        node.requireInputs(2, 2);
        return Kernel.of((exec, in) -> {
            TensorValue x = Exec.tensor(in[0]);
            int[] perm = exec.ints(in[1]);
            boolean identity = perm.length == x.shape.rank();
            for (int i = 0; i < perm.length && identity; i++) {
                identity = perm[i] == i;
            }
            if (identity) {
                return x;
            }
            if (x.hasHost()) {
                return HostOps.transpose(x, perm);
            }
            return Exec.out(exec.backend.transpose(x.device(), perm));
        });
    }

    private static Kernel gather(NodeContext node) {
        node.requireInputs(3, 3);
        int batchDims = node.attrInt("batch_dims", 0);
        if (batchDims != 0) {
            throw node.fail("batch_dims " + batchDims + " is not supported; only 0 runs");
        }
        return Kernel.of((exec, in) -> {
            TensorValue params = Exec.tensor(in[0]);
            TensorValue indices = Exec.tensor(in[1]);
            int axis = exec.intScalar(in[2]);
            if (params.hasHost() && indices.hasHost()) {
                return HostOps.gather(params, HostArrays.toInts(indices.host()), indices.shape, axis);
            }
            return Exec.out(exec.backend.gather(exec.device(params), exec.device(indices), axis));
        });
    }
}
