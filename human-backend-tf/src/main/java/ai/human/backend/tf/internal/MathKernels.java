package ai.human.backend.tf.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_FLOAT;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_UINT8;

import ai.human.backend.BackendException;
import ai.human.backend.BinaryOp;
import ai.human.backend.UnaryOp;
import ai.human.tensor.Shape;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/** Element-wise ops: arithmetic, comparisons, activations, softmax, casts, select. */
public final class MathKernels extends Kernels {

    public MathKernels(EagerContext context) {
        super(context);
    }

    /** {@code a op b} with broadcasting; both operands of TF type {@code tfType}. */
    public TFE_TensorHandle binary(BinaryOp op, TFE_TensorHandle a, TFE_TensorHandle b, int tfType) {
        if (op == BinaryOp.SQUARED_DIFFERENCE && tfType == TF_UINT8) {
            // TensorFlow has no uint8 SquaredDifference; (a - b) * (a - b) wraps modulo 256 to the same value
            try (Temps temps = temps()) {
                TFE_TensorHandle difference = temps.add(run("Sub", a, b));
                return run("Mul", difference, difference);
            }
        }
        return run(binaryOpName(op, tfType), a, b);
    }

    static String binaryOpName(BinaryOp op, int tfType) {
        return switch (op) {
            case ADD -> "AddV2";
            case SUB -> "Sub";
            case MUL -> "Mul";
            // TensorFlow's integer Div truncates toward zero; RealDiv is its float division
            case DIV -> tfType == TF_FLOAT ? "RealDiv" : "Div";
            case FLOOR_DIV -> "FloorDiv";
            case FLOOR_MOD -> "FloorMod";
            case MINIMUM -> "Minimum";
            case MAXIMUM -> "Maximum";
            case SQUARED_DIFFERENCE -> "SquaredDifference";
            case EQUAL -> "Equal";
            case GREATER -> "Greater";
            case GREATER_EQUAL -> "GreaterEqual";
            case LESS -> "Less";
            case LOGICAL_AND -> "LogicalAnd";
        };
    }

    public TFE_TensorHandle unary(UnaryOp op, TFE_TensorHandle x) {
        return run(switch (op) {
            case RELU -> "Relu";
            case RELU6 -> "Relu6";
            case SIGMOID -> "Sigmoid";
            case EXP -> "Exp";
            case SQRT -> "Sqrt";
            case RECIPROCAL -> "Reciprocal";
        }, x);
    }

    /**
     * {@code relu(x) + alpha * min(x, 0)}; the three intermediates are deleted before returning.
     *
     * @throws BackendException if {@code alpha} does not broadcast onto {@code x} without widening it
     */
    public TFE_TensorHandle prelu(TFE_TensorHandle x, TFE_TensorHandle alpha) {
        TFE_TensorHandle out;
        try (Temps temps = temps()) {
            TFE_TensorHandle positive = temps.add(run("Relu", x));
            TFE_TensorHandle negative = temps.add(run("Minimum", x, temps.floatScalar(0f)));
            TFE_TensorHandle scaled = temps.add(run("Mul", alpha, negative));
            out = run("AddV2", positive, scaled);
        }
        Shape xShape = context.shape(x);
        if (!context.shape(out).equals(xShape)) {
            context.delete(out);
            throw new BackendException("prelu: alpha " + context.shape(alpha) + " does not broadcast onto x " + xShape
                    + "; give one slope per channel (the last axis) or a single slope");
        }
        return out;
    }

    public TFE_TensorHandle softmax(TFE_TensorHandle logits) {
        return run("Softmax", logits);
    }

    /** TensorFlow {@code Cast} to {@code tfType} (float to int truncates toward zero). */
    public TFE_TensorHandle cast(TFE_TensorHandle x, int tfType) {
        try (EagerOp op = context.op("Cast")) {
            return op.input(x).attrType("DstT", tfType).attr("Truncate", false).executeOne();
        }
    }

    /** {@code condition ? whenTrue : whenFalse} with broadcasting ({@code SelectV2}). */
    public TFE_TensorHandle select(TFE_TensorHandle condition, TFE_TensorHandle whenTrue, TFE_TensorHandle whenFalse) {
        return run("SelectV2", condition, whenTrue, whenFalse);
    }
}
