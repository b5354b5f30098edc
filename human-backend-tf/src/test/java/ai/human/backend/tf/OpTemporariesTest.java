package ai.human.backend.tf;

import ai.human.backend.Backend;
import ai.human.backend.NonMaxSuppression;
import ai.human.backend.RotateWithOffset;
import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.Activation;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.ReduceOp;
import ai.human.backend.UnaryOp;
import ai.human.config.LeakDetection;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorContainer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op, once: while its results are open the native ledger holds exactly the inputs and the results (no axis
 * constant, intermediate or unused output left over), and after they are closed it is back to the inputs.
 */
class OpTemporariesTest {
    private final TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    /** The inputs every op below draws on. */
    private record Inputs(Tensor image, Tensor filter, Tensor depthFilter, Tensor bias, Tensor alpha, Tensor matrix,
                          Tensor ints, Tensor bytes, Tensor bools, Tensor boxes, Tensor scores, Tensor indices,
                          Tensor points) {
        List<Tensor> all() {
            return List.of(image, filter, depthFilter, bias, alpha, matrix, ints, bytes, bools, boxes, scores, indices,
                    points);
        }

        static Inputs on(TfBackend b) {
            float[] pixels = new float[16];
            for (int i = 0; i < 16; i++) {
                pixels[i] = i - 8;
            }
            return new Inputs(
                    b.fromFloats(pixels, Shape.of(1, 4, 4, 1)),
                    b.fromFloats(new float[] {1, -1, 0.5f, 2, 1, 0, -1, 1}, Shape.of(2, 2, 1, 2)),
                    b.fromFloats(new float[] {1, -1, 0.5f, 2}, Shape.of(2, 2, 1, 1)),
                    b.fromFloats(new float[] {0.5f, -0.5f}, Shape.of(2)),
                    b.fromFloats(new float[] {0.1f, 0.2f}, Shape.of(2)),
                    b.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(2, 2)),
                    b.fromInts(new int[] {3, 1, 2}, Shape.of(3)),
                    b.fromBytes(new byte[] {7, 9}, Shape.of(2), DType.UINT8),
                    b.fromBytes(new byte[] {1, 0}, Shape.of(2), DType.BOOL),
                    b.fromFloats(new float[] {0, 0, 1, 1, 0, 0, 1, 0.9f, 2, 2, 3, 3}, Shape.of(3, 4)),
                    b.fromFloats(new float[] {0.9f, 0.8f, 0.7f}, Shape.of(3)),
                    b.fromInts(new int[] {1, 0, 1}, Shape.of(3)),
                    b.fromInts(new int[] {1, 0}, Shape.of(1, 2)));
        }
    }

    /** The backend of {@code tensor}, for its ops. */
    private static Backend ops(Tensor tensor) {
        return (Backend) tensor.backend();
    }

    private static Arguments op(String name, Function<Inputs, Object> call) {
        return Arguments.of(name, call);
    }

    static Stream<Arguments> ops() {
        return Stream.of(
                op("binary MUL", in -> ops(in.image()).binary(BinaryOp.MUL, in.image(), in.image())),
                op("binary SQUARED_DIFFERENCE uint8", in -> ops(in.bytes()).binary(BinaryOp.SQUARED_DIFFERENCE,
                        in.bytes(), in.bytes())),
                op("binary LOGICAL_AND", in -> ops(in.bools()).binary(BinaryOp.LOGICAL_AND, in.bools(),
                        in.bools())),
                op("unary SIGMOID", in -> ops(in.image()).unary(UnaryOp.SIGMOID, in.image())),
                op("prelu", in -> ops(in.matrix()).prelu(in.matrix(), in.alpha())),
                op("softmax", in -> ops(in.matrix()).softmax(in.matrix())),
                op("cast", in -> ops(in.ints()).cast(in.ints(), DType.FLOAT32)),
                op("select", in -> ops(in.bools()).select(in.bools(), in.bias(), in.alpha())),
                op("conv2d + bias + prelu", in -> ops(in.image()).conv2d(in.image(), in.filter(),
                        ConvSpec.of(2, Padding.SAME), Fused.prelu(in.bias(), in.alpha()))),
                op("conv2d + bias + relu6", in -> ops(in.image()).conv2d(in.image(), in.filter(),
                        ConvSpec.of(1, Padding.VALID), Fused.of(in.bias(), Activation.RELU6))),
                op("depthwiseConv2d + bias + relu", in -> ops(in.image()).depthwiseConv2d(in.image(),
                        in.filter(), ConvSpec.of(2, Padding.SAME), Fused.of(in.alpha(), Activation.RELU))),
                op("depthwiseConv2d + prelu", in -> ops(in.image()).depthwiseConv2d(in.image(),
                        in.filter(), ConvSpec.of(1, Padding.SAME), Fused.prelu(null, in.alpha()))),
                op("matMul + bias + relu", in -> ops(in.matrix()).matMul(in.matrix(), in.matrix(), true, false,
                        Fused.of(in.bias(), Activation.RELU))),
                op("maxPool", in -> ops(in.image()).maxPool(in.image(), 2, 2, ConvSpec.of(2, Padding.SAME))),
                op("reduce MEAN", in -> ops(in.image()).reduce(ReduceOp.MEAN, in.image(), new int[] {1, 2},
                        true)),
                op("argMax", in -> ops(in.matrix()).argMax(in.matrix(), -1)),
                op("topK", in -> ops(in.ints()).topK(in.ints(), 2, true)),
                op("reshape", in -> ops(in.matrix()).reshape(in.matrix(), Shape.of(4))),
                op("transpose", in -> ops(in.matrix()).transpose(in.matrix(), new int[] {1, 0})),
                op("concat", in -> ops(in.matrix()).concat(List.of(in.matrix(), in.matrix()), -1)),
                op("concat of one", in -> ops(in.matrix()).concat(List.of(in.matrix()), 0)),
                op("split", in -> ops(in.matrix()).split(in.matrix(), 0, new int[] {1, 1})),
                op("slice", in -> ops(in.matrix()).slice(in.matrix(), new int[] {0, 1}, new int[] {-1, 1})),
                op("stridedSlice", in -> ops(in.ints()).stridedSlice(in.ints(), new int[] {2}, new int[] {0},
                        new int[] {-1})),
                op("pad uint8", in -> ops(in.bytes()).pad(in.bytes(), new int[][] {{1, 1}}, 3f)),
                op("reverse", in -> ops(in.matrix()).reverse(in.matrix(), new int[] {0})),
                op("gather", in -> ops(in.bias()).gather(in.bias(), in.indices(), 0)),
                op("gatherNd", in -> ops(in.matrix()).gatherNd(in.matrix(), in.points())),
                op("resizeBilinear", in -> ops(in.image()).resizeBilinear(in.image(), 3, 5, false, true)),
                op("cropAndResize", in -> ops(in.image()).cropAndResize(in.image(),
                        new float[][] {{0, 0, 1, 1}, {0.2f, 0.1f, 0.7f, 0.9f}}, new int[] {0, 0}, 3, 3)),
                op("rotateWithOffset", in -> RotateWithOffset.apply(ops(in.image()), in.image(), 0.4f, 0f, 0.5f,
                        0.5f)),
                op("nonMaxSuppression", in -> NonMaxSuppression.apply(ops(in.boxes()), in.boxes(), in.scores(), 3,
                        0.5f, 0f, 0f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void leavesOnlyItsInputsAndResults(String name, Function<Inputs, Object> call) {
        Inputs inputs = Inputs.on(backend);
        long before = backend.memory().tensors();
        assertThat(backend.engineLiveHandles()).isEqualTo(before);

        Object result = call.apply(inputs);

        assertThat(backend.engineLiveHandles()).as("native handles while the results of %s are open", name)
                .isEqualTo(backend.memory().tensors());
        assertThat(backend.engineLiveBytes()).isEqualTo(backend.memory().bytes());
        assertThat(backend.memory().tensors()).isGreaterThan(before);
        closeAll(result);
        inputs.all().forEach(Tensor::close);
        assertThat(backend.memory().tensors()).isZero();
        assertThat(backend.engineLiveHandles()).isZero();
        assertThat(backend.engineLiveBytes()).isZero();
    }

    private static void closeAll(Object result) {
        if (result instanceof Tensor tensor) {
            tensor.close();
        } else if (result instanceof TensorContainer container) {
            container.tensors().forEach(Tensor::close);
        } else if (result instanceof List<?> list) {
            list.forEach(OpTemporariesTest::closeAll);
        }
    }
}
