package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.model.GraphModelDef;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeOpsTest extends ExecutorTestSupport {
    /** x[r, c] = 10r + c, shape [2, 3]. */
    private static final float[] X = {0, 1, 2, 10, 11, 12};

    @Test
    void reshapeExpandAndSqueeze() {
        GraphModelDef def = TestGraph.named("reshape").input("x", DType.FLOAT32, 2, 3)
                .vector("shape", 3, -1).scalar("axis", -1)
                .op("r", "Reshape", "x", "shape").end()
                .op("e", "ExpandDims", "x", "axis").end()
                .op("s", "Squeeze", "e").ints("squeeze_dims", 2).end()
                .vector("ones", 1, 2, 1, 3, 1)
                .op("o", "Reshape", "x", "ones").end()
                .op("all", "Squeeze", "o").end()
                .output("r").output("e").output("s").output("all").build();

        Map<String, Out> out = run(def, Map.of("x", floats(X, 2, 3)));

        assertThat(out.get("r:0").dims()).containsExactly(3, 2);
        assertThat(out.get("e:0").dims()).containsExactly(2, 3, 1);
        assertThat(out.get("s:0").dims()).containsExactly(2, 3);
        assertThat(out.get("all:0").dims()).containsExactly(2, 3);
        assertThat(out.get("all:0").values()).containsExactly(X);
    }

    @Test
    void concatSkipsEmptyPartsAndPackStacksOnANewAxis() {
        GraphModelDef def = TestGraph.named("join").input("x", DType.FLOAT32, 2, 3)
                .floats("empty", Shape.of(2, 0), new float[0]).floats("col", Shape.of(2, 1), 7f, 8f)
                .floats("col0", Shape.of(2, 3), 9f, 9f, 9f, 8f, 8f, 8f)
                .scalar("last", -1)
                .op("c", "ConcatV2", "x", "empty", "col", "last").i("N", 3).end()
                .op("p", "Pack", "x", "x").i("axis", 1).i("N", 2).end()
                .op("first", "Pack", "x", "col0").i("axis", 0).i("N", 2).end()
                .op("stackLast", "Pack", "x", "col0").i("axis", -1).i("N", 2).end()
                .output("c").output("p").output("first").output("stackLast").build();

        Map<String, Out> out = run(def, Map.of("x", floats(X, 2, 3)));

        assertThat(out.get("c:0").dims()).containsExactly(2, 4);
        assertThat(out.get("c:0").values()).containsExactly(0, 1, 2, 7, 10, 11, 12, 8);
        assertThat(out.get("p:0").dims()).containsExactly(2, 2, 3);
        assertThat(out.get("p:0").values()).containsExactly(0, 1, 2, 0, 1, 2, 10, 11, 12, 10, 11, 12);
        assertThat(out.get("first:0").dims()).containsExactly(2, 2, 3);
        assertThat(out.get("first:0").values()).containsExactly(0, 1, 2, 10, 11, 12, 9, 9, 9, 8, 8, 8);
        assertThat(out.get("stackLast:0").dims()).containsExactly(2, 3, 2);
        assertThat(out.get("stackLast:0").values()).containsExactly(0, 9, 1, 9, 2, 9, 10, 8, 11, 8, 12, 8);
    }

    @Test
    void unpackAndSplitCutIntoPieces() {
        GraphModelDef def = TestGraph.named("cut").input("x", DType.FLOAT32, 2, 3)
                .scalar("axis", 0)
                .op("u", "Unpack", "x").i("axis", 1).i("num", 3).end()
                .op("s", "Split", "axis", "x").i("num_split", 2).end()
                .output("u:0").output("u:2").output("s:1").build();

        Map<String, Out> out = run(def, Map.of("x", floats(X, 2, 3)));

        assertThat(out.get("u:0").dims()).containsExactly(2);
        assertThat(out.get("u:0").values()).containsExactly(0, 10);
        assertThat(out.get("u:2").values()).containsExactly(2, 12);
        assertThat(out.get("s:1").dims()).containsExactly(1, 3);
        assertThat(out.get("s:1").values()).containsExactly(10, 11, 12);
    }

    @Test
    void sliceWithSizeMinusOneRunsToTheEnd() {
        GraphModelDef def = TestGraph.named("slice").input("x", DType.FLOAT32, 2, 3)
                .vector("begin", 1, 1).vector("size", -1, 2)
                .op("y", "Slice", "x", "begin", "size").end().output("y").build();

        Out y = runOne(def, Map.of("x", floats(X, 2, 3)));

        assertThat(y.dims()).containsExactly(1, 2);
        assertThat(y.values()).containsExactly(11, 12);
    }

    @Test
    void padTransposeAndGathers() {
        GraphModelDef def = TestGraph.named("layout").input("x", DType.FLOAT32, 2, 3)
                .ints("paddings", Shape.of(2, 2), 0, 1, 1, 0).vector("perm", 1, 0)
                .vector("idx", 2, 0).scalar("axis1", 1)
                .ints("nd", Shape.of(2, 2), 1, 2, 0, 1)
                .op("pad", "Pad", "x", "paddings").end()
                .op("t", "Transpose", "x", "perm").end()
                .op("g", "GatherV2", "x", "idx", "axis1").i("batch_dims", 0).end()
                .op("gnd", "GatherNd", "x", "nd").end()
                .output("pad").output("t").output("g").output("gnd").build();

        Map<String, Out> out = run(def, Map.of("x", floats(X, 2, 3)));

        assertThat(out.get("pad:0").dims()).containsExactly(3, 4);
        assertThat(out.get("pad:0").values()).containsExactly(0, 0, 1, 2, 0, 10, 11, 12, 0, 0, 0, 0);
        assertThat(out.get("t:0").values()).containsExactly(0, 10, 1, 11, 2, 12);
        assertThat(out.get("g:0").values()).containsExactly(2, 0, 12, 10);
        assertThat(out.get("gnd:0").values()).containsExactly(12, 1);
    }

    @Test
    void shapeFillAndRangeBuildHostValues() {
        GraphModelDef def = TestGraph.named("build").input("x", DType.FLOAT32, 2, 3)
                .floats("seven", Shape.scalar(), 7f).scalar("zero", 0).scalar("step", 2)
                .op("s", "Shape", "x").type("out_type", "DT_INT32").end()
                .op("f", "Fill", "s", "seven").end()
                .vector("b", 1).vector("e", 2).vector("one", 1)
                .op("w", "StridedSlice", "s", "b", "e", "one").i("shrink_axis_mask", 1).end()
                .op("limit", "Mul", "w", "step").type("T", "DT_INT32").end()
                .op("r", "Range", "zero", "limit", "step").type("Tidx", "DT_INT32").end()
                .output("s", DType.INT32).output("f").output("r", DType.INT32).build();

        Map<String, Out> out = run(def, Map.of("x", floats(X, 2, 3)));

        assertThat(out.get("s:0").values()).containsExactly(2, 3);
        assertThat(out.get("f:0").dims()).containsExactly(2, 3);
        assertThat(out.get("f:0").values()).containsOnly(7f);
        assertThat(out.get("r:0").values()).containsExactly(0, 2, 4);
        assertThat(out.get("r:0").dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void gatherOfHostValuesStaysInJava() {
        GraphModelDef def = TestGraph.named("hostGather").input("x", DType.FLOAT32, 2, 3, 5)
                .vector("pick", 2, 1, 0).scalar("axis", 0)
                .op("s", "Shape", "x").end()
                .op("g", "GatherV2", "s", "pick", "axis").end()
                .op("y", "Reshape", "x", "g").end()
                .output("y").build();

        Out y = runOne(def, Map.of("x", floats(new float[30], 2, 3, 5)));

        assertThat(y.dims()).containsExactly(5, 3, 2);
    }
}
