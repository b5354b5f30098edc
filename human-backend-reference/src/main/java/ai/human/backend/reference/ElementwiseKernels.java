package ai.human.backend.reference;

import ai.human.backend.BackendException;
import ai.human.backend.BinaryOp;
import ai.human.backend.UnaryOp;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;

/** Element-wise kernels: binary ops with broadcasting, unary ops, prelu, softmax, cast and select. */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    static Values binary(BinaryOp op, Values a, Values b) {
        if (a.dtype() != b.dtype()) {
            throw new BackendException(op + ": operands have different dtypes " + a.dtype() + " and " + b.dtype()
                    + "; cast one of them first");
        }
        DType dtype = a.dtype();
        if (op == BinaryOp.LOGICAL_AND && dtype != DType.BOOL) {
            throw new BackendException("LOGICAL_AND needs BOOL operands, got " + dtype);
        }
        if (dtype == DType.BOOL && op != BinaryOp.LOGICAL_AND && op != BinaryOp.EQUAL) {
            throw new BackendException(op + " is not defined for BOOL operands; cast them to INT32 or FLOAT32");
        }
        Shape shape = Indexing.broadcastShape(a.shape(), b.shape());
        int[] ia = Indexing.broadcastSources(a.shape(), shape);
        int[] ib = Indexing.broadcastSources(b.shape(), shape);
        Values out = Values.allocate(op.isComparison() ? DType.BOOL : dtype, shape);
        for (int i = 0; i < ia.length; i++) {
            double x = a.get(ia[i]);
            double y = b.get(ib[i]);
            if (op.isComparison()) {
                out.set(i, compare(op, x, y) ? 1 : 0);
            } else if (dtype == DType.FLOAT32) {
                out.floatData()[i] = floatOp(op, (float) x, (float) y);
            } else {
                out.set(i, intOp(op, (int) x, (int) y));
            }
        }
        return out;
    }

    private static boolean compare(BinaryOp op, double x, double y) {
        return switch (op) {
            case EQUAL -> x == y;
            case GREATER -> x > y;
            case GREATER_EQUAL -> x >= y;
            case LESS -> x < y;
            case LOGICAL_AND -> x != 0 && y != 0;
            default -> throw new IllegalArgumentException(op + " is not a comparison");
        };
    }

    private static float floatOp(BinaryOp op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case FLOOR_DIV -> (float) Math.floor(x / y);
            case FLOOR_MOD -> floorMod(x, y);
            case MINIMUM -> Math.min(x, y);
            case MAXIMUM -> Math.max(x, y);
            case SQUARED_DIFFERENCE -> (x - y) * (x - y);
            default -> throw new IllegalArgumentException(op + " is a comparison");
        };
    }

    /** TensorFlow's FloorMod for floats: the remainder takes the sign of the divisor. */
    private static float floorMod(float x, float y) {
        float remainder = x % y;
        return remainder != 0 && (remainder < 0) != (y < 0) ? remainder + y : remainder;
    }

    /** Integer ops; DIV truncates toward zero as TensorFlow's integer {@code Div}, FLOOR_* round toward -inf. */
    private static int intOp(BinaryOp op, int x, int y) {
        if (y == 0 && (op == BinaryOp.DIV || op == BinaryOp.FLOOR_DIV || op == BinaryOp.FLOOR_MOD)) {
            throw new BackendException(op + ": integer division by zero");
        }
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case FLOOR_DIV -> Math.floorDiv(x, y);
            case FLOOR_MOD -> Math.floorMod(x, y);
            case MINIMUM -> Math.min(x, y);
            case MAXIMUM -> Math.max(x, y);
            case SQUARED_DIFFERENCE -> (x - y) * (x - y);
            default -> throw new IllegalArgumentException(op + " is a comparison");
        };
    }

    static Values unary(UnaryOp op, Values x) {
        requireFloat(x, op.name());
        float[] in = x.floatData();
        Values out = Values.allocate(DType.FLOAT32, x.shape());
        float[] result = out.floatData();
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            result[i] = switch (op) {
                case RELU -> v > 0 ? v : 0f;
                case RELU6 -> Math.min(Math.max(v, 0f), 6f);
                case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-v)));
                case EXP -> (float) Math.exp(v);
                case SQRT -> (float) Math.sqrt(v);
                case RECIPROCAL -> 1f / v;
            };
        }
        return out;
    }

    /** {@code max(x, 0) + alpha * min(x, 0)}; alpha broadcasts onto x (usually a vector over the last axis). */
    static Values prelu(Values x, Values alpha) {
        requireFloat(x, "prelu");
        Shape shape = Indexing.broadcastShape(x.shape(), alpha.shape());
        if (!shape.equals(x.shape())) {
            throw new BackendException("prelu: alpha " + alpha.shape() + " must broadcast onto x " + x.shape());
        }
        int[] slope = Indexing.broadcastSources(alpha.shape(), shape);
        Values out = Values.allocate(DType.FLOAT32, shape);
        for (int i = 0; i < slope.length; i++) {
            float v = x.floatData()[i];
            out.floatData()[i] = v >= 0 ? v : (float) alpha.get(slope[i]) * v;
        }
        return out;
    }

    /** Softmax over the last axis, with the maximum subtracted first so large logits do not overflow. */
    static Values softmax(Values logits) {
        requireFloat(logits, "softmax");
        if (logits.shape().rank() == 0) {
            throw new BackendException("softmax needs a tensor of rank 1 or more, got a scalar");
        }
        int depth = logits.shape().dim(-1);
        float[] in = logits.floatData();
        Values out = Values.allocate(DType.FLOAT32, logits.shape());
        for (int row = 0; depth > 0 && row < in.length / depth; row++) {
            int base = row * depth;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < depth; j++) {
                max = Math.max(max, in[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < depth; j++) {
                sum += Math.exp(in[base + j] - max);
            }
            for (int j = 0; j < depth; j++) {
                out.floatData()[base + j] = (float) (Math.exp(in[base + j] - max) / sum);
            }
        }
        return out;
    }

    /** TensorFlow's {@code Cast}: float to int truncates toward zero, to uint8 keeps the low 8 bits, to bool tests != 0. */
    static Values cast(Values x, DType dtype) {
        Values out = Values.allocate(dtype, x.shape());
        for (int i = 0; i < x.size(); i++) {
            double v = x.get(i);
            out.set(i, dtype == DType.UINT8 ? (double) ((int) v & 0xff) : v);
        }
        return out;
    }

    /** {@code condition ? whenTrue : whenFalse} with all three broadcast together (TensorFlow {@code SelectV2}). */
    static Values select(Values condition, Values whenTrue, Values whenFalse) {
        if (condition.dtype() != DType.BOOL) {
            throw new BackendException("select: the condition must be BOOL, got " + condition.dtype());
        }
        if (whenTrue.dtype() != whenFalse.dtype()) {
            throw new BackendException("select: both branches need the same dtype, got " + whenTrue.dtype() + " and "
                    + whenFalse.dtype());
        }
        Shape shape = Indexing.broadcastShape(condition.shape(),
                Indexing.broadcastShape(whenTrue.shape(), whenFalse.shape()));
        int[] ic = Indexing.broadcastSources(condition.shape(), shape);
        int[] it = Indexing.broadcastSources(whenTrue.shape(), shape);
        int[] iff = Indexing.broadcastSources(whenFalse.shape(), shape);
        Values out = Values.allocate(whenTrue.dtype(), shape);
        for (int i = 0; i < ic.length; i++) {
            Values from = condition.byteData()[ic[i]] != 0 ? whenTrue : whenFalse;
            System.arraycopy(from.data(), from == whenTrue ? it[i] : iff[i], out.data(), i, 1);
        }
        return out;
    }

    static void requireFloat(Values x, String op) {
        if (x.dtype() != DType.FLOAT32) {
            throw new BackendException(op + " needs a FLOAT32 tensor, got " + x.dtype() + x.shape() + "; cast it first");
        }
    }
}
