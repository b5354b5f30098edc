package ai.human.graph.internal;

import ai.human.graph.internal.Ops.Kind;
import ai.human.graph.internal.Ops.Params;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;

/**
 * TensorFlow 1 control flow. The kernels only pass values through; {@link DynamicPlan} gives them their meaning:
 * {@code Enter} moves a value into a loop frame, {@code NextIteration} into the frame's next iteration, {@code Exit}
 * back out, {@code Switch} kills one of its two outputs, and {@code Merge} runs as soon as any input is alive.
 */
final class ControlKernels {
    private ControlKernels() {
    }

    static void register(Ops.Table table) {
        table.add("Enter", Kind.ENTER, Params.NONE, node -> {
            node.requireInputs(1, 1);
            if (node.attrString("frame_name", "").isEmpty()) {
                throw node.fail("has no frame_name");
            }
            return ControlKernels::forward;
        });
        table.add("Exit", Kind.EXIT, Params.NONE, node -> {
            node.requireInputs(1, 1);
            return ControlKernels::forward;
        });
        table.add("NextIteration", Kind.NEXT_ITERATION, Params.NONE, node -> {
            node.requireInputs(1, 1);
            return ControlKernels::forward;
        });
        table.add("LoopCond", Kind.LOOP_COND, Params.NONE, node -> {
            node.requireInputs(1, 1);
            return ControlKernels::forward;
        });
        table.add("Switch", Kind.SWITCH, Params.of(1), node -> {
            node.requireInputs(2, 2);
            return (exec, in) -> exec.bool(in[1]) ? new Value[] {null, in[0]} : new Value[] {in[0], null};
        });
        table.add("Merge", Kind.MERGE, Params.NONE, node -> {
            if (node.inputCount() < 1) {
                throw node.fail("has no inputs");
            }
            return (exec, in) -> {
                for (int i = 0; i < in.length; i++) {
                    if (in[i] != null) {
                        return new Value[] {in[i], TensorValue.host(DType.INT32, Shape.scalar(), new int[] {i})};
                    }
                }
                throw new IllegalStateException("Merge ran without a live input");
            };
        });
    }

    private static Value[] forward(Exec exec, Value[] in) {
        return new Value[] {in[0]};
    }
}
