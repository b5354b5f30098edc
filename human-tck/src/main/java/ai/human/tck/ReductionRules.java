package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.ReduceOp;
import ai.human.backend.TopK;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules {@code OP-RED-*}: reductions over axes, argMax and top-k, worked out by hand. */
abstract class ReductionRules extends RuleGroup {
    private static final String HINT_AXES = "reduce over the listed axes only; negative axes count from the end; "
            + "keepDims leaves them as size 1";

    ReductionRules(BackendCompatibilityKit kit) {
        super(kit, Capability.OPS_CORE, true);
    }

    @Test
    @DisplayName("OP-RED-01 SUM, MEAN and MAX over one or more axes, negative axes, keepDims")
    void reduceFloat() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            check("OP-RED-01", "SUM of [[1, 2, 3], [4, 5, 6]] over axis 0", HINT_AXES,
                    t.result(backend.reduce(ReduceOp.SUM, x, new int[] {0}, false))).shape(3).floats(5, 7, 9);
            check("OP-RED-01", "SUM over axis -1 with keepDims", HINT_AXES,
                    t.result(backend.reduce(ReduceOp.SUM, x, new int[] {-1}, true))).shape(2, 1).floats(6, 15);
            check("OP-RED-01", "SUM over axes [0, 1]", HINT_AXES,
                    t.result(backend.reduce(ReduceOp.SUM, x, new int[] {0, 1}, false))).shape().floats(21);
            check("OP-RED-01", "MEAN over axis 1", HINT_AXES,
                    t.result(backend.reduce(ReduceOp.MEAN, x, new int[] {1}, false))).shape(2).floats(2, 5);
            check("OP-RED-01", "MAX over axis 0", HINT_AXES,
                    t.result(backend.reduce(ReduceOp.MAX, x, new int[] {0}, false))).shape(3).floats(4, 5, 6);
            Tensor cube = t.floats(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
            check("OP-RED-01", "SUM of 1..8 [2, 2, 2] over axes [0, 2] with keepDims", HINT_AXES,
                    t.result(backend.reduce(ReduceOp.SUM, cube, new int[] {0, 2}, true))).shape(1, 2, 1).floats(14, 22);
            check("OP-RED-01", "MEAN of 1..8 [2, 2, 2] over axes [-1, -3]", HINT_AXES,
                    t.result(backend.reduce(ReduceOp.MEAN, cube, new int[] {-1, -3}, false))).shape(2).floats(3.5f, 5.5f);
            Tensor empty = t.floats(new float[0], 0, 3);
            check("OP-RED-01", "SUM of an empty [0, 3] over axis 0", "the sum of nothing is 0",
                    t.result(backend.reduce(ReduceOp.SUM, empty, new int[] {0}, false))).shape(3).floats(0, 0, 0);
        }
    }

    @Test
    @DisplayName("OP-RED-02 SUM and MAX of INT32 stay INT32")
    void reduceInt() {
        try (TestTensors t = tensors()) {
            Tensor x = t.ints(new int[] {1, -2, 3, 4}, 2, 2);
            check("OP-RED-02", "INT32 SUM over axis 1", HINT_AXES, t.result(backend.reduce(ReduceOp.SUM, x, new int[] {1},
                    false))).dtype(DType.INT32).shape(2).ints(-1, 7);
            check("OP-RED-02", "INT32 MAX over axis 0", HINT_AXES, t.result(backend.reduce(ReduceOp.MAX, x, new int[] {0},
                    false))).dtype(DType.INT32).shape(2).ints(3, 4);
        }
    }

    @Test
    @DisplayName("OP-RED-03 argMax returns INT32 indices, the first one on ties")
    void argMax() {
        String hint = "the index of the largest value along the axis, the lowest index on ties, as INT32";
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {1, 3, 3, 5, 2, 5}, 2, 3);
            check("OP-RED-03", "argMax of [[1, 3, 3], [5, 2, 5]] over axis 1", hint,
                    t.result(backend.argMax(x, 1))).dtype(DType.INT32).shape(2).ints(1, 0);
            check("OP-RED-03", "argMax over axis -1", hint, t.result(backend.argMax(x, -1))).shape(2).ints(1, 0);
            check("OP-RED-03", "argMax over axis 0", hint, t.result(backend.argMax(x, 0))).shape(3).ints(1, 0, 1);
            Tensor ints = t.ints(new int[] {-7, 4, 4, 2}, 4);
            check("OP-RED-03", "argMax of INT32 [-7, 4, 4, 2]", hint, t.result(backend.argMax(ints, 0)))
                    .dtype(DType.INT32).shape().ints(1);
        }
    }

    @Test
    @DisplayName("OP-RED-04 topK: the k largest along the last axis, largest first, lower index first on ties")
    void topK() {
        String hint = "sorted descending; equal values keep the lower index first; indices are INT32";
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {1, 3, 3, 0, 2, 5, 5, 5, 1, 9}, 2, 5);
            TopK top = t.result(backend.topK(x, 3, true));
            check("OP-RED-04", "topK values, k=3, of [[1, 3, 3, 0, 2], [5, 5, 5, 1, 9]]", hint, top.values())
                    .shape(2, 3).floats(3, 3, 2, 9, 5, 5);
            check("OP-RED-04", "topK indices, k=3", hint, top.indices()).dtype(DType.INT32).shape(2, 3).ints(1, 2, 4, 4, 0, 1);
            TopK all = t.result(backend.topK(x, 5, true));
            check("OP-RED-04", "topK indices, k=5 (all)", hint, all.indices()).ints(1, 2, 4, 0, 3, 4, 0, 1, 2, 3);
            TopK none = t.result(backend.topK(x, 0, true));
            check("OP-RED-04", "topK values, k=0", hint, none.values()).shape(2, 0).floats();
            Tensor ints = t.ints(new int[] {4, -1, 8, 4}, 4);
            TopK intTop = t.result(backend.topK(ints, 2, true));
            check("OP-RED-04", "topK values of INT32 [4, -1, 8, 4], k=2", hint + "; values keep the input dtype",
                    intTop.values()).dtype(DType.INT32).shape(2).ints(8, 4);
            check("OP-RED-04", "topK indices of INT32 [4, -1, 8, 4], k=2", hint, intTop.indices()).ints(2, 0);
            TopK unsorted = t.result(backend.topK(x, 3, false));
            float[] values = unsorted.values().toFloats();
            Arrays.sort(values, 0, 3);
            Arrays.sort(values, 3, 6);
            assertThat(values).as("[OP-RED-04] topK with sorted=false: the same k values per row, in any order")
                    .containsExactly(2, 3, 3, 5, 5, 9);
        }
    }
}
