package ai.human.backend.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.Activation;
import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.config.LeakDetection;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where this backend does more than call one TensorFlow op, or picks between TensorFlow ops, on cases the
 * compatibility kit does not reach. The kit ({@link TfBackendCompatibilityTest}) checks the op semantics at large.
 */
class TfOpSemanticsTest {
    private final TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));
    private final TensorScope scope = backend.scope();

    @AfterEach
    void nothingLeftBehind() {
        scope.close();
        assertThat(backend.engineLiveHandles()).isZero();
        backend.close();
    }

    @Test
    void integerDivisionTruncatesNegativeQuotientsTowardZero() {
        Tensor a = backend.fromInts(new int[] {-7, 7, -7}, Shape.of(3));
        Tensor b = backend.fromInts(new int[] {2, -2, -2}, Shape.of(3));

        assertThat(backend.binary(BinaryOp.DIV, a, b).toInts()).containsExactly(-3, -3, 3);
        assertThat(backend.binary(BinaryOp.FLOOR_DIV, a, b).toInts()).containsExactly(-4, -4, 3);
    }

    @Test
    void uint8ArithmeticWrapsIncludingTheComposedSquaredDifference() {
        Tensor a = backend.fromBytes(new byte[] {(byte) 250, 3}, Shape.of(2), DType.UINT8);
        Tensor b = backend.fromBytes(new byte[] {10, 20}, Shape.of(2), DType.UINT8);

        Tensor sum = backend.binary(BinaryOp.ADD, a, b);
        Tensor squared = backend.binary(BinaryOp.SQUARED_DIFFERENCE, a, b);

        assertThat(sum.dtype()).isEqualTo(DType.UINT8);
        assertThat(sum.toInts()).containsExactly(4, 23);
        assertThat(squared.dtype()).isEqualTo(DType.UINT8);
        assertThat(squared.toInts()).containsExactly((240 * 240) & 0xff, (17 * 17) & 0xff);
        assertThat(backend.engineLiveHandles()).as("the difference is deleted inside the op").isEqualTo(4);
    }

    @Test
    void preluRefusesAnAlphaThatWouldWidenXAndLeavesNothingBehind() {
        Tensor x = backend.fromFloats(new float[] {-1, 2}, Shape.of(1, 2, 1));
        Tensor alpha = backend.fromFloats(new float[] {0.1f, 0.2f, 0.3f}, Shape.of(3));
        long before = backend.engineLiveHandles();

        assertThatThrownBy(() -> backend.prelu(x, alpha))
                .isInstanceOf(BackendException.class).hasMessageContaining("does not broadcast onto x [1, 2, 1]");
        assertThat(backend.engineLiveHandles()).isEqualTo(before);
    }

    @Test
    void depthwiseWithBiasAndReluComputesDespiteTensorFlowsNoOpFusedKernel() {
        // _FusedDepthwiseConv2dNative is a no-op placeholder on the CPU; the tail must be composed even with fusion on
        try (TfBackend fused = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of("nativeFusion", "true")));
             Tensor image = fused.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(1, 2, 2, 1));
             Tensor filter = fused.fromFloats(new float[] {1, 1, 1, 1}, Shape.of(2, 2, 1, 1));
             Tensor bias = fused.fromFloats(new float[] {-11}, Shape.of(1));
             Tensor out = fused.depthwiseConv2d(image, filter, ConvSpec.of(1, Padding.VALID),
                     Fused.of(bias, Activation.RELU))) {
            assertThat(out.shape()).isEqualTo(Shape.of(1, 1, 1, 1));
            assertThat(out.toFloats()).containsExactly(0f);
        }
    }
}
