package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelException;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * StridedSlice with every mask, on x = arange(24).reshape(2, 3, 4) (x[b, r, c] = 12b + 4r + c). Each case runs with x
 * fed at run time (backend path) and with x constant (folded at load through the Java path).
 */
class StridedSliceTest extends ExecutorTestSupport {
    private static final float[] X = arange(24);

    private static float[] arange(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    private record Masks(int begin, int end, int ellipsis, int newAxis, int shrink) {
        static final Masks NONE = new Masks(0, 0, 0, 0, 0);
    }

    /** Runs the slice both ways; checks shape and values and that both ways agree. */
    private void check(int[] begin, int[] end, int[] strides, Masks m, int[] shape, float... expected) {
        for (boolean constant : new boolean[] {false, true}) {
            TestGraph g = TestGraph.named("slice");
            if (constant) {
                g.floats("x", Shape.of(2, 3, 4), X);
            } else {
                g.input("x", DType.FLOAT32, 2, 3, 4);
            }
            GraphModelDef def = g.vector("b", begin).vector("e", end).vector("s", strides)
                    .op("y", "StridedSlice", "x", "b", "e", "s").i("begin_mask", m.begin()).i("end_mask", m.end())
                    .i("ellipsis_mask", m.ellipsis()).i("new_axis_mask", m.newAxis()).i("shrink_axis_mask", m.shrink())
                    .end().output("y").build();
            Out y = runOne(def, constant ? Map.of() : Map.of("x", floats(X, 2, 3, 4)));
            assertThat(y.dims()).as(constant ? "folded" : "backend").containsExactly(shape);
            assertThat(y.values()).as(constant ? "folded" : "backend").containsExactly(expected);
        }
    }

    @Test
    void plainRangesLeaveUnmentionedAxesWhole() {
        check(new int[] {0, 1}, new int[] {2, 3}, new int[] {1, 1}, Masks.NONE, new int[] {2, 2, 4},
                4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23);
    }

    @Test
    void shrinkAxisTakesOneIndexAndDropsTheAxis() {
        check(new int[] {1}, new int[] {2}, new int[] {1}, new Masks(0, 0, 0, 0, 1), new int[] {3, 4},
                12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);
    }

    @Test
    void ellipsisCoversTheLeadingAxes() {
        // x[..., 1]
        check(new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 1}, new Masks(0, 0, 1, 0, 2), new int[] {2, 3},
                1, 5, 9, 13, 17, 21);
    }

    @Test
    void newAxisInsertsADimensionOfOne() {
        // x[tf.newaxis, 0]
        check(new int[] {0, 0}, new int[] {0, 1}, new int[] {1, 1}, new Masks(0, 0, 0, 1, 2), new int[] {1, 3, 4},
                Arrays.copyOf(X, 12));
    }

    @Test
    void negativeStrideWithMasksWalksBackwards() {
        // x[:, ::-1, -1]
        check(new int[] {0, 0, -1}, new int[] {0, 0, 0}, new int[] {1, -1, 1}, new Masks(3, 3, 0, 0, 4),
                new int[] {2, 3}, 11, 7, 3, 23, 19, 15);
    }

    @Test
    void negativeIndicesCountFromTheEnd() {
        // x[:, -2:, 1:-1]
        check(new int[] {0, -2, 1}, new int[] {0, 0, -1}, new int[] {1, 1, 1}, new Masks(1, 3, 0, 0, 0),
                new int[] {2, 2, 2}, 5, 6, 9, 10, 17, 18, 21, 22);
    }

    @Test
    void stridesSkipElementsAndEndsClampToTheAxis() {
        // x[:, :, 1:100:2]
        check(new int[] {0, 0, 1}, new int[] {0, 0, 100}, new int[] {1, 1, 2}, new Masks(3, 3, 0, 0, 0),
                new int[] {2, 3, 2}, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23);
    }

    @Test
    void anEmptyRangeGivesAnEmptyTensor() {
        check(new int[] {0, 2}, new int[] {2, 1}, new int[] {1, 1}, Masks.NONE, new int[] {2, 0, 4});
    }

    @Test
    void twoEllipsesAreRejectedAtLoad() {
        GraphModelDef def = TestGraph.named("bad").input("x", DType.FLOAT32, 2, 3, 4)
                .vector("b", 0, 0).vector("e", 0, 0).vector("s", 1, 1)
                .op("y", "StridedSlice", "x", "b", "e", "s").i("ellipsis_mask", 3).end().output("y").build();

        assertThatThrownBy(() -> GraphExecutor.compile(backend, def)).isInstanceOf(ModelException.class)
                .hasMessageContaining("Model 'bad'").hasMessageContaining("node 'y' (StridedSlice)")
                .hasMessageContaining("ellipsis_mask 3");
    }

    @Test
    void anIndexOutsideTheAxisFailsTheRunNamingTheNode() {
        GraphModelDef def = TestGraph.named("oob").input("x", DType.FLOAT32, 2, 3, 4)
                .vector("b", 5).vector("e", 6).vector("s", 1)
                .op("y", "StridedSlice", "x", "b", "e", "s").i("shrink_axis_mask", 1).end().output("y").build();
        long before = backend.memory().tensors();

        try (GraphExecutor executor = GraphExecutor.compile(backend, def)) {
            var x = floats(X, 2, 3, 4);
            assertThatThrownBy(() -> executor.run(Map.of("x", x))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("node 'y' (StridedSlice)").hasMessageContaining("index 5");
            x.close();
        }
        assertThat(backend.memory().tensors()).isEqualTo(before);
    }
}
