package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules {@code OP-SHAPE-*} and {@code OP-IDX-*}: ops that move elements, for every dtype; worked out by hand. */
abstract class LayoutRules extends RuleGroup {
    private static final String HINT_ORDER = "row-major (C) order, the last axis fastest";

    LayoutRules(BackendCompatibilityKit kit) {
        super(kit, Capability.OPS_CORE, true);
    }

    private static int[] range(int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = i;
        }
        return values;
    }

    private static float[] floatRange(int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = i;
        }
        return values;
    }

    @Test
    @DisplayName("OP-SHAPE-01 reshape keeps the row-major order and dtype, from and to scalars and empty shapes")
    void reshape() {
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(floatRange(6), 2, 3);
            check("OP-SHAPE-01", "reshape of [2, 3] to [3, 2]", HINT_ORDER, t.result(backend.reshape(x, Shape.of(3, 2))))
                    .shape(3, 2).floats(0, 1, 2, 3, 4, 5);
            Tensor u = t.uint8(new int[] {1, 200, 3, 255}, 4);
            check("OP-SHAPE-01", "reshape of UINT8 [4] to [2, 1, 2]", HINT_ORDER,
                    t.result(backend.reshape(u, Shape.of(2, 1, 2)))).dtype(DType.UINT8).shape(2, 1, 2).ints(1, 200, 3, 255);
            Tensor b = t.bools(new int[] {1, 0}, 2);
            check("OP-SHAPE-01", "reshape of BOOL [2] to [1, 2]", HINT_ORDER, t.result(backend.reshape(b, Shape.of(1, 2))))
                    .dtype(DType.BOOL).shape(1, 2).ints(1, 0);
            Tensor s = t.scalar(5f);
            check("OP-SHAPE-01", "reshape of a scalar to [1, 1]", HINT_ORDER, t.result(backend.reshape(s, Shape.of(1, 1))))
                    .shape(1, 1).floats(5);
            Tensor one = t.ints(new int[] {9}, 1);
            check("OP-SHAPE-01", "reshape of INT32 [1] to a scalar", HINT_ORDER,
                    t.result(backend.reshape(one, Shape.scalar()))).dtype(DType.INT32).shape().ints(9);
            Tensor empty = t.floats(new float[0], 0, 3);
            check("OP-SHAPE-01", "reshape of [0, 3] to [3, 0]", HINT_ORDER, t.result(backend.reshape(empty, Shape.of(3, 0))))
                    .shape(3, 0).floats();
        }
    }

    @Test
    @DisplayName("OP-SHAPE-02 transpose: output axis i is input axis permutation[i]")
    void transpose() {
        String hint = "out[c0, c1, c2] = in at the coordinates where axis permutation[i] has c_i";
        try (TestTensors t = tensors()) {
            Tensor x = t.ints(range(24), 2, 3, 4);
            // x[i][j][k] = 12i + 4j + k; with permutation [2, 0, 1] out[k][i][j] = x[i][j][k]
            check("OP-SHAPE-02", "transpose of 0..23 [2, 3, 4] by [2, 0, 1]", hint,
                    t.result(backend.transpose(x, new int[] {2, 0, 1}))).dtype(DType.INT32).shape(4, 2, 3)
                    .ints(0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23);
            Tensor m = t.floats(floatRange(6), 2, 3);
            check("OP-SHAPE-02", "transpose of [[0, 1, 2], [3, 4, 5]] by [1, 0]", hint,
                    t.result(backend.transpose(m, new int[] {1, 0}))).shape(3, 2).floats(0, 3, 1, 4, 2, 5);
            Tensor u = t.uint8(new int[] {10, 20, 30, 40}, 1, 2, 2);
            check("OP-SHAPE-02", "transpose of UINT8 [1, 2, 2] by [0, 2, 1]", hint,
                    t.result(backend.transpose(u, new int[] {0, 2, 1}))).dtype(DType.UINT8).ints(10, 30, 20, 40);
        }
    }

    @Test
    @DisplayName("OP-SHAPE-03 concat joins along an axis (negative too), for every dtype, with empty parts")
    void concat() {
        String hint = "all parts have the same shape except along the axis; parts follow each other along it";
        try (TestTensors t = tensors()) {
            Tensor a = t.floats(new float[] {1, 2}, 1, 2);
            Tensor b = t.floats(new float[] {3, 4, 5, 6}, 2, 2);
            check("OP-SHAPE-03", "concat of [1, 2] and [2, 2] along axis 0", hint,
                    t.result(backend.concat(List.of(a, b), 0))).shape(3, 2).floats(1, 2, 3, 4, 5, 6);
            Tensor c = t.floats(new float[] {1, 2}, 2, 1);
            check("OP-SHAPE-03", "concat of [2, 1] and [2, 2] along axis -1", hint,
                    t.result(backend.concat(List.of(c, b), -1))).shape(2, 3).floats(1, 3, 4, 2, 5, 6);
            Tensor i = t.ints(new int[] {1, 2}, 2);
            Tensor none = t.ints(new int[0], 0);
            Tensor j = t.ints(new int[] {3}, 1);
            check("OP-SHAPE-03", "concat of INT32 [2], [0] and [1]", hint,
                    t.result(backend.concat(List.of(i, none, j), 0))).dtype(DType.INT32).shape(3).ints(1, 2, 3);
            Tensor p = t.bools(new int[] {1}, 1);
            Tensor q = t.bools(new int[] {0, 1}, 2);
            check("OP-SHAPE-03", "concat of BOOL tensors", hint, t.result(backend.concat(List.of(p, q), 0)))
                    .dtype(DType.BOOL).ints(1, 0, 1);
            Tensor single = t.floats(new float[] {7, 8}, 2);
            check("OP-SHAPE-03", "concat of a single tensor", hint, t.result(backend.concat(List.of(single), 0)))
                    .shape(2).floats(7, 8);
        }
    }

    @Test
    @DisplayName("OP-SHAPE-04 slice takes a block (size -1 runs to the end); split cuts along an axis")
    void sliceAndSplit() {
        String hint = "begin is inclusive, size counts elements, -1 means to the end of the axis";
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(floatRange(12), 3, 4);
            check("OP-SHAPE-04", "slice of 0..11 [3, 4] from [1, 1] size [2, -1]", hint,
                    t.result(backend.slice(x, new int[] {1, 1}, new int[] {2, -1}))).shape(2, 3).floats(5, 6, 7, 9, 10, 11);
            check("OP-SHAPE-04", "slice of size [0, 2]", hint,
                    t.result(backend.slice(x, new int[] {1, 0}, new int[] {0, 2}))).shape(0, 2).floats();
            Tensor u = t.uint8(new int[] {1, 2, 3, 4, 5}, 5);
            check("OP-SHAPE-04", "slice of UINT8 [5] from 3", hint, t.result(backend.slice(u, new int[] {3}, new int[] {-1})))
                    .dtype(DType.UINT8).shape(2).ints(4, 5);
            List<Tensor> parts = t.results(backend.split(x, 1, new int[] {1, 3}));
            assertThat(parts).as("[OP-SHAPE-04] number of parts of split into sizes [1, 3]").hasSize(2);
            check("OP-SHAPE-04", "first part of split along axis 1 into [1, 3]", hint, parts.get(0)).shape(3, 1)
                    .floats(0, 4, 8);
            check("OP-SHAPE-04", "second part of split along axis 1 into [1, 3]", hint, parts.get(1)).shape(3, 3)
                    .floats(1, 2, 3, 5, 6, 7, 9, 10, 11);
        }
    }

    @Test
    @DisplayName("OP-SHAPE-05 stridedSlice (resolved form): begin inclusive, end exclusive, positive and negative strides")
    void stridedSlice() {
        String hint = "elements begin, begin + stride, ... while before end (after end for negative strides)";
        try (TestTensors t = tensors()) {
            Tensor x = t.ints(range(20), 4, 5);
            check("OP-SHAPE-05", "stridedSlice of 0..19 [4, 5], begin [0, 1], end [4, 5], strides [2, 2]", hint,
                    t.result(backend.stridedSlice(x, new int[] {0, 1}, new int[] {4, 5}, new int[] {2, 2})))
                    .dtype(DType.INT32).shape(2, 2).ints(1, 3, 11, 13);
            check("OP-SHAPE-05", "stridedSlice begin [1, 0], end [4, 5], strides [2, 3]", hint,
                    t.result(backend.stridedSlice(x, new int[] {1, 0}, new int[] {4, 5}, new int[] {2, 3})))
                    .shape(2, 2).ints(5, 8, 15, 18);
            check("OP-SHAPE-05", "stridedSlice begin [3, 4], end [0, 0], strides [-1, -2]", hint,
                    t.result(backend.stridedSlice(x, new int[] {3, 4}, new int[] {0, 0}, new int[] {-1, -2})))
                    .shape(3, 2).ints(19, 17, 14, 12, 9, 7);
            Tensor f = t.floats(floatRange(6), 6);
            check("OP-SHAPE-05", "stridedSlice of FLOAT32 0..5 begin 1 end 6 stride 2", hint,
                    t.result(backend.stridedSlice(f, new int[] {1}, new int[] {6}, new int[] {2}))).shape(3).floats(1, 3, 5);
        }
    }

    @Test
    @DisplayName("OP-SHAPE-06 pad adds {before, after} elements of the given value on each axis")
    void pad() {
        String hint = "paddings[i] = {before, after} for axis i; new elements take the value (converted to the dtype)";
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {1, 2, 3, 4}, 2, 2);
            check("OP-SHAPE-06", "pad of [[1, 2], [3, 4]] by {{1, 0}, {0, 2}} with 9", hint,
                    t.result(backend.pad(x, new int[][] {{1, 0}, {0, 2}}, 9f))).shape(3, 4)
                    .floats(9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9);
            Tensor i = t.ints(new int[] {5, 6}, 2);
            check("OP-SHAPE-06", "pad of INT32 [5, 6] by {2, 1} with -1", hint,
                    t.result(backend.pad(i, new int[][] {{2, 1}}, -1f))).dtype(DType.INT32).shape(5).ints(-1, -1, 5, 6, -1);
            Tensor image = t.floats(new float[] {1, 2}, 1, 1, 1, 2);
            check("OP-SHAPE-06", "pad of an NHWC image [1, 1, 1, 2] by one pixel of 0 around", hint,
                    t.result(backend.pad(image, new int[][] {{0, 0}, {1, 1}, {0, 1}, {0, 0}}, 0f))).shape(1, 3, 2, 2)
                    .floats(0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0);
        }
    }

    @Test
    @DisplayName("OP-SHAPE-07 reverse flips the order along each given axis (negative too)")
    void reverse() {
        String hint = "element c along a reversed axis of length n comes from n - 1 - c";
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(floatRange(6), 2, 3);
            check("OP-SHAPE-07", "reverse of [[0, 1, 2], [3, 4, 5]] along axis 1", hint,
                    t.result(backend.reverse(x, new int[] {1}))).shape(2, 3).floats(2, 1, 0, 5, 4, 3);
            check("OP-SHAPE-07", "reverse along axis -1", hint, t.result(backend.reverse(x, new int[] {-1})))
                    .floats(2, 1, 0, 5, 4, 3);
            check("OP-SHAPE-07", "reverse along axes [0, 1]", hint, t.result(backend.reverse(x, new int[] {0, 1})))
                    .floats(5, 4, 3, 2, 1, 0);
            Tensor i = t.ints(new int[] {1, 2, 3}, 3);
            check("OP-SHAPE-07", "reverse of INT32 [1, 2, 3]", hint, t.result(backend.reverse(i, new int[] {0})))
                    .dtype(DType.INT32).ints(3, 2, 1);
        }
    }

    @Test
    @DisplayName("OP-IDX-01 gather picks slices along an axis by INT32 indices (any index shape, repeats allowed)")
    void gather() {
        String hint = "TensorFlow GatherV2: the result has shape x[:axis] + indices.shape + x[axis+1:]";
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
            Tensor rows = t.ints(new int[] {2, 0, 2}, 3);
            check("OP-IDX-01", "gather of rows [2, 0, 2] of [[1, 2], [3, 4], [5, 6]]", hint,
                    t.result(backend.gather(x, rows, 0))).shape(3, 2).floats(5, 6, 1, 2, 5, 6);
            Tensor columns = t.ints(new int[] {1, 0}, 2, 1);
            check("OP-IDX-01", "gather along axis 1 with indices [[1], [0]]", hint,
                    t.result(backend.gather(x, columns, 1))).shape(3, 2, 1).floats(2, 1, 4, 3, 6, 5);
            Tensor ints = t.ints(new int[] {10, 20, 30}, 3);
            Tensor pick = t.ints(new int[] {1}, 1);
            check("OP-IDX-01", "gather of INT32", hint, t.result(backend.gather(ints, pick, 0))).dtype(DType.INT32)
                    .shape(1).ints(20);
            Tensor flags = t.bools(new int[] {0, 1}, 2);
            Tensor twice = t.ints(new int[] {1, 1, 0}, 3);
            check("OP-IDX-01", "gather of BOOL", hint, t.result(backend.gather(flags, twice, 0))).dtype(DType.BOOL)
                    .ints(1, 1, 0);
            Tensor noIndex = t.ints(new int[0], 0);
            check("OP-IDX-01", "gather of no rows", hint, t.result(backend.gather(x, noIndex, 0))).shape(0, 2).floats();
        }
    }

    @Test
    @DisplayName("OP-IDX-02 gatherNd: the last axis of the INT32 indices addresses into x")
    void gatherNd() {
        String hint = "TensorFlow GatherNd: result shape indices.shape[:-1] + x.shape[indices.shape[-1]:]";
        try (TestTensors t = tensors()) {
            Tensor x = t.floats(floatRange(8), 2, 2, 2);
            Tensor pairs = t.ints(new int[] {0, 1, 1, 0}, 2, 2);
            check("OP-IDX-02", "gatherNd of 0..7 [2, 2, 2] at [[0, 1], [1, 0]]", hint,
                    t.result(backend.gatherNd(x, pairs))).shape(2, 2).floats(2, 3, 4, 5);
            Tensor triples = t.ints(new int[] {1, 1, 1, 0, 0, 1}, 2, 3);
            check("OP-IDX-02", "gatherNd at [[1, 1, 1], [0, 0, 1]]", hint, t.result(backend.gatherNd(x, triples)))
                    .shape(2).floats(7, 1);
            Tensor nested = t.ints(new int[] {1, 0}, 2, 1, 1);
            check("OP-IDX-02", "gatherNd at [[[1]], [[0]]]", hint, t.result(backend.gatherNd(x, nested)))
                    .shape(2, 1, 2, 2).floats(4, 5, 6, 7, 0, 1, 2, 3);
        }
    }
}
