package ai.human.graph.internal;

import ai.human.backend.NmsResult;
import ai.human.backend.NonMaxSuppression;
import ai.human.backend.ReduceOp;
import ai.human.backend.TopK;
import ai.human.graph.internal.Ops.Params;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;

/** Reductions, arg-max, top-k, non-maximum suppression and {@code Where}. */
final class ReductionKernels {
    private ReductionKernels() {
    }

    static void register(Ops.Table table) {
        table.add("Mean", Params.of(1), node -> reduce(node, ReduceOp.MEAN));
        table.add("Sum", Params.of(1), node -> reduce(node, ReduceOp.SUM));
        table.add("Max", Params.of(1), node -> reduce(node, ReduceOp.MAX));
        table.add("ArgMax", Params.of(1), node -> {
            node.requireInputs(2, 2);
            node.dtype("output_type", DType.INT32);
            return Kernel.of((exec, in) -> Exec.out(exec.backend.argMax(exec.device(in[0]), exec.intScalar(in[1]))));
        });
        table.add("TopKV2", Params.of(1), node -> {
            node.requireInputs(2, 2);
            boolean sorted = node.attrBool("sorted", true);
            return (exec, in) -> {
                TopK topK = exec.backend.topK(exec.device(in[0]), exec.intScalar(in[1]), sorted);
                return new Value[] {Exec.out(topK.values()), Exec.out(topK.indices())};
            };
        });
        table.add("NonMaxSuppressionV5", Params.of(2, 3, 4, 5), ReductionKernels::nonMaxSuppression);
        table.add("Where", Params.ALL, node -> {
            node.requireInputs(1, 1);
            return Kernel.of((exec, in) -> {
                TensorValue condition = Exec.tensor(in[0]);
                return HostOps.where(exec.host(condition), condition.shape);
            });
        });
    }

    private static Kernel reduce(NodeContext node, ReduceOp op) {
        node.requireInputs(2, 2);
        boolean keepDims = node.attrBool("keep_dims", false);
        return Kernel.of((exec, in) -> {
            TensorValue x = Exec.tensor(in[0]);
            int[] axes = exec.ints(in[1]);
            if (axes.length == 0) {
                return x;
            }
            if (x.hasHost()) {
                return HostOps.reduce(op, x, axes, keepDims);
            }
            return Exec.out(exec.backend.reduce(op, x.device(), axes, keepDims));
        });
    }

    private static Kernel nonMaxSuppression(NodeContext node) {
        node.requireInputs(6, 6);
        if (node.attrBool("pad_to_max_output_size", false)) {
            throw node.fail("pad_to_max_output_size=true is not supported");
        }
        return (exec, in) -> {
            NmsResult result = NonMaxSuppression.apply(exec.backend, exec.device(in[0]), exec.device(in[1]),
                    exec.intScalar(in[2]), exec.floatScalar(in[3]), exec.floatScalar(in[4]), exec.floatScalar(in[5]));
            int kept = result.selectedIndices().shape().dim(0);
            return new Value[] {Exec.out(result.selectedIndices()), Exec.out(result.selectedScores()),
                TensorValue.host(DType.INT32, Shape.scalar(), new int[] {kept})};
        };
    }
}
