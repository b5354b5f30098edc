package ai.human.backend.tf.model;

import static ai.human.backend.tf.model.TinyTfjsModel.f;
import static ai.human.backend.tf.model.TinyTfjsModel.i;
import static ai.human.backend.tf.model.TinyTfjsModel.ints;
import static ai.human.backend.tf.model.TinyTfjsModel.s;
import static ai.human.backend.tf.model.TinyTfjsModel.strings;
import static ai.human.backend.tf.model.TinyTfjsModel.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.Activation;
import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.tf.TfBackend;
import ai.human.config.LeakDetection;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TensorFlow.js-only nodes, rewritten into TensorFlow ops, compute what the backend's own eager ops compute for
 * the same fusion (which the compatibility kit holds to TensorFlow.js's numbers).
 */
class TfjsRewritesTest {
    private static final int[] IMAGE = {1, 5, 5, 3};

    @TempDir
    Path dir;

    private final TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));
    private final Random random = new Random(7);

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private float[] randoms(int count) {
        float[] out = new float[count];
        for (int k = 0; k < count; k++) {
            out[k] = random.nextFloat() * 2 - 1;
        }
        return out;
    }

    private static String convAttrs(String... fusedOps) {
        return String.join(",", type("T"), ints("strides", 1, 2, 2, 1), s("padding", "SAME"),
                s("data_format", "NHWC"), ints("dilations", 1, 1, 1, 1), strings("fused_ops", fusedOps),
                i("num_args", fusedOps.length == 0 ? 0 : fusedOps[fusedOps.length - 1].equals("Prelu") ? 2 : 1),
                f("epsilon", 0));
    }

    /** Runs the one-input model on {@code x} and returns its single output's values. */
    private float[] runModel(GraphModelDef def, float[] x) {
        try (Model model = backend.loadModel(def); TensorScope scope = backend.scope()) {
            List<Tensor> out = model.run(backend.fromFloats(x, Shape.of(IMAGE)));
            assertThat(scope.size()).isEqualTo(2);
            return out.get(0).toFloats();
        }
    }

    @Test
    void fusedConv2dWithBiasAndPreluComputesTheEagerConvolutionWithPrelu() {
        float[] x = randoms(75);
        float[] filter = randoms(3 * 3 * 3 * 4);
        float[] bias = randoms(4);
        float[] alpha = {0.1f, 0.2f, 0.3f, 0.4f};
        GraphModelDef def = new TinyTfjsModel("conv_prelu").placeholder("x", IMAGE)
                .constant("w", new int[] {3, 3, 3, 4}, filter).constant("b", new int[] {4}, bias)
                .constant("a", new int[] {4}, alpha)
                .node("y", "_FusedConv2D", List.of("x", "w", "b", "a"), convAttrs("BiasAdd", "Prelu"))
                .load(dir);

        float[] expected = backend.tidy(() -> backend.conv2d(backend.fromFloats(x, Shape.of(IMAGE)),
                backend.fromFloats(filter, Shape.of(3, 3, 3, 4)), ConvSpec.of(2, Padding.SAME),
                Fused.prelu(backend.fromFloats(bias, Shape.of(4)), backend.fromFloats(alpha, Shape.of(4))))
                .toFloats());
        assertThat(runModel(def, x)).containsExactly(expected);
    }

    @Test
    void fusedConv2dWithBiasAndReluRunsAsTensorFlowsOwnFusedKernel() {
        float[] x = randoms(75);
        float[] filter = randoms(3 * 3 * 3 * 2);
        float[] bias = randoms(2);
        GraphModelDef def = new TinyTfjsModel("conv_relu").placeholder("x", IMAGE)
                .constant("w", new int[] {3, 3, 3, 2}, filter).constant("b", new int[] {2}, bias)
                .node("y", "_FusedConv2D", List.of("x", "w", "b"), convAttrs("BiasAdd", "Relu"))
                .load(dir);

        float[] expected = backend.tidy(() -> backend.conv2d(backend.fromFloats(x, Shape.of(IMAGE)),
                backend.fromFloats(filter, Shape.of(3, 3, 3, 2)), ConvSpec.of(2, Padding.SAME),
                Fused.of(backend.fromFloats(bias, Shape.of(2)), Activation.RELU)).toFloats());
        float[] actual = runModel(def, x);
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).isCloseTo(expected[k], Offset.offset(1e-5f));
        }
    }

    @Test
    void fusedDepthwiseWithBiasAndRelu6ComputesTheEagerDepthwiseConvolution() {
        float[] x = randoms(75);
        for (int k = 0; k < x.length; k++) {
            x[k] *= 8; // reach relu6's upper bound too
        }
        float[] filter = randoms(3 * 3 * 3);
        float[] bias = randoms(3);
        GraphModelDef def = new TinyTfjsModel("depthwise").placeholder("x", IMAGE)
                .constant("w", new int[] {3, 3, 3, 1}, filter).constant("b", new int[] {3}, bias)
                .node("y", "FusedDepthwiseConv2dNative", List.of("x", "w", "b"), String.join(",", type("T"),
                        ints("strides", 1, 1, 1, 1), s("padding", "SAME"), s("data_format", "NHWC"),
                        ints("dilations", 1, 1, 1, 1), strings("fused_ops", "BiasAdd", "Relu6"), i("num_args", 1)))
                .load(dir);

        float[] expected = backend.tidy(() -> backend.depthwiseConv2d(backend.fromFloats(x, Shape.of(IMAGE)),
                backend.fromFloats(filter, Shape.of(3, 3, 3, 1)), ConvSpec.of(1, Padding.SAME),
                Fused.of(backend.fromFloats(bias, Shape.of(3)), Activation.RELU6)).toFloats());
        float[] actual = runModel(def, x);
        assertThat(actual).contains(6f);
        assertThat(actual).containsExactly(expected);
    }

    @ParameterizedTest(name = "alpha {0}")
    @MethodSource("alphas")
    void preluScalesOnlyTheNegativeValuesByAlphaExactly(String form, float[] alpha) {
        float[] x = randoms(75);
        x[0] = 0f;
        x[1] = -0f;
        GraphModelDef def = new TinyTfjsModel("prelu").placeholder("x", IMAGE)
                .constant("alpha", new int[] {1, 1, 3}, alpha)
                .node("y", "Prelu", List.of("x", "alpha"), "")
                .load(dir);

        float[] actual = runModel(def, x);
        for (int k = 0; k < x.length; k++) {
            float expected = x[k] < 0 ? alpha[k % 3] * x[k] : x[k];
            // == on floats: equal values, and -0 equals 0 (the general form turns TensorFlow.js's -0 into 0)
            assertThat(actual[k] == expected).as("element %d: %s, expected %s", k, actual[k], expected).isTrue();
        }
    }

    static Stream<Arguments> alphas() {
        return Stream.of(
                Arguments.of("within [0, 1]: max(x, alpha * x)", new float[] {0f, 0.25f, 1f}),
                Arguments.of("outside [0, 1]: relu(x) + alpha * (x - relu(x))", new float[] {0.25f, -0.5f, 1.5f}));
    }

    @Test
    void aFusionTensorFlowCannotRunIsRefusedNamingTheNodeAndTheOp() {
        GraphModelDef def = new TinyTfjsModel("batchnorm").placeholder("x", IMAGE)
                .constant("w", new int[] {1, 1, 3, 3}, randoms(9)).constant("b", new int[] {3}, randoms(3))
                .node("y", "_FusedConv2D", List.of("x", "w", "b"), convAttrs("FusedBatchNorm"))
                .load(dir);

        assertThatThrownBy(() -> backend.loadModel(def)).isInstanceOf(BackendException.class)
                .hasMessageContaining("'y'").hasMessageContaining("FusedBatchNorm");
        assertThat(backend.memory().tensors()).isZero();
    }

    @Test
    void anOpTensorFlowDoesNotKnowFailsTheLoadNamingTheModelAndFreesEverything() {
        GraphModelDef def = new TinyTfjsModel("unknown").placeholder("x", IMAGE)
                .node("y", "NoSuchOpAnywhere", List.of("x"), type("T"))
                .load(dir);

        assertThatThrownBy(() -> backend.loadModel(def)).isInstanceOf(BackendException.class)
                .hasMessageContaining("model unknown").hasMessageContaining("NoSuchOpAnywhere");
        assertThat(backend.memory().tensors()).isZero();
        assertThat(backend.engineModelConstants()).isZero();
    }
}
