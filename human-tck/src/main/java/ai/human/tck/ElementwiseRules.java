package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.BinaryOp;
import ai.human.backend.UnaryOp;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules {@code OP-EW-*}: element-wise ops, broadcasting, casts; expected values are worked out by hand. */
abstract class ElementwiseRules extends RuleGroup {

    ElementwiseRules(BackendCompatibilityKit kit) {
        super(kit, Capability.OPS_CORE, true);
    }

    @Test
    @DisplayName("OP-EW-01 binary arithmetic on FLOAT32: ADD, SUB, MUL, DIV, MINIMUM, MAXIMUM, SQUARED_DIFFERENCE")
    void floatArithmetic() {
        float[] a = {1.5f, -2, 3, 0.25f};
        float[] b = {0.5f, 4, -3, -0.5f};
        Object[][] expected = {
            {BinaryOp.ADD, new float[] {2, 2, 0, -0.25f}},
            {BinaryOp.SUB, new float[] {1, -6, 6, 0.75f}},
            {BinaryOp.MUL, new float[] {0.75f, -8, -9, -0.125f}},
            {BinaryOp.DIV, new float[] {3, -0.5f, -1, -0.5f}},
            {BinaryOp.MINIMUM, new float[] {0.5f, -2, -3, -0.5f}},
            {BinaryOp.MAXIMUM, new float[] {1.5f, 4, 3, 0.25f}},
            {BinaryOp.SQUARED_DIFFERENCE, new float[] {1, 36, 36, 0.5625f}},
        };
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(a, 4);
            Tensor y = t.floats(b, 4);
            for (Object[] e : expected) {
                BinaryOp op = (BinaryOp) e[0];
                check("OP-EW-01", op + " of [1.5, -2, 3, 0.25] and [0.5, 4, -3, -0.5]", "element-wise float math, a op b "
                        + "in that order", t.result(backend.binary(op, x, y))).shape(4).floats((float[]) e[1]);
            }
        }
    }

    @Test
    @DisplayName("OP-EW-02 binary ops broadcast as NumPy/TensorFlow: aligned at the end, size-1 and missing axes stretch")
    void broadcasting() {
        String hint = "align shapes at the last axis; an axis of size 1 (or a missing one) repeats";
        try (TestTensors t = tensors()) {
            Tensor a = t.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 1, 3);
            Tensor b = t.floats(new float[] {10, 20}, 2, 1);
            check("OP-EW-02", "ADD of [2, 1, 3] and [2, 1]", hint, t.result(backend.binary(BinaryOp.ADD, a, b)))
                    .shape(2, 2, 3).floats(11, 12, 13, 21, 22, 23, 14, 15, 16, 24, 25, 26);
            Tensor row = t.floats(new float[] {1, 2, 3}, 3);
            Tensor matrix = t.floats(new float[] {10, 20, 30, 40, 50, 60}, 2, 3);
            check("OP-EW-02", "SUB of [3] and [2, 3]", hint, t.result(backend.binary(BinaryOp.SUB, row, matrix)))
                    .shape(2, 3).floats(-9, -18, -27, -39, -48, -57);
            Tensor ten = t.scalar(10f);
            check("OP-EW-02", "SUB of a scalar 10 and [3]", hint, t.result(backend.binary(BinaryOp.SUB, ten, row)))
                    .shape(3).floats(9, 8, 7);
            check("OP-EW-02", "DIV of [3] and a scalar 10", hint, t.result(backend.binary(BinaryOp.DIV, row, ten)))
                    .shape(3).floats(0.1f, 0.2f, 0.3f);
            Tensor column = t.floats(new float[] {1, 2}, 2, 1);
            Tensor line = t.floats(new float[] {3, 4, 5}, 1, 3);
            check("OP-EW-02", "MUL of [2, 1] and [1, 3]", hint, t.result(backend.binary(BinaryOp.MUL, column, line)))
                    .shape(2, 3).floats(3, 4, 5, 6, 8, 10);
        }
    }

    @Test
    @DisplayName("OP-EW-03 FLOOR_DIV and FLOOR_MOD round toward negative infinity, for FLOAT32 and INT32")
    void floorDivisionAndModulo() {
        String hint = "floor, not truncation: -7 floordiv 2 = -4 and -7 floormod 2 = 1; the remainder takes the sign of "
                + "the divisor";
        try (TestTensors t = tensors()) {
            Tensor a = t.floats(new float[] {7, -7, 7, -7, 5.5f, -0.5f}, 6);
            Tensor b = t.floats(new float[] {2, 2, -2, -2, 2, 3}, 6);
            check("OP-EW-03", "FLOAT32 FLOOR_DIV", hint, t.result(backend.binary(BinaryOp.FLOOR_DIV, a, b)))
                    .shape(6).floats(3, -4, -4, 3, 2, -1);
            check("OP-EW-03", "FLOAT32 FLOOR_MOD", hint, t.result(backend.binary(BinaryOp.FLOOR_MOD, a, b)))
                    .shape(6).floats(1, 1, -1, -1, 1.5f, 2.5f);
            Tensor i = t.ints(new int[] {7, -7, 7, -7, 6, 0}, 6);
            Tensor j = t.ints(new int[] {2, 2, -2, -2, 3, 5}, 6);
            check("OP-EW-03", "INT32 FLOOR_DIV", hint, t.result(backend.binary(BinaryOp.FLOOR_DIV, i, j)))
                    .dtype(DType.INT32).shape(6).ints(3, -4, -4, 3, 2, 0);
            check("OP-EW-03", "INT32 FLOOR_MOD", hint, t.result(backend.binary(BinaryOp.FLOOR_MOD, i, j)))
                    .dtype(DType.INT32).shape(6).ints(1, 1, -1, -1, 0, 0);
        }
    }

    @Test
    @DisplayName("OP-EW-04 comparisons and LOGICAL_AND return BOOL (0/1); UINT8 compares unsigned")
    void comparisonsReturnBool() {
        String hint = "comparison results are BOOL tensors of 0 and 1, whatever the operand dtype";
        try (TestTensors t = tensors()) {
            Tensor a = t.floats(new float[] {1, 2, 3}, 3);
            Tensor b = t.floats(new float[] {2, 2, 2}, 3);
            check("OP-EW-04", "FLOAT32 EQUAL", hint, t.result(backend.binary(BinaryOp.EQUAL, a, b))).shape(3).bools(0, 1, 0);
            check("OP-EW-04", "FLOAT32 GREATER", hint, t.result(backend.binary(BinaryOp.GREATER, a, b))).bools(0, 0, 1);
            check("OP-EW-04", "FLOAT32 GREATER_EQUAL", hint, t.result(backend.binary(BinaryOp.GREATER_EQUAL, a, b)))
                    .bools(0, 1, 1);
            check("OP-EW-04", "FLOAT32 LESS", hint, t.result(backend.binary(BinaryOp.LESS, a, b))).bools(1, 0, 0);
            Tensor i = t.ints(new int[] {-5, 0, 5}, 3);
            Tensor zero = t.ints(new int[] {0}, 1);
            check("OP-EW-04", "INT32 GREATER with broadcasting", hint, t.result(backend.binary(BinaryOp.GREATER, i, zero)))
                    .shape(3).bools(0, 0, 1);
            Tensor u = t.uint8(new int[] {0, 200, 255}, 3);
            Tensor v = t.uint8(new int[] {200, 200, 100}, 3);
            check("OP-EW-04", "UINT8 GREATER of [0, 200, 255] and [200, 200, 100]", hint + "; UINT8 is unsigned (200 > 100)",
                    t.result(backend.binary(BinaryOp.GREATER, u, v))).bools(0, 0, 1);
            check("OP-EW-04", "UINT8 EQUAL", hint, t.result(backend.binary(BinaryOp.EQUAL, u, v))).bools(0, 1, 0);
            Tensor p = t.bools(new int[] {1, 1, 0, 0}, 4);
            Tensor q = t.bools(new int[] {1, 0, 1, 0}, 4);
            check("OP-EW-04", "LOGICAL_AND", hint, t.result(backend.binary(BinaryOp.LOGICAL_AND, p, q))).shape(4)
                    .bools(1, 0, 0, 0);
        }
    }

    @Test
    @DisplayName("OP-EW-05 INT32 arithmetic stays INT32 and exact, beyond float precision too")
    void intArithmetic() {
        String hint = "compute INT32 in integers; going through float32 loses precision above 2^24";
        try (TestTensors t = tensors()) {
            Tensor a = t.ints(new int[] {1000, -3, 7, 16_777_217}, 4);
            Tensor b = t.ints(new int[] {3000, 5, -2, 1}, 4);
            check("OP-EW-05", "INT32 ADD", hint, t.result(backend.binary(BinaryOp.ADD, a, b)))
                    .dtype(DType.INT32).shape(4).ints(4000, 2, 5, 16_777_218);
            check("OP-EW-05", "INT32 SUB", hint, t.result(backend.binary(BinaryOp.SUB, a, b)))
                    .dtype(DType.INT32).ints(-2000, -8, 9, 16_777_216);
            check("OP-EW-05", "INT32 MUL", hint, t.result(backend.binary(BinaryOp.MUL, a, b)))
                    .dtype(DType.INT32).ints(3_000_000, -15, -14, 16_777_217);
            check("OP-EW-05", "INT32 MAXIMUM", hint, t.result(backend.binary(BinaryOp.MAXIMUM, a, b)))
                    .dtype(DType.INT32).ints(3000, 5, 7, 16_777_217);
            check("OP-EW-05", "INT32 MINIMUM", hint, t.result(backend.binary(BinaryOp.MINIMUM, a, b)))
                    .dtype(DType.INT32).ints(1000, -3, -2, 1);
            Tensor p = t.ints(new int[] {7, 9, 100}, 3);
            Tensor q = t.ints(new int[] {2, 3, 7}, 3);
            check("OP-EW-05", "INT32 DIV of non-negative values", hint + "; integer DIV truncates",
                    t.result(backend.binary(BinaryOp.DIV, p, q))).dtype(DType.INT32).ints(3, 3, 14);
        }
    }

    @Test
    @DisplayName("OP-EW-06 unary ops: RELU, RELU6, SIGMOID, EXP, SQRT, RECIPROCAL")
    void unaryOps() {
        float[] x = {-2, -0.5f, 0, 0.5f, 3, 7};
        float[] sigmoid = new float[x.length];
        float[] exp = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            sigmoid[i] = (float) (1 / (1 + Math.exp(-x[i])));
            exp[i] = (float) Math.exp(x[i]);
        }
        try (TestTensors t = tensors()) {
            Tensor in = t.floats(x, 2, 3);
            check("OP-EW-06", "RELU", "max(x, 0)", t.result(backend.unary(UnaryOp.RELU, in))).shape(2, 3)
                    .floats(0, 0, 0, 0.5f, 3, 7);
            check("OP-EW-06", "RELU6", "min(max(x, 0), 6)", t.result(backend.unary(UnaryOp.RELU6, in))).floats(0, 0, 0, 0.5f, 3, 6);
            check("OP-EW-06", "SIGMOID", "1 / (1 + exp(-x))", t.result(backend.unary(UnaryOp.SIGMOID, in))).floats(sigmoid);
            check("OP-EW-06", "EXP", "e^x", t.result(backend.unary(UnaryOp.EXP, in))).floats(exp);
            Tensor positive = t.floats(new float[] {0, 0.25f, 1, 2, 9}, 5);
            check("OP-EW-06", "SQRT", "square root", t.result(backend.unary(UnaryOp.SQRT, positive)))
                    .floats(0, 0.5f, 1, (float) Math.sqrt(2), 3);
            Tensor nonZero = t.floats(new float[] {-2, 0.5f, 4, 0}, 4);
            check("OP-EW-06", "RECIPROCAL", "1 / x, and 1 / 0 = +infinity",
                    t.result(backend.unary(UnaryOp.RECIPROCAL, nonZero))).floats(-0.5f, 2, 0.25f, Float.POSITIVE_INFINITY);
        }
    }

    @Test
    @DisplayName("OP-EW-07 prelu is max(x, 0) + alpha * min(x, 0) with alpha over the last axis")
    void prelu() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {-1, 2, -3, 4, -5, 0}, 2, 3);
            Tensor alpha = t.floats(new float[] {0.1f, 0.2f, 0.3f}, 3);
            check("OP-EW-07", "prelu of [[-1, 2, -3], [4, -5, 0]] with alpha [0.1, 0.2, 0.3]",
                    "alpha[c] multiplies the negative values of channel c (the last axis)",
                    t.result(backend.prelu(x, alpha))).shape(2, 3).floats(-0.1f, 2, -0.9f, 4, -1, 0);
        }
    }

    @Test
    @DisplayName("OP-EW-08 softmax over the last axis: exp(x) / sum(exp(x)), stable for large logits")
    void softmax() {
        String hint = "subtract the row maximum before exp, normalize over the last axis only";
        try (TestTensors t = tensors()) {
            Tensor logits = t.floats(new float[] {0, (float) Math.log(2), (float) Math.log(3), 1000, 1000, 1000}, 2, 3);
            check("OP-EW-08", "softmax of [[0, ln 2, ln 3], [1000, 1000, 1000]]", hint,
                    t.result(backend.softmax(logits))).shape(2, 3).floats(1 / 6f, 2 / 6f, 3 / 6f, 1 / 3f, 1 / 3f, 1 / 3f);
            Golden.Case c = Golden.get("softmax.rows");
            Tensor rows = t.golden(c.input("x"));
            check("OP-EW-08", "softmax of golden case softmax.rows (TensorFlow.js)", hint, t.result(backend.softmax(rows)))
                    .shape(c.expected().shape()).floats(c.expected().values());
        }
    }

    @Test
    @DisplayName("OP-EW-09 cast: float to int truncates toward zero, to BOOL tests non-zero, UINT8 is unsigned")
    void cast() {
        String hint = "TensorFlow's Cast: float to int truncates toward zero (-1.7 -> -1), non-zero -> true";
        try (TestTensors t = tensors()) {
            Tensor f = t.floats(new float[] {-1.7f, -0.5f, 0, 0.5f, 1.7f, 2.5f}, 6);
            check("OP-EW-09", "FLOAT32 -> INT32", hint, t.result(backend.cast(f, DType.INT32)))
                    .dtype(DType.INT32).shape(6).ints(-1, 0, 0, 0, 1, 2);
            check("OP-EW-09", "FLOAT32 -> BOOL", hint, t.result(backend.cast(f, DType.BOOL))).bools(1, 1, 0, 1, 1, 1);
            Tensor i = t.ints(new int[] {-3, 0, 7}, 3);
            check("OP-EW-09", "INT32 -> FLOAT32", hint, t.result(backend.cast(i, DType.FLOAT32))).floats(-3, 0, 7);
            check("OP-EW-09", "INT32 -> BOOL", hint, t.result(backend.cast(i, DType.BOOL))).bools(1, 0, 1);
            Tensor u = t.uint8(new int[] {0, 128, 255}, 3);
            check("OP-EW-09", "UINT8 -> INT32", hint + "; UINT8 is unsigned", t.result(backend.cast(u, DType.INT32)))
                    .dtype(DType.INT32).ints(0, 128, 255);
            check("OP-EW-09", "UINT8 -> FLOAT32", hint + "; UINT8 is unsigned", t.result(backend.cast(u, DType.FLOAT32)))
                    .floats(0, 128, 255);
            Tensor b = t.bools(new int[] {1, 0}, 2);
            check("OP-EW-09", "BOOL -> FLOAT32", hint, t.result(backend.cast(b, DType.FLOAT32))).floats(1, 0);
            check("OP-EW-09", "BOOL -> INT32", hint, t.result(backend.cast(b, DType.INT32))).dtype(DType.INT32).ints(1, 0);
            Tensor small = t.ints(new int[] {0, 17, 255}, 3);
            check("OP-EW-09", "INT32 -> UINT8", hint, t.result(backend.cast(small, DType.UINT8)))
                    .dtype(DType.UINT8).ints(0, 17, 255);
            Tensor pixels = t.floats(new float[] {0, 1.9f, 254.6f}, 3);
            check("OP-EW-09", "FLOAT32 -> UINT8", hint, t.result(backend.cast(pixels, DType.UINT8)))
                    .dtype(DType.UINT8).ints(0, 1, 254);
            check("OP-EW-09", "FLOAT32 -> FLOAT32", "a cast to the same dtype is a copy",
                    t.result(backend.cast(f, DType.FLOAT32))).floats(-1.7f, -0.5f, 0, 0.5f, 1.7f, 2.5f);
        }
    }

    @Test
    @DisplayName("OP-EW-10 select picks whenTrue where the BOOL condition is 1, with broadcasting of all three")
    void select() {
        String hint = "TensorFlow SelectV2: condition, whenTrue and whenFalse broadcast together";
        try (TestTensors t = tensors()) {
            Tensor condition = t.bools(new int[] {1, 0}, 2, 1);
            Tensor yes = t.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Tensor no = t.floats(new float[] {-1, -2, -3}, 3);
            check("OP-EW-10", "select([[1], [0]], [[1, 2, 3], [4, 5, 6]], [-1, -2, -3])", hint,
                    t.result(backend.select(condition, yes, no))).shape(2, 3).floats(1, 2, 3, -1, -2, -3);
            Tensor flags = t.bools(new int[] {0, 1, 1}, 3);
            Tensor a = t.ints(new int[] {10, 20, 30}, 3);
            Tensor b = t.ints(new int[] {-10, -20, -30}, 3);
            check("OP-EW-10", "select of INT32 branches", hint, t.result(backend.select(flags, a, b)))
                    .dtype(DType.INT32).shape(3).ints(-10, 20, 30);
        }
    }

    @Test
    @DisplayName("OP-EW-11 empty tensors and scalars go through element-wise ops with the right shapes")
    void emptyAndScalar() {
        String hint = "an axis of size 0 is valid everywhere; a rank-0 tensor stays rank 0";
        try (TestTensors t = tensors()) {
            Tensor empty = t.floats(new float[0], 0, 3);
            Tensor row = t.floats(new float[] {1, 2, 3}, 3);
            check("OP-EW-11", "ADD of [0, 3] and [3]", hint, t.result(backend.binary(BinaryOp.ADD, empty, row)))
                    .shape(0, 3).floats();
            check("OP-EW-11", "RELU of [0, 3]", hint, t.result(backend.unary(UnaryOp.RELU, empty))).shape(0, 3).floats();
            check("OP-EW-11", "cast of [0, 3] to INT32", hint, t.result(backend.cast(empty, DType.INT32)))
                    .dtype(DType.INT32).shape(0, 3).ints();
            Tensor s = t.scalar(-4f);
            Tensor u = t.scalar(2.5f);
            Tensor sum = t.result(backend.binary(BinaryOp.MUL, s, u));
            check("OP-EW-11", "MUL of two scalars", hint, sum).shape().floats(-10);
            check("OP-EW-11", "RELU of a scalar", hint, t.result(backend.unary(UnaryOp.RELU, s))).shape().floats(0);
            check("OP-EW-11", "comparison of two scalars", hint, t.result(backend.binary(BinaryOp.LESS, s, u)))
                    .shape().bools(1);
            assertThat(sum.toFloat()).as("[OP-EW-11] toFloat() of a scalar result").isEqualTo(-10f);
        }
    }
}
