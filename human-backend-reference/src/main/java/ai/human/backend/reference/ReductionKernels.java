package ai.human.backend.reference;

import ai.human.backend.BackendException;
import ai.human.backend.ReduceOp;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Reductions over axes, argMax and top-k. */
final class ReductionKernels {
    private ReductionKernels() {
    }

    /**
     * SUM, MEAN or MAX over {@code axes} (negative axes count from the end, repeats are ignored). INT32 stays INT32
     * (MEAN truncates); an empty reduction gives 0 for SUM, NaN for a float MEAN and the lowest value for MAX.
     */
    static Values reduce(ReduceOp op, Values x, int[] axes, boolean keepDims) {
        if (x.dtype() != DType.FLOAT32 && x.dtype() != DType.INT32) {
            throw new BackendException("reduce " + op + " needs FLOAT32 or INT32, got " + x.dtype());
        }
        int rank = x.shape().rank();
        boolean[] reduced = new boolean[rank];
        for (int axis : axes) {
            reduced[Indexing.axis(axis, rank, "reduce " + op)] = true;
        }
        int[] dims = x.shape().toArray();
        int[] kept = IntStream.range(0, rank).map(i -> reduced[i] ? 1 : dims[i]).toArray();
        int[] outDims = IntStream.range(0, rank).filter(i -> keepDims || !reduced[i]).map(i -> kept[i]).toArray();
        int[] keptStrides = Indexing.strides(kept);
        int outSize = Arrays.stream(kept).reduce(1, (p, d) -> p * d);
        double[] acc = new double[outSize];
        double identity = op == ReduceOp.MAX
                ? (x.dtype() == DType.INT32 ? Integer.MIN_VALUE : Double.NEGATIVE_INFINITY) : 0;
        Arrays.fill(acc, identity);
        int[] coords = new int[rank];
        for (int flat = 0; flat < x.size(); flat++) {
            Indexing.unravel(flat, dims, coords);
            int target = 0;
            for (int i = 0; i < rank; i++) {
                target += reduced[i] ? 0 : coords[i] * keptStrides[i];
            }
            double v = x.get(flat);
            acc[target] = op == ReduceOp.MAX ? Math.max(acc[target], v) : acc[target] + v;
        }
        long count = 1;
        for (int i = 0; i < rank; i++) {
            count *= reduced[i] ? dims[i] : 1;
        }
        Values out = Values.allocate(x.dtype(), Shape.of(outDims));
        for (int i = 0; i < outSize; i++) {
            double v = acc[i];
            if (op == ReduceOp.MEAN) {
                v = x.dtype() == DType.INT32
                        ? (count == 0 ? 0 : (long) v / count)
                        : v / count;
            } else if (op == ReduceOp.SUM && x.dtype() == DType.INT32) {
                v = (int) (long) v; // wraps around like int32 arithmetic
            }
            out.set(i, v);
        }
        return out;
    }

    /** Index of the largest value along {@code axis}, the first one on ties; INT32 without that axis. */
    static Values argMax(Values x, int axis) {
        int rank = x.shape().rank();
        int a = Indexing.axis(axis, rank, "argMax");
        int[] dims = x.shape().toArray();
        int length = dims[a];
        if (length == 0) {
            throw new BackendException("argMax: axis " + axis + " of " + x.shape() + " is empty");
        }
        int inner = Indexing.strides(dims)[a];
        int outer = inner == 0 ? 0 : (int) (x.shape().size() / ((long) length * inner));
        int[] outDims = IntStream.range(0, rank).filter(i -> i != a).map(i -> dims[i]).toArray();
        Values out = Values.allocate(DType.INT32, Shape.of(outDims));
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int best = 0;
                for (int j = 1; j < length; j++) {
                    if (x.get((o * length + j) * inner + in) > x.get((o * length + best) * inner + in)) {
                        best = j;
                    }
                }
                out.intData()[o * inner + in] = best;
            }
        }
        return out;
    }

    /** The {@code k} largest values along the last axis, largest first, the lower index first on ties. */
    static Values[] topK(Values x, int k) {
        if (x.shape().rank() == 0) {
            throw new BackendException("topK needs a tensor of rank 1 or more, got a scalar");
        }
        int length = x.shape().dim(-1);
        if (k < 0 || k > length) {
            throw new BackendException("topK: k=" + k + " must be between 0 and the last dimension " + length);
        }
        int[] outDims = x.shape().toArray();
        outDims[outDims.length - 1] = k;
        Values values = Values.allocate(x.dtype(), Shape.of(outDims));
        Values indices = Values.allocate(DType.INT32, Shape.of(outDims));
        int rows = length == 0 ? 0 : x.size() / length;
        for (int row = 0; row < rows; row++) {
            int base = row * length;
            Integer[] order = IntStream.range(0, length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -x.get(base + j)).thenComparingInt(j -> j));
            for (int j = 0; j < k; j++) {
                System.arraycopy(x.data(), base + order[j], values.data(), row * k + j, 1);
                indices.intData()[row * k + j] = order[j];
            }
        }
        return new Values[] {values, indices};
    }
}
