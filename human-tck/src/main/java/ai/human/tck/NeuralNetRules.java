package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.Activation;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.WeightUse;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules {@code OP-CONV-*}, {@code OP-POOL-*}, {@code OP-MM-*}: NHWC convolutions with TensorFlow's padding, pooling
 * and matrix products. Hand-computed cases first, then golden cases from TensorFlow.js ({@link Golden}).
 */
abstract class NeuralNetRules extends RuleGroup {
    private static final String HINT_SAME = "TensorFlow SAME padding: out = ceil(in / stride), pad_total = "
            + "max((out - 1) * stride + k - in, 0), pad_before = pad_total / 2 (rounded down), the extra row/column at the "
            + "bottom/right; symmetric padding (PyTorch style) is wrong";
    private static final String HINT_LAYOUT = "input NHWC, filter [h, w, in, out] (HWIO); depthwise filter "
            + "[h, w, in, multiplier] with output channel c * multiplier + m";
    private static final String HINT_FUSED = "fused epilogue: activation(conv + bias[c]); RELU6 clips at 6, PRELU "
            + "multiplies negatives by alpha[c]";

    NeuralNetRules(BackendCompatibilityKit kit) {
        super(kit, Capability.OPS_CORE, true);
    }

    private static float[] range(int from, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + i;
        }
        return values;
    }

    private static float[] ones(int count) {
        float[] values = new float[count];
        Arrays.fill(values, 1f);
        return values;
    }

    @Test
    @DisplayName("OP-CONV-01 conv2d with VALID padding, stride 1 and 2")
    void convValid() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(range(1, 9), 1, 3, 3, 1);
            Tensor w = t.floats(new float[] {1, 2, 3, 4}, 2, 2, 1, 1);
            // out[y][x] = 1*in[y][x] + 2*in[y][x+1] + 3*in[y+1][x] + 4*in[y+1][x+1] over the image 1..9
            check("OP-CONV-01", "conv2d VALID of 1..9 (3x3) with filter [[1, 2], [3, 4]]", HINT_LAYOUT,
                    t.result(backend.conv2d(x, w, ConvSpec.of(1, Padding.VALID), Fused.NONE))).shape(1, 2, 2, 1)
                    .floats(37, 47, 67, 77);
        }
        golden("OP-CONV-01", "conv2d.valid.stride2", HINT_LAYOUT);
    }

    @Test
    @DisplayName("OP-CONV-02 conv2d SAME pads asymmetrically: the extra row/column goes at the bottom/right")
    void convSameAsymmetric() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(range(1, 16), 1, 4, 4, 1);
            Tensor w = t.floats(ones(9), 3, 3, 1, 1);
            // 4x4 image 1..16, 3x3 box filter, stride 2: pad_total = 1 -> 0 rows above, 1 below (same for columns).
            // out[0][0] = 1+2+3+5+6+7+9+10+11 = 54; out[0][1] = 3+4+7+8+11+12 = 45;
            // out[1][0] = 9+10+11+13+14+15 = 72; out[1][1] = 11+12+15+16 = 54. Symmetric padding would give 14 first.
            check("OP-CONV-02", "conv2d SAME stride 2 of a 4x4 image 1..16 with a 3x3 box filter", HINT_SAME,
                    t.result(backend.conv2d(x, w, ConvSpec.of(2, Padding.SAME), Fused.NONE))).shape(1, 2, 2, 1)
                    .floats(54, 45, 72, 54);
        }
        golden("OP-CONV-02", "conv2d.same.stride2.even", HINT_SAME);
        golden("OP-CONV-02", "conv2d.same.stride1.evenKernel", HINT_SAME);
        golden("OP-CONV-02", "conv2d.same.stride2x1", HINT_SAME);
    }

    @Test
    @DisplayName("OP-CONV-03 conv2d SAME with odd input sizes and stride 2")
    void convSameOdd() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(range(1, 25), 1, 5, 5, 1);
            Tensor w = t.floats(ones(9), 3, 3, 1, 1);
            // 5x5 image 1..25, 3x3 box filter, stride 2: out 3x3, pad_total = 2 -> one row/column on each side.
            check("OP-CONV-03", "conv2d SAME stride 2 of a 5x5 image 1..25 with a 3x3 box filter", HINT_SAME,
                    t.result(backend.conv2d(x, w, ConvSpec.of(2, Padding.SAME), Fused.NONE))).shape(1, 3, 3, 1)
                    .floats(16, 33, 28, 69, 117, 87, 76, 123, 88);
        }
        golden("OP-CONV-03", "conv2d.same.stride2.odd", HINT_SAME);
    }

    @Test
    @DisplayName("OP-CONV-04 fused conv2d epilogues: bias + RELU, RELU6 and PRELU")
    void convFused() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {1, -2, 3, -4}, 1, 2, 2, 1);
            Tensor w = t.floats(new float[] {1, -1, 2}, 1, 1, 1, 3);
            Tensor bias = t.floats(new float[] {0.5f, 0, 1}, 3);
            Tensor alpha = t.floats(new float[] {0.1f, 0.2f, 0.3f}, 3);
            // 1x1 conv: channel k = x * w[k] + bias[k]; x = 1, -2, 3, -4 gives
            // pre-activation [1.5, -1, 3], [-1.5, 2, -3], [3.5, -3, 7], [-3.5, 4, -7]
            check("OP-CONV-04", "1x1 conv2d + bias + RELU", HINT_FUSED,
                    t.result(backend.conv2d(x, w, ConvSpec.of(1, Padding.VALID), Fused.of(bias, Activation.RELU))))
                    .shape(1, 2, 2, 3).floats(1.5f, 0, 3, 0, 2, 0, 3.5f, 0, 7, 0, 4, 0);
            check("OP-CONV-04", "1x1 conv2d + bias + RELU6", HINT_FUSED,
                    t.result(backend.conv2d(x, w, ConvSpec.of(1, Padding.VALID), Fused.of(bias, Activation.RELU6))))
                    .floats(1.5f, 0, 3, 0, 2, 0, 3.5f, 0, 6, 0, 4, 0);
            check("OP-CONV-04", "1x1 conv2d + bias + PRELU", HINT_FUSED,
                    t.result(backend.conv2d(x, w, ConvSpec.of(1, Padding.VALID), Fused.prelu(bias, alpha))))
                    .floats(1.5f, -0.2f, 3, -0.15f, 2, -0.9f, 3.5f, -0.6f, 7, -0.35f, 4, -2.1f);
            check("OP-CONV-04", "1x1 conv2d + bias only", HINT_FUSED,
                    t.result(backend.conv2d(x, w, ConvSpec.of(1, Padding.VALID), Fused.bias(bias))))
                    .floats(1.5f, -1, 3, -1.5f, 2, -3, 3.5f, -3, 7, -3.5f, 4, -7);
        }
        golden("OP-CONV-04", "conv2d.fused.biasRelu", HINT_FUSED);
        golden("OP-CONV-04", "conv2d.fused.biasRelu6", HINT_FUSED);
        golden("OP-CONV-04", "conv2d.fused.biasPrelu", HINT_FUSED);
    }

    @Test
    @DisplayName("OP-CONV-05 depthwiseConv2d: per-channel filters with a multiplier, SAME and VALID, fused")
    void depthwise() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, 1, 2, 2, 2);
            // filter [2, 2, 2, 1]: channel 0 sums its 2x2 window, channel 1 takes top-left minus bottom-right
            Tensor w = t.floats(new float[] {1, 1, 1, 0, 1, 0, 1, -1}, 2, 2, 2, 1);
            check("OP-CONV-05", "depthwise VALID 2x2 of channels [1, 2, 3, 4] and [10, 20, 30, 40]", HINT_LAYOUT,
                    t.result(backend.depthwiseConv2d(x, w, ConvSpec.of(1, Padding.VALID), Fused.NONE))).shape(1, 1, 1, 2)
                    .floats(10, -30);
        }
        golden("OP-CONV-05", "depthwise.same.stride2.multiplier2", HINT_LAYOUT + "; " + HINT_SAME);
        golden("OP-CONV-05", "depthwise.same.stride2.odd.biasRelu6", HINT_FUSED + "; " + HINT_SAME);
        golden("OP-CONV-05", "depthwise.valid.stride1", HINT_LAYOUT);
    }

    @Test
    @DisplayName("OP-CONV-06 weight() keeps the TensorFlow shape and values and works as a conv2d/depthwise filter")
    void weights() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(range(1, 9), 1, 3, 3, 1);
            Tensor w = t.result(backend.weight(new float[] {1, 2, 3, 4}, Shape.of(2, 2, 1, 1), WeightUse.CONV2D_FILTER));
            assertThat(w.shape()).as("[OP-CONV-06] shape of a CONV2D_FILTER weight. Hint: report the TensorFlow shape "
                    + "given, whatever layout the engine keeps").isEqualTo(Shape.of(2, 2, 1, 1));
            assertThat(w.toFloats()).as("[OP-CONV-06] values of a CONV2D_FILTER weight, in HWIO order")
                    .containsExactly(1, 2, 3, 4);
            check("OP-CONV-06", "conv2d VALID with a CONV2D_FILTER weight", HINT_LAYOUT,
                    t.result(backend.conv2d(x, w, ConvSpec.of(1, Padding.VALID), Fused.NONE))).shape(1, 2, 2, 1)
                    .floats(37, 47, 67, 77);
            Tensor image = t.floats(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, 1, 2, 2, 2);
            Tensor dw = t.result(backend.weight(new float[] {1, 1, 1, 0, 1, 0, 1, -1}, Shape.of(2, 2, 2, 1),
                    WeightUse.DEPTHWISE_FILTER));
            assertThat(dw.toFloats()).as("[OP-CONV-06] values of a DEPTHWISE_FILTER weight, in [h, w, in, m] order")
                    .containsExactly(1, 1, 1, 0, 1, 0, 1, -1);
            check("OP-CONV-06", "depthwise VALID with a DEPTHWISE_FILTER weight", HINT_LAYOUT,
                    t.result(backend.depthwiseConv2d(image, dw, ConvSpec.of(1, Padding.VALID), Fused.NONE)))
                    .floats(10, -30);
        }
    }

    @Test
    @DisplayName("OP-POOL-01 maxPool with SAME padding ignores the padded positions (they are not zeros)")
    void maxPoolSame() {
        String hint = "take the max over the window positions inside the image only; padding with 0 is wrong for "
                + "negative inputs";
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9}, 1, 3, 3, 1);
            // 2x2 windows, stride 2 on 3x3: pad_total = 1, all of it at the bottom/right
            check("OP-POOL-01", "maxPool 2x2 SAME stride 2 of -1..-9 (3x3)", hint + "; " + HINT_SAME,
                    t.result(backend.maxPool(x, 2, 2, ConvSpec.of(2, Padding.SAME)))).shape(1, 2, 2, 1)
                    .floats(-1, -3, -7, -9);
        }
        golden("OP-POOL-01", "maxPool.same.stride2.odd", hint);
        golden("OP-POOL-01", "maxPool.same.stride2.even", hint);
    }

    @Test
    @DisplayName("OP-POOL-02 maxPool with VALID padding")
    void maxPoolValid() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {1, 5, 2, 0, 3, 4, 9, 8, 7, 6, 1, 2, 0, 0, 3, 3}, 1, 4, 4, 1);
            check("OP-POOL-02", "maxPool 2x2 VALID stride 2 of a 4x4 image", "windows start at 0, no padding",
                    t.result(backend.maxPool(x, 2, 2, ConvSpec.of(2, Padding.VALID)))).shape(1, 2, 2, 1).floats(5, 9, 7, 3);
        }
        golden("OP-POOL-02", "maxPool.valid.stride2", "windows start at 0, no padding");
    }

    @Test
    @DisplayName("OP-MM-01 matMul with every combination of transposeA and transposeB")
    void matMulTransposes() {
        String hint = "transposeA/B transpose the operand before multiplying; [m, k] x [k, n] -> [m, n]";
        try (TestTensors t = tensors()) {
            Tensor a = t.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Tensor aT = t.floats(new float[] {1, 4, 2, 5, 3, 6}, 3, 2);
            Tensor b = t.floats(new float[] {7, 8, 9, 10, 11, 12}, 3, 2);
            Tensor bT = t.floats(new float[] {7, 9, 11, 8, 10, 12}, 2, 3);
            // [[1, 2, 3], [4, 5, 6]] x [[7, 8], [9, 10], [11, 12]] = [[58, 64], [139, 154]] in all four spellings
            Object[][] spellings = {{a, b, false, false}, {aT, b, true, false}, {a, bT, false, true}, {aT, bT, true, true}};
            for (Object[] s : spellings) {
                check("OP-MM-01", "matMul transposeA=" + s[2] + " transposeB=" + s[3], hint,
                        t.result(backend.matMul((Tensor) s[0], (Tensor) s[1], (Boolean) s[2], (Boolean) s[3], Fused.NONE)))
                        .shape(2, 2).floats(58, 64, 139, 154);
            }
        }
        for (String c : new String[] {"matMul.transposeA=false.transposeB=false", "matMul.transposeA=true.transposeB=false",
            "matMul.transposeA=false.transposeB=true", "matMul.transposeA=true.transposeB=true"}) {
            golden("OP-MM-01", c, hint);
        }
    }

    @Test
    @DisplayName("OP-MM-02 fused matMul: bias per output column, then the activation")
    void matMulFused() {
        try (TestTensors t = tensors()) {
            Tensor a = t.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Tensor b = t.floats(new float[] {7, 8, 9, 10, 11, 12}, 3, 2);
            Tensor bias = t.floats(new float[] {-100, -60}, 2);
            check("OP-MM-02", "matMul + bias [-100, -60] + RELU", HINT_FUSED,
                    t.result(backend.matMul(a, b, false, false, Fused.of(bias, Activation.RELU)))).shape(2, 2)
                    .floats(0, 4, 39, 94);
        }
        golden("OP-MM-02", "matMul.fused.biasRelu", HINT_FUSED);
    }

    /** Runs golden case {@code name} through the op its name starts with and checks the output. */
    private void golden(String rule, String name, String hint) {
        Golden.Case c = Golden.get(name);
        try (TestTensors t = tensors()) {
            Tensor y;
            if (name.startsWith("maxPool")) {
                int[] window = c.ints("window");
                y = backend.maxPool(t.golden(c.input("x")), window[0], window[1], spec(c));
            } else if (name.startsWith("matMul")) {
                y = backend.matMul(t.golden(c.input("a")), t.golden(c.input("b")), c.flag("transposeA"),
                        c.flag("transposeB"), fused(c, t));
            } else if (name.startsWith("depthwise")) {
                y = backend.depthwiseConv2d(t.golden(c.input("x")), t.golden(c.input("filter")), spec(c), fused(c, t));
            } else {
                y = backend.conv2d(t.golden(c.input("x")), t.golden(c.input("filter")), spec(c), fused(c, t));
            }
            check(rule, "golden case " + name + " (TensorFlow.js)", hint, t.result(y))
                    .shape(c.expected().shape()).floats(c.expected().values());
        }
    }

    private static ConvSpec spec(Golden.Case c) {
        int[] strides = c.ints("strides");
        return new ConvSpec(strides[0], strides[1], Padding.valueOf(c.text("padding")));
    }

    private static Fused fused(Golden.Case c, TestTensors t) {
        Activation activation = Activation.valueOf(c.text("activation"));
        Tensor bias = c.hasInput("bias") ? t.golden(c.input("bias")) : null;
        Tensor alpha = c.hasInput("alpha") ? t.golden(c.input("alpha")) : null;
        return new Fused(bias, activation, alpha);
    }
}
