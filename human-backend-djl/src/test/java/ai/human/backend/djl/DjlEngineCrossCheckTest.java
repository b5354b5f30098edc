package ai.human.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.NonMaxSuppression;
import ai.human.backend.RotateWithOffset;
import ai.human.backend.Activation;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.ReduceOp;
import ai.human.backend.UnaryOp;
import ai.human.backend.WeightUse;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DJL's own count of live arrays (and their bytes) equals the framework's, whatever runs. */
class DjlEngineCrossCheckTest {
    private DjlBackend backend;

    @BeforeEach
    void open() {
        backend = new DjlBackend(BackendOptions.defaults());
    }

    @AfterEach
    void close() {
        backend.close();
        assertThat(backend.engineLiveArrays()).isZero();
        assertThat(backend.memory().tensors()).isZero();
    }

    @Test
    void engineCountsEqualTrackerCountsAcrossCreateOpScopeAndClose() {
        expectSameCounts(0);
        Tensor a = backend.fromFloats(new float[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3));
        Tensor b = backend.fromInts(new int[] {7, 8}, Shape.of(2));
        Tensor c = backend.fromBytes(new byte[] {1, 0, 1}, Shape.of(3), DType.BOOL);
        Tensor d = backend.fromBytes(new byte[] {(byte) 200}, Shape.of(1), DType.UINT8);
        Tensor w = backend.weight(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(2, 2, 1, 2), WeightUse.CONV2D_FILTER);
        expectSameCounts(5);
        Tensor sum = backend.binary(BinaryOp.ADD, a, a);
        expectSameCounts(6);
        Tensor kept;
        try (TensorScope scope = backend.scope()) {
            Tensor e = backend.unary(UnaryOp.EXP, a);
            backend.reduce(ReduceOp.MEAN, e, new int[] {0, 1}, false);
            expectSameCounts(8);
            kept = scope.keep(backend.softmax(e));
            expectSameCounts(9);
        }
        expectSameCounts(7);
        List.of(a, b, c, d, w, sum, kept).forEach(Tensor::close);
        expectSameCounts(0);
    }

