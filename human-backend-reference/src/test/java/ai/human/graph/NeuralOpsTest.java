package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.Activation;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.WeightUse;
import ai.human.model.GraphModelDef;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each neural op must call the backend op with the node's strides, padding, fused tail and weights. */
class NeuralOpsTest extends ExecutorTestSupport {
    private static final float[] IMAGE = ramp(1 * 5 * 5 * 2, 0.1f);
    private static final float[] FILTER = ramp(3 * 3 * 2 * 3, -0.05f);
    private static final float[] DEPTHWISE = ramp(3 * 3 * 2 * 2, 0.07f);
    private static final float[] BIAS = {0.5f, -3f, 1f};

    private static float[] ramp(int n, float step) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i % 7 - 3) * step + i * 0.01f;
        }
        return v;
    }

    private Tensor image() {
        return floats(IMAGE, 1, 5, 5, 2);
    }

    private float[] expected(java.util.function.Function<Tensor, Tensor> op) {
        Tensor out = op.apply(image());
        return out.toFloats();
    }

    @Test
    void fusedConvolutionUsesStridesPaddingBiasAndRelu() {
        GraphModelDef def = TestGraph.named("conv").input("x", DType.FLOAT32, 1, 5, 5, 2)
                .floats("w", Shape.of(3, 3, 2, 3), FILTER).floats("b", Shape.of(3), BIAS)
                .op("y", "_FusedConv2D", "x", "w", "b").strings("fused_ops", "BiasAdd", "Relu").i("num_args", 1)
                .ints("strides", 1, 2, 2, 1).s("padding", "SAME").s("data_format", "NHWC")
                .ints("dilations", 1, 1, 1, 1).ints("explicit_paddings").end()
                .output("y").build();
        float[] expected = expected(x -> backend.conv2d(x, floats(FILTER, 3, 3, 2, 3), ConvSpec.of(2, Padding.SAME),
                Fused.of(floats(BIAS, 3), Activation.RELU)));

        Out y = runOne(def, Map.of("x", image()));

        assertThat(y.dims()).containsExactly(1, 3, 3, 3);
        assertThat(y.values()).containsExactly(expected);
    }

    @Test
    void fusedConvolutionWithPreluTakesAlphaAsSecondArgument() {
        float[] alpha = {0.1f, 0.2f, 0.3f};
        GraphModelDef def = TestGraph.named("prelu").input("x", DType.FLOAT32, 1, 5, 5, 2)
                .floats("w", Shape.of(3, 3, 2, 3), FILTER).floats("b", Shape.of(3), BIAS)
                .floats("a", Shape.of(3), alpha)
                .op("y", "_FusedConv2D", "x", "w", "b", "a").strings("fused_ops", "BiasAdd", "Prelu").i("num_args", 2)
                .ints("strides", 1, 1, 1, 1).s("padding", "VALID").end()
                .output("y").build();
        float[] expected = expected(x -> backend.conv2d(x, floats(FILTER, 3, 3, 2, 3), ConvSpec.of(1, Padding.VALID),
                Fused.prelu(floats(BIAS, 3), floats(alpha, 3))));

        Out y = runOne(def, Map.of("x", image()));

        assertThat(y.dims()).containsExactly(1, 3, 3, 3);
        assertThat(y.values()).containsExactly(expected);
    }

    @Test
    void plainAndDepthwiseConvolutions() {
        float[] dwBias = {0.3f, -0.2f, 0.1f, 0f};
        GraphModelDef def = TestGraph.named("convs").input("x", DType.FLOAT32, 1, 5, 5, 2)
                .floats("w", Shape.of(3, 3, 2, 3), FILTER).floats("dw", Shape.of(3, 3, 2, 2), DEPTHWISE)
                .floats("db", Shape.of(4), dwBias)
                .op("conv", "Conv2D", "x", "w").ints("strides", 1, 2, 1, 1).s("padding", "VALID").end()
                .op("depth", "DepthwiseConv2dNative", "x", "dw").ints("strides", 1, 1, 1, 1).s("padding", "SAME").end()
                .op("fdepth", "FusedDepthwiseConv2dNative", "x", "dw", "db").strings("fused_ops", "BiasAdd", "Relu6")
                .i("num_args", 1).ints("strides", 1, 2, 2, 1).s("padding", "SAME").end()
                .output("conv").output("depth").output("fdepth").build();
        float[] conv = expected(x -> backend.conv2d(x, floats(FILTER, 3, 3, 2, 3),
                new ConvSpec(2, 1, Padding.VALID), Fused.NONE));
        float[] depth = expected(x -> backend.depthwiseConv2d(x, floats(DEPTHWISE, 3, 3, 2, 2),
                ConvSpec.of(1, Padding.SAME), Fused.NONE));
        float[] fdepth = expected(x -> backend.depthwiseConv2d(x, floats(DEPTHWISE, 3, 3, 2, 2),
                ConvSpec.of(2, Padding.SAME), Fused.of(floats(dwBias, 4), Activation.RELU6)));

        Map<String, Out> out = run(def, Map.of("x", image()));

        assertThat(out.get("conv:0").dims()).containsExactly(1, 2, 3, 3);
        assertThat(out.get("conv:0").values()).containsExactly(conv);
        assertThat(out.get("depth:0").dims()).containsExactly(1, 5, 5, 4);
        assertThat(out.get("depth:0").values()).containsExactly(depth);
        assertThat(out.get("fdepth:0").values()).containsExactly(fdepth);
    }

    @Test
    void fusedMatMulWithTransposeBiasAndRelu() {
        float[] b = ramp(3 * 4, 0.3f);
        GraphModelDef def = TestGraph.named("matmul").input("a", DType.FLOAT32, 2, 4)
                .floats("b", Shape.of(3, 4), b).floats("bias", Shape.of(3), BIAS)
                .op("y", "_FusedMatMul", "a", "b", "bias").strings("fused_ops", "BiasAdd", "Relu").i("num_args", 1)
                .b("transpose_a", false).b("transpose_b", true).end()
                .output("y").build();
        float[] a = ramp(8, 0.5f);
        float[] expected = backend.matMul(floats(a, 2, 4), floats(b, 3, 4), false, true,
                Fused.of(floats(BIAS, 3), Activation.RELU)).toFloats();

        Out y = runOne(def, Map.of("a", floats(a, 2, 4)));

        assertThat(y.dims()).containsExactly(2, 3);
        assertThat(y.values()).containsExactly(expected);
    }

    @Test
    void maxPoolUsesKsizeStridesAndPadding() {
        GraphModelDef def = TestGraph.named("pool").input("x", DType.FLOAT32, 1, 5, 5, 2)
                .op("y", "MaxPool", "x").ints("ksize", 1, 3, 3, 1).ints("strides", 1, 2, 2, 1).s("padding", "SAME")
                .s("data_format", "NHWC").end()
                .output("y").build();
        float[] expected = expected(x -> backend.maxPool(x, 3, 3, ConvSpec.of(2, Padding.SAME)));

        Out y = runOne(def, Map.of("x", image()));

        assertThat(y.dims()).containsExactly(1, 3, 3, 2);
        assertThat(y.values()).containsExactly(expected);
    }

    @Test
    void resizeBilinearTakesItsSizeFromShapeArithmeticAndKeepsTheMode() {
        GraphModelDef def = TestGraph.named("resize").input("x", DType.FLOAT32, 1, 5, 5, 2)
                .op("s", "Shape", "x").end()
                .vector("b", 1).vector("e", 3).vector("one", 1).vector("two", 2)
                .op("hw", "StridedSlice", "s", "b", "e", "one").end()
                .op("size", "Mul", "hw", "two").type("T", "DT_INT32").end()
                .op("legacy", "ResizeBilinear", "x", "size").b("align_corners", false).b("half_pixel_centers", false)
                .end()
                .op("half", "ResizeBilinear", "x", "size").b("half_pixel_centers", true).end()
                .output("legacy").output("half").build();
        float[] legacy = expected(x -> backend.resizeBilinear(x, 10, 10, false, false));
        float[] half = expected(x -> backend.resizeBilinear(x, 10, 10, false, true));

        Map<String, Out> out = run(def, Map.of("x", image()));

        assertThat(out.get("legacy:0").dims()).containsExactly(1, 10, 10, 2);
        assertThat(out.get("legacy:0").values()).containsExactly(legacy);
        assertThat(out.get("half:0").values()).containsExactly(half);
    }

    @Test
    void filtersAreHandedToTheBackendOnceWithTheirUse() {
        List<WeightUse> uses = new ArrayList<>();
        try (ReferenceBackend recording = new ReferenceBackend() {
            @Override
            public Tensor weight(float[] values, Shape shape, WeightUse use) {
                uses.add(use);
                return super.weight(values, shape, use);
            }
        }) {
            GraphModelDef def = TestGraph.named("uses").input("x", DType.FLOAT32, 1, 5, 5, 2)
                    .floats("w", Shape.of(3, 3, 2, 3), FILTER).floats("dw", Shape.of(3, 3, 2, 2), DEPTHWISE)
                    .floats("b", Shape.of(3), BIAS)
                    .op("conv", "_FusedConv2D", "x", "w", "b").strings("fused_ops", "BiasAdd").i("num_args", 1)
                    .ints("strides", 1, 1, 1, 1).s("padding", "SAME").end()
                    .op("depth", "DepthwiseConv2dNative", "x", "dw").ints("strides", 1, 1, 1, 1).s("padding", "SAME")
                    .end()
                    .output("conv").output("depth").build();

            try (GraphExecutor executor = GraphExecutor.compile(recording, def)) {
                assertThat(uses).containsExactlyInAnyOrder(WeightUse.CONV2D_FILTER, WeightUse.DEPTHWISE_FILTER,
                        WeightUse.OTHER);
                assertThat(executor.weightCount()).isEqualTo(3);
                assertThat(executor.weightBytes()).isEqualTo((FILTER.length + DEPTHWISE.length + BIAS.length) * 4L);
            }
        }
    }
}
