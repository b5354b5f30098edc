package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelException;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the executor cannot run fails at load, with a message that names model, node, op and the problem. */
class LoadErrorsTest extends ExecutorTestSupport {

    /** A graph with a weight-carrying first node (so a failed load has weights to clean up) and a bad node {@code bad}. */
    private static GraphModelDef graph(String op, UnaryOperator<TestGraph.NodeBuilder> attrs, String... inputs) {
        TestGraph g = TestGraph.named("errs").input("x", DType.FLOAT32, 1, 4, 4, 2)
                .floats("w", Shape.of(1, 1, 2, 2), 1, 0, 0, 1).floats("b", Shape.of(2), 0, 0)
                .op("first", "_FusedConv2D", "x", "w", "b").strings("fused_ops", "BiasAdd").i("num_args", 1)
                .ints("strides", 1, 1, 1, 1).s("padding", "SAME").end()
                .scalar("axis", 0).vector("idx", 0);
        attrs.apply(g.op("bad", op, inputs));
        return g.output("bad").build();
    }

    static Stream<Arguments> badNodes() {
        return Stream.of(
                Arguments.of(graph("FooBar", n -> n, "first"), "FooBar", "op FooBar is not supported"),
                Arguments.of(graph("Conv2D", n -> n.s("data_format", "NCHW").ints("strides", 1, 1, 1, 1)
                        .s("padding", "SAME"), "first", "w"), "Conv2D", "data_format NCHW"),
                Arguments.of(graph("DepthwiseConv2dNative", n -> n.ints("dilations", 1, 2, 2, 1)
                        .ints("strides", 1, 1, 1, 1).s("padding", "SAME"), "first", "w"), "DepthwiseConv2dNative",
                        "dilations [1, 2, 2, 1]"),
                Arguments.of(graph("_FusedConv2D", n -> n.strings("fused_ops", "BiasAdd", "LeakyRelu")
                        .i("num_args", 1).ints("strides", 1, 1, 1, 1).s("padding", "SAME"), "first", "w", "b"),
                        "_FusedConv2D", "fused_ops [BiasAdd, LeakyRelu]"),
                Arguments.of(graph("Conv2D", n -> n.s("padding", "EXPLICIT").ints("explicit_paddings", 0, 0, 1, 1, 1,
                        1, 0, 0).ints("strides", 1, 1, 1, 1), "first", "w"), "Conv2D", "explicit_paddings"),
                Arguments.of(graph("MaxPool", n -> n.ints("ksize", 1, 2, 2, 1).ints("strides", 2, 2, 2, 2)
                        .s("padding", "VALID"), "first"), "MaxPool", "strides must be [1, h, w, 1]"),
                Arguments.of(graph("GatherV2", n -> n.i("batch_dims", 1), "first", "idx", "axis"), "GatherV2",
                        "batch_dims 1"),
                Arguments.of(graph("Cast", n -> n.type("DstT", "DT_DOUBLE"), "first"), "Cast", "DT_DOUBLE"),
                Arguments.of(graph("_FusedMatMul", n -> n.strings("fused_ops", "BiasAdd").i("num_args", 2),
                        "first", "w", "b"), "_FusedMatMul", "num_args is 2"),
                Arguments.of(graph("ResizeBilinear", n -> n.b("align_corners", true).b("half_pixel_centers", true),
                        "first", "idx"), "ResizeBilinear", "cannot both be true"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badNodes")
    void anUnsupportedNodeFailsAtLoadNamingModelNodeAndOp(GraphModelDef def, String op, String problem) {
        long before = backend.memory().tensors();

        assertThatThrownBy(() -> GraphExecutor.compile(backend, def)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model 'errs'").hasMessageContaining("node 'bad' (" + op + ")")
                .hasMessageContaining(problem);
        assertThat(backend.memory().tensors()).as("weights made before the failure are released").isEqualTo(before);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badNodes")
    void backendLoadModelFailsTheSameWay(GraphModelDef def, String op, String problem) {
        assertThatThrownBy(() -> backend.loadModel(def)).isInstanceOf(ModelException.class)
                .hasMessageContaining("node 'bad' (" + op + ")").hasMessageContaining(problem);
    }
}