    @Test
    void noOpLeavesAnArrayBehindInTheEngine() {
        Tensor image = backend.fromFloats(ramp(1 * 5 * 6 * 2), Shape.of(1, 5, 6, 2));
        Tensor conv = backend.weight(ramp(3 * 3 * 2 * 3), Shape.of(3, 3, 2, 3), WeightUse.CONV2D_FILTER);
        Tensor plainConv = backend.fromFloats(ramp(3 * 3 * 2 * 3), Shape.of(3, 3, 2, 3));
        Tensor pointwise = backend.weight(ramp(2 * 4), Shape.of(1, 1, 2, 4), WeightUse.CONV2D_FILTER);
        Tensor depthwise = backend.weight(ramp(3 * 3 * 2 * 2), Shape.of(3, 3, 2, 2), WeightUse.DEPTHWISE_FILTER);
        Tensor bias3 = backend.fromFloats(new float[] {0.1f, -0.2f, 0.3f}, Shape.of(3));
        Tensor alpha3 = backend.fromFloats(new float[] {0.1f, 0.2f, 0.3f}, Shape.of(3));
        Tensor matrix = backend.fromFloats(ramp(6), Shape.of(2, 3));
        Tensor ints = backend.fromInts(new int[] {-7, 7, 3, -3}, Shape.of(4));
        Tensor twos = backend.fromInts(new int[] {2, -2, 2, 2}, Shape.of(4));
        Tensor index = backend.fromInts(new int[] {1, 0, 1}, Shape.of(3));
        Tensor address = backend.fromInts(new int[] {0, 4, 1, 3, 5, 0}, Shape.of(2, 3));
        Tensor scores = backend.fromFloats(new float[] {1, 3, 3, 2, 3}, Shape.of(5));
        long inputs = backend.memory().tensors();
        expectSameCounts(inputs);

        List<Supplier<Object>> ops = List.of(
                () -> backend.binary(BinaryOp.FLOOR_DIV, ints, twos),
                () -> backend.binary(BinaryOp.DIV, ints, twos),
                () -> backend.binary(BinaryOp.SQUARED_DIFFERENCE, image, image),
                () -> backend.binary(BinaryOp.FLOOR_DIV, image, image),
                () -> backend.unary(UnaryOp.RECIPROCAL, image),
                () -> backend.prelu(image, backend.fromFloats(new float[] {0.5f, 0.25f}, Shape.of(2))),
                () -> backend.conv2d(image, conv, ConvSpec.of(2, Padding.SAME), Fused.prelu(bias3, alpha3)),
                () -> backend.conv2d(image, plainConv, ConvSpec.of(1, Padding.VALID), Fused.of(bias3, Activation.RELU)),
                () -> backend.conv2d(image, pointwise, ConvSpec.of(1, Padding.SAME), Fused.NONE),
                () -> backend.depthwiseConv2d(image, depthwise, ConvSpec.of(2, Padding.SAME),
                        Fused.of(null, Activation.RELU6)),
                () -> backend.maxPool(image, 3, 3, ConvSpec.of(2, Padding.SAME)),
                () -> backend.matMul(matrix, matrix, false, true, Fused.bias(backend.fromFloats(new float[] {1, 2},
                        Shape.of(2)))),
                () -> backend.reduce(ReduceOp.MEAN, ints, new int[] {0}, true),
                () -> backend.reduce(ReduceOp.MAX, image, new int[] {1, 2}, false),
                () -> backend.reduce(ReduceOp.SUM, ints, new int[] {0}, false),
                () -> backend.argMax(image, -1),
                () -> backend.topK(scores, 2, true),
                () -> backend.topK(scores, 5, true),
                () -> backend.slice(image, new int[] {0, 1, 1, 0}, new int[] {1, 2, -1, 1}),
                () -> backend.stridedSlice(image, new int[] {0, 4, 0, 0}, new int[] {1, 0, 6, 2}, new int[] {1, -2, 2, 1}),
                () -> backend.split(image, 2, new int[] {2, 4}),
                () -> backend.pad(image, new int[][] {{0, 0}, {1, 0}, {0, 2}, {0, 0}}, -1f),
                () -> backend.reverse(image, new int[] {1, -1}),
                () -> backend.gather(image, index, 3),
                () -> backend.gatherNd(backend.reshape(image, Shape.of(5, 6, 2)), address),
                () -> backend.concat(List.of(image, image), -1),
                () -> backend.transpose(image, new int[] {0, 3, 1, 2}),
                () -> backend.cast(image, DType.INT32),
                () -> backend.cast(conv, DType.FLOAT32),
                () -> backend.binary(BinaryOp.ADD, conv, conv),
                () -> backend.select(backend.binary(BinaryOp.GREATER, image, backend.scalar(3f)), image, image),
                () -> backend.resizeBilinear(image, 3, 4, false, false),
                () -> backend.resizeBilinear(image, 8, 9, false, true),
                () -> backend.resizeBilinear(image, 2, 2, true, false),
                () -> backend.cropAndResize(image, new float[][] {{-0.5f, 0, 0.5f, 1.5f}, {0, 0, 1, 1}}, new int[] {0, 0},
                        3, 2),
                () -> RotateWithOffset.apply(backend, image, 0.3f, 0f, 0.5f, 0.5f),
                () -> NonMaxSuppression.apply(backend, backend.fromFloats(new float[] {0, 0, 1, 1, 0, 0, 1, 0.9f},
                        Shape.of(2, 4)), backend.fromFloats(new float[] {0.9f, 0.8f}, Shape.of(2)), 2, 0.5f, 0f, 0f));
        for (int i = 0; i < ops.size(); i++) {
            Supplier<Object> op = ops.get(i);
            TensorScope scope = backend.scope();
            try {
                op.get();
                assertThat(backend.engineLiveArrays()).as("engine arrays inside the scope of op #%d", i)
                        .isEqualTo(backend.memory().tensors());
                assertThat(backend.engineLiveBytes()).as("engine bytes inside the scope of op #%d", i)
                        .isEqualTo(backend.memory().bytes());
            } finally {
                scope.close();
            }
            expectSameCounts(inputs);
        }
    }

    @Test
    void anOpThatFailsInPyTorchLeavesNothingBehind() {
        Tensor a = backend.fromFloats(ramp(6), Shape.of(2, 3));
        Tensor b = backend.fromFloats(ramp(4), Shape.of(4));

        assertThatThrownBy(() -> backend.binary(BinaryOp.ADD, a, b))
                .isInstanceOf(ai.human.backend.BackendException.class).hasMessageContaining("binary ADD");
        expectSameCounts(2);
    }

    private void expectSameCounts(long tensors) {
        assertThat(backend.memory().tensors()).isEqualTo(tensors);
        assertThat(backend.engineLiveArrays()).as("DJL's managed arrays").isEqualTo(tensors);
        assertThat(backend.engineLiveBytes()).as("bytes of DJL's managed arrays").isEqualTo(backend.memory().bytes());
    }

    private static float[] ramp(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i % 7) - 3 + i * 0.01f;
        }
        return values;
    }
}
