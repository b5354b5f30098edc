package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.model.GraphModelDef;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReductionOpsTest extends ExecutorTestSupport {
    private static final float[] X = {1, 5, 3, 4, 2, 6};

    @Test
    void reductionsKeepOrDropAxes() {
        GraphModelDef def = TestGraph.named("reduce").input("x", DType.FLOAT32, 2, 3)
                .vector("cols", 1).vector("all", 0, 1)
                .op("mean", "Mean", "x", "cols").b("keep_dims", true).end()
                .op("sum", "Sum", "x", "all").b("keep_dims", false).end()
                .op("max", "Max", "x", "cols").end()
                .output("mean").output("sum").output("max").build();

        Map<String, Out> out = run(def, Map.of("x", floats(X, 2, 3)));

        assertThat(out.get("mean:0").dims()).containsExactly(2, 1);
        assertThat(out.get("mean:0").values()).containsExactly(3, 4);
        assertThat(out.get("sum:0").dims()).isEmpty();
        assertThat(out.get("sum:0").values()).containsExactly(21);
        assertThat(out.get("max:0").values()).containsExactly(5, 6);
    }

    @Test
    void integerSumOfHostValues() {
        GraphModelDef def = TestGraph.named("isum").input("x", DType.FLOAT32, 2, 3)
                .vector("axis", 0)
                .op("s", "Shape", "x").end()
                .op("n", "Sum", "s", "axis").end()
                .output("n", DType.INT32).build();

        Out n = runOne(def, Map.of("x", floats(X, 2, 3)));

        assertThat(n.values()).containsExactly(5);
        assertThat(n.dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void argMaxAndTopK() {
        GraphModelDef def = TestGraph.named("select").input("x", DType.FLOAT32, 2, 3)
                .scalar("last", 1).scalar("k", 2)
                .op("arg", "ArgMax", "x", "last").type("output_type", "DT_INT32").end()
                .op("top", "TopKV2", "x", "k").b("sorted", true).end()
                .output("arg", DType.INT32).output("top:0").output("top:1", DType.INT32).build();

        Map<String, Out> out = run(def, Map.of("x", floats(X, 2, 3)));

        assertThat(out.get("arg:0").values()).containsExactly(1, 2);
        assertThat(out.get("top:0").values()).containsExactly(5, 3, 6, 4);
        assertThat(out.get("top:1").values()).containsExactly(1, 2, 2, 0);
    }

    @Test
    void nonMaxSuppressionGivesIndicesScoresAndCount() {
        float[] boxes = {0, 0, 1, 1, 0, 0.05f, 1, 1.05f, 0, 2, 1, 3, 5, 5, 6, 6};
        GraphModelDef def = TestGraph.named("nms").input("boxes", DType.FLOAT32, 4, 4).input("scores", DType.FLOAT32, 4)
                .scalar("max", 3).floats("iou", Shape.scalar(), 0.5f).floats("min", Shape.scalar(), 0.15f)
                .floats("sigma", Shape.scalar(), 0f)
                .op("nms", "NonMaxSuppressionV5", "boxes", "scores", "max", "iou", "min", "sigma")
                .b("pad_to_max_output_size", false).end()
                .output("nms:0", DType.INT32).output("nms:1").output("nms:2", DType.INT32).build();

        Map<String, Out> out = run(def, Map.of("boxes", floats(boxes, 4, 4),
                "scores", floats(new float[] {0.9f, 0.8f, 0.7f, 0.1f}, 4)));

        assertThat(out.get("nms:0").values()).containsExactly(0, 2);
        assertThat(out.get("nms:1").values()).containsExactly(0.9f, 0.7f);
        assertThat(out.get("nms:2").values()).containsExactly(2);
    }

    @Test
    void whereListsTheCoordinatesOfTrueElements() {
        GraphModelDef def = TestGraph.named("where").input("x", DType.FLOAT32, 2, 3)
                .floats("t", Shape.scalar(), 3.5f)
                .op("gt", "Greater", "x", "t").end()
                .op("w", "Where", "gt").end()
                .output("w", DType.INT32).build();

        Out w = runOne(def, Map.of("x", floats(X, 2, 3)));

        assertThat(w.dims()).containsExactly(3, 2);
        assertThat(w.values()).containsExactly(0, 1, 1, 0, 1, 2);
    }
}
