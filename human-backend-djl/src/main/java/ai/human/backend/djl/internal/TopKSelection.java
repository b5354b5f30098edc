package ai.human.backend.djl.internal;

import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.human.tensor.DType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * The {@code k} largest values of each row with TensorFlow's order: larger value first, lower index first among
 * equal values. PyTorch's {@code topk} finds the right values but breaks ties in no particular order, so it is asked
 * for {@code k + 1}: when the last two are not equal, the first {@code k} are the right set and only need sorting;
 * when they are (a tie at the cut), the row is read and the lowest-indexed equal values are picked in one pass.
 */
public final class TopKSelection {

    /** Values (exact copies of the input's) and in-row indices, both {@code rows x k}, row-major. */
    public record Selection(double[] values, int[] indices) {
    }

    private TopKSelection() {
    }

    /** Selects from {@code x} seen as {@code rows x n} ({@code dtype} FLOAT32 or INT32), {@code 0 < k <= n}. */
    public static Selection select(Scratch s, PtNDArray x, int rows, int n, int k, DType dtype) {
        double[] values = new double[rows * k];
        int[] indices = new int[rows * k];
        if (k == n) {
            double[] all = read(x, rows * n, dtype);
            for (int r = 0; r < rows; r++) {
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                int base = r * n;
                Arrays.sort(order, byValueThenIndex(i -> all[base + i], i -> i));
                for (int j = 0; j < k; j++) {
                    indices[r * k + j] = order[j];
                    values[r * k + j] = all[base + order[j]];
                }
            }
            return new Selection(values, indices);
        }
        int width = k + 1;
        NDList top = JniUtils.topK(x, width, -1, true, true);
        PtNDArray topValues = s.add((PtNDArray) top.get(0));
        PtNDArray topIndices = s.add((PtNDArray) top.get(1));
        double[] candidates = read(topValues, rows * width, dtype);
        long[] candidateIndices = NdArrays.toLongs(topIndices, rows * width);
        double[] wholeRows = null;
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double cut = candidates[base + k - 1];
            Integer[] chosen = new Integer[k];
            double[] rowValues;
            int[] rowIndices = new int[k];
            if (greater(cut, candidates[base + k])) {
                rowValues = Arrays.copyOfRange(candidates, base, base + k);
                for (int j = 0; j < k; j++) {
                    rowIndices[j] = (int) candidateIndices[base + j];
                }
            } else {
                if (wholeRows == null) {
                    wholeRows = read(x, rows * n, dtype);
                }
                rowValues = new double[k];
                int taken = 0;
                for (int j = 0; j < width; j++) {
                    if (greater(candidates[base + j], cut)) {
                        rowValues[taken] = candidates[base + j];
                        rowIndices[taken++] = (int) candidateIndices[base + j];
                    }
                }
                for (int i = 0; i < n && taken < k; i++) {
                    double v = wholeRows[r * n + i];
                    if (!greater(v, cut) && !greater(cut, v)) {
                        rowValues[taken] = v;
                        rowIndices[taken++] = i;
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                chosen[j] = j;
            }
            double[] finalValues = rowValues;
            Arrays.sort(chosen, byValueThenIndex(j -> finalValues[j], j -> rowIndices[j]));
            for (int j = 0; j < k; j++) {
                values[r * k + j] = rowValues[chosen[j]];
                indices[r * k + j] = rowIndices[chosen[j]];
            }
        }
        return new Selection(values, indices);
    }

    /** Larger value first (NaN largest, as PyTorch orders it), then smaller index. */
    private static Comparator<Integer> byValueThenIndex(IntToDoubleFunction value, IntUnaryOperator index) {
        return (a, b) -> {
            double va = value.applyAsDouble(a);
            double vb = value.applyAsDouble(b);
            if (greater(va, vb)) {
                return -1;
            }
            if (greater(vb, va)) {
                return 1;
            }
            return Integer.compare(index.applyAsInt(a), index.applyAsInt(b));
        };
    }

    /** Strictly greater, NaN above everything else; {@code -0.0} and {@code 0.0} are equal. */
    private static boolean greater(double a, double b) {
        if (Double.isNaN(a)) {
            return !Double.isNaN(b);
        }
        return a > b;
    }

    private static double[] read(PtNDArray array, int count, DType dtype) {
        double[] out = new double[count];
        if (dtype == DType.INT32) {
            int[] ints = NdArrays.toInts(array, count);
            for (int i = 0; i < count; i++) {
                out[i] = ints[i];
            }
        } else {
            float[] floats = NdArrays.toFloats(array, count);
            for (int i = 0; i < count; i++) {
                out[i] = floats[i];
            }
        }
        return out;
    }
}
