package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.human.backend.spi.ScopeListener;
import ai.human.model.GraphModelDef;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ElementwiseOpsTest extends ExecutorTestSupport {

    @Test
    void addBroadcastsARowOverAMatrix() {
        GraphModelDef def = TestGraph.named("add").input("x", DType.FLOAT32, 2, 2)
                .floats("c", Shape.of(2), 10f, 20f)
                .op("y", "AddV2", "x", "c").type("T", "DT_FLOAT").end()
                .output("y").build();

        Out y = runOne(def, Map.of("x", floats(new float[] {1, 2, 3, 4}, 2, 2)));

        assertThat(y.values()).containsExactly(11, 22, 13, 24);
    }

    @Test
    void shapeArithmeticStaysInJavaAndOnlyTheResultReachesTheBackend() {
        // y = reshape(x, [shape(x)[0] * shape(x)[1], 1]) computed with Shape, StridedSlice, Mul and Pack
        GraphModelDef def = TestGraph.named("shapes").input("x", DType.FLOAT32, -1, -1)
                .op("s", "Shape", "x").type("out_type", "DT_INT32").end()
                .vector("b0", 0).vector("e0", 1).vector("b1", 1).vector("e1", 2).vector("one", 1).scalar("k", 1)
                .op("h", "StridedSlice", "s", "b0", "e0", "one").i("shrink_axis_mask", 1).end()
                .op("w", "StridedSlice", "s", "b1", "e1", "one").i("shrink_axis_mask", 1).end()
                .op("hw", "Mul", "h", "w").type("T", "DT_INT32").end()
                .op("target", "Pack", "hw", "k").i("axis", 0).end()
                .op("y", "Reshape", "x", "target").end()
                .output("y").build();
        AtomicInteger created = new AtomicInteger();
        backend.tracker().addScopeListener(new ScopeListener() {
            @Override
            public void tensorAdded(TensorScope scope, Tensor tensor) {
                created.incrementAndGet();
            }
        });

        Out y = runOne(def, Map.of("x", floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)));

        assertThat(y.dims()).containsExactly(6, 1);
        assertThat(y.values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(created).as("tensors made during the run: only the reshape").hasValue(1);
    }

    @Test
    void integerFloorDivisionAndModuloRoundTowardNegativeInfinityOnBothPaths() {
        GraphModelDef def = TestGraph.named("floor").input("a", DType.INT32, 2)
                .vector("b", 2, -2).vector("ha", -7, 7)
                .op("div", "FloorDiv", "a", "b").type("T", "DT_INT32").end()
                .op("mod", "FloorMod", "a", "b").type("T", "DT_INT32").end()
                .op("hostDiv", "FloorDiv", "ha", "b").type("T", "DT_INT32").end()
                .op("s", "Shape", "a").end()
                .op("hostMod", "FloorMod", "ha", "s").type("T", "DT_INT32").end()
                .output("div", DType.INT32).output("mod", DType.INT32).output("hostDiv", DType.INT32)
                .output("hostMod", DType.INT32).build();

        Map<String, Out> out = run(def, Map.of("a", ints(new int[] {-7, 7}, 2)));

        assertThat(out.get("div:0").values()).containsExactly(-4, -4);
        assertThat(out.get("mod:0").values()).containsExactly(1, -1);
        assertThat(out.get("hostDiv:0").values()).containsExactly(-4, -4);
        assertThat(out.get("hostMod:0").values()).containsExactly(1, 1);
        assertThat(out.get("div:0").dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void comparisonsAndLogicalAndMakeBooleans() {
        GraphModelDef def = TestGraph.named("compare").input("x", DType.FLOAT32, 4)
                .floats("t", Shape.scalar(), 2f)
                .op("gt", "Greater", "x", "t").end()
                .op("ge", "GreaterEqual", "x", "t").end()
                .op("lt", "Less", "x", "t").end()
                .op("eq", "Equal", "x", "t").end()
                .op("and", "LogicalAnd", "ge", "lt").end()
                .output("gt", DType.BOOL).output("ge", DType.BOOL).output("lt", DType.BOOL).output("eq", DType.BOOL)
                .output("and", DType.BOOL).build();

        Map<String, Out> out = run(def, Map.of("x", floats(new float[] {1, 2, 3, 2.5f}, 4)));

        assertThat(out.get("gt:0").values()).containsExactly(0, 0, 1, 1);
        assertThat(out.get("ge:0").values()).containsExactly(0, 1, 1, 1);
        assertThat(out.get("lt:0").values()).containsExactly(1, 0, 0, 0);
        assertThat(out.get("eq:0").values()).containsExactly(0, 1, 0, 0);
        assertThat(out.get("and:0").values()).containsExactly(0, 0, 0, 0);
        assertThat(out.get("gt:0").dtype()).isEqualTo(DType.BOOL);
    }

    @Test
    void arithmeticOpsFollowTensorFlow() {
        GraphModelDef def = TestGraph.named("arith").input("x", DType.FLOAT32, 3)
                .floats("y", Shape.of(3), 2f, -4f, 0.5f)
                .op("sub", "Sub", "x", "y").end()
                .op("mul", "Mul", "x", "y").end()
                .op("div", "RealDiv", "x", "y").end()
                .op("min", "Minimum", "x", "y").end()
                .op("max", "Maximum", "x", "y").end()
                .op("sq", "SquaredDifference", "x", "y").end()
                .op("sum", "AddN", "x", "y", "x").i("N", 3).end()
                .output("sub").output("mul").output("div").output("min").output("max").output("sq").output("sum")
                .build();

        Map<String, Out> out = run(def, Map.of("x", floats(new float[] {1, 2, 3}, 3)));

        assertThat(out.get("sub:0").values()).containsExactly(-1, 6, 2.5f);
        assertThat(out.get("mul:0").values()).containsExactly(2, -8, 1.5f);
        assertThat(out.get("div:0").values()).containsExactly(0.5f, -0.5f, 6);
        assertThat(out.get("min:0").values()).containsExactly(1, -4, 0.5f);
        assertThat(out.get("max:0").values()).containsExactly(2, 2, 3);
        assertThat(out.get("sq:0").values()).containsExactly(1, 36, 6.25f);
        assertThat(out.get("sum:0").values()).containsExactly(4, 0, 6.5f);
    }

    @Test
    void activationsRunOnTheBackend() {
        GraphModelDef def = TestGraph.named("act").input("x", DType.FLOAT32, 1, 4)
                .floats("alpha", Shape.of(4), 0.1f, 0.2f, 0.3f, 0.4f)
                .op("relu", "Relu", "x").end()
                .op("relu6", "Relu6", "x").end()
                .op("sigmoid", "Sigmoid", "x").end()
                .op("exp", "Exp", "x").end()
                .op("softmax", "Softmax", "x").end()
                .op("prelu", "Prelu", "x", "alpha").end()
                .op("abs", "Relu", "x").end()
                .op("sqrt", "Sqrt", "abs").end()
                .op("recip", "Reciprocal", "x").end()
                .output("relu").output("relu6").output("sigmoid").output("exp").output("softmax").output("prelu")
                .output("sqrt").output("recip").build();

        Map<String, Out> out = run(def, Map.of("x", floats(new float[] {-2, 0.5f, 4, 9}, 1, 4)));

        assertThat(out.get("relu:0").values()).containsExactly(0, 0.5f, 4, 9);
        assertThat(out.get("relu6:0").values()).containsExactly(0, 0.5f, 4, 6);
        assertThat(out.get("sigmoid:0").values()[0]).isCloseTo((float) (1 / (1 + Math.exp(2))), within(1e-6f));
        assertThat(out.get("exp:0").values()[1]).isCloseTo((float) Math.exp(0.5), within(1e-6f));
        float[] softmax = out.get("softmax:0").values();
        assertThat(softmax[0] + softmax[1] + softmax[2] + softmax[3]).isCloseTo(1f, within(1e-6f));
        assertThat(out.get("prelu:0").values()).containsExactly(-0.2f, 0.5f, 4, 9);
        assertThat(out.get("sqrt:0").values()).containsExactly(0, (float) Math.sqrt(0.5), 2, 3);
        assertThat(out.get("recip:0").values()).containsExactly(-0.5f, 2, 0.25f, 1 / 9f);
    }

    @Test
    void castTruncatesTowardZeroAndConvertsBooleans() {
        GraphModelDef def = TestGraph.named("cast").input("x", DType.FLOAT32, 3)
                .op("i", "Cast", "x").dtype("DstT", DType.INT32).end()
                .op("b", "Cast", "x").dtype("DstT", DType.BOOL).end()
                .op("f", "Cast", "b").dtype("DstT", DType.FLOAT32).end()
                .output("i", DType.INT32).output("f").build();

        Map<String, Out> out = run(def, Map.of("x", floats(new float[] {-1.7f, 0f, 2.9f}, 3)));

        assertThat(out.get("i:0").values()).containsExactly(-1, 0, 2);
        assertThat(out.get("i:0").dtype()).isEqualTo(DType.INT32);
        assertThat(out.get("f:0").values()).containsExactly(1, 0, 1);
    }

    @Test
    void anOutputThatIsTheInputComesBackAsACopy() {
        GraphModelDef def = TestGraph.named("same").input("x", DType.FLOAT32, 2)
                .op("c", "Cast", "x").dtype("DstT", DType.FLOAT32).end()
                .op("y", "Identity", "c").end()
                .output("c").output("y").build();
        Tensor x = floats(new float[] {1, 2}, 2);

        Map<String, Out> out = run(def, Map.of("x", x));

        assertThat(x.isClosed()).isFalse();
        assertThat(x.toFloats()).containsExactly(1, 2);
        assertThat(out.get("c:0").values()).containsExactly(1, 2);
        assertThat(out.get("y:0").values()).containsExactly(1, 2);
    }

    @Test
    void selectWithAVectorConditionPicksWholeRows() {
        GraphModelDef def = TestGraph.named("select").input("x", DType.FLOAT32, 2, 3)
                .bools("cond", Shape.of(2), false, true)
                .floats("zeros", Shape.of(2, 3), new float[6])
                .op("y", "Select", "cond", "x", "zeros").end()
                .output("y").build();

        Out y = runOne(def, Map.of("x", floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)));

        assertThat(y.values()).containsExactly(0, 0, 0, 4, 5, 6);
    }
}
