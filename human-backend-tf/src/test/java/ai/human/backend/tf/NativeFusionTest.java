package ai.human.backend.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.human.backend.Activation;
import ai.human.backend.BackendOptions;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.config.LeakDetection;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both ways of running the tail of a convolution or matrix product ({@code nativeFusion=true}: TensorFlow's
 * {@code _FusedConv2D}/{@code _FusedMatMul}; {@code false}: op by op) against a plain Java computation.
 */
class NativeFusionTest {
    private static final int H = 5;
    private static final int W = 5;
    private static final int IN = 3;
    private static final int OUT = 4;
    private static final int K = 3;

    private final Random random = new Random(7);
    private final float[] image = randoms(H * W * IN);
    private final float[] filter = randoms(K * K * IN * OUT);
    private final float[] bias = randoms(OUT);

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"NONE", "RELU", "RELU6"})
    void conv2dWithBiasAndActivationIsTheSameFusedOrComposed(Activation activation) {
        float[] expected = naiveConv2dSameStride2(activation);
        for (boolean fusion : new boolean[] {true, false}) {
            try (TfBackend backend = backend(fusion);
                 Tensor x = backend.fromFloats(image, Shape.of(1, H, W, IN));
                 Tensor f = backend.fromFloats(filter, Shape.of(K, K, IN, OUT));
                 Tensor b = backend.fromFloats(bias, Shape.of(OUT));
                 Tensor y = backend.conv2d(x, f, ConvSpec.of(2, Padding.SAME), Fused.of(b, activation))) {
                assertThat(y.shape()).isEqualTo(Shape.of(1, 3, 3, OUT));
                assertThat(y.toFloats()).as("nativeFusion=" + fusion).containsExactly(expected, within(1e-4f));
                assertThat(backend.engineLiveHandles()).isEqualTo(4);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void matMulWithBiasAndReluIsTheSameFusedOrComposed(boolean fusion) {
        float[] a = randoms(2 * 3);
        float[] b = randoms(3 * 4);
        float[] expected = new float[2 * 4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                float sum = bias[j];
                for (int k = 0; k < 3; k++) {
                    sum += a[i * 3 + k] * b[k * 4 + j];
                }
                expected[i * 4 + j] = Math.max(sum, 0);
            }
        }
        try (TfBackend backend = backend(fusion);
             Tensor ta = backend.fromFloats(a, Shape.of(2, 3));
             Tensor tb = backend.fromFloats(b, Shape.of(3, 4));
             Tensor tbias = backend.fromFloats(bias, Shape.of(4));
             Tensor y = backend.matMul(ta, tb, false, false, Fused.of(tbias, Activation.RELU))) {
            assertThat(y.toFloats()).containsExactly(expected, within(1e-5f));
            assertThat(backend.engineLiveHandles()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aBroadcastBiasThatIsNotAVectorIsAddedOpByOp(boolean fusion) {
        try (TfBackend backend = backend(fusion);
             Tensor a = backend.fromFloats(new float[] {1, 2}, Shape.of(1, 2));
             Tensor b = backend.fromFloats(new float[] {1, 0, 0, 1}, Shape.of(2, 2));
             Tensor scalarBias = backend.fromFloats(new float[] {-1.5f}, Shape.scalar());
             Tensor y = backend.matMul(a, b, false, false, Fused.of(scalarBias, Activation.RELU))) {
            assertThat(y.toFloats()).containsExactly(0f, 0.5f);
        }
    }

    private float[] naiveConv2dSameStride2(Activation activation) {
        int outH = 3;
        int outW = 3;
        int padTop = 1; // total padding (3 - 1) * 2 + 3 - 5 = 2: one row on each side
        int padLeft = 1;
        float[] out = new float[outH * outW * OUT];
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int o = 0; o < OUT; o++) {
                    float sum = bias[o];
                    for (int ky = 0; ky < K; ky++) {
                        for (int kx = 0; kx < K; kx++) {
                            int y = oy * 2 + ky - padTop;
                            int x = ox * 2 + kx - padLeft;
                            if (y < 0 || y >= H || x < 0 || x >= W) {
                                continue;
                            }
                            for (int i = 0; i < IN; i++) {
                                sum += image[(y * W + x) * IN + i] * filter[((ky * K + kx) * IN + i) * OUT + o];
                            }
                        }
                    }
                    out[(oy * outW + ox) * OUT + o] = switch (activation) {
                        case RELU -> Math.max(sum, 0);
                        case RELU6 -> Math.min(Math.max(sum, 0), 6);
                        default -> sum;
                    };
                }
            }
        }
        return out;
    }

    private static TfBackend backend(boolean fusion) {
        return new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of("nativeFusion", String.valueOf(fusion))));
    }

    private float[] randoms(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat() * 4 - 2;
        }
        return values;
    }
}
