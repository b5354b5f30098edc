package ai.human.graph.internal;

import ai.human.backend.BinaryOp;
import ai.human.backend.ReduceOp;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.List;

/**
 * The ops the executor evaluates in Java when every input is a host value (shape arithmetic on small int32 tensors,
 * constant folding). Semantics match TensorFlow's kernels: int32 wraps, float32 arithmetic is done in float.
 */
final class HostOps {
    private HostOps() {
    }

    static TensorValue binary(BinaryOp op, TensorValue a, TensorValue b) {
        if (a.dtype != b.dtype) {
            throw new IllegalArgumentException(op + " of " + a.describe() + " and " + b.describe()
                    + ": operands must have the same dtype");
        }
        Shape shape = Shapes.broadcast(a.shape, b.shape);
        int[] ia = Shapes.broadcastSources(a.shape, shape);
        int[] ib = Shapes.broadcastSources(b.shape, shape);
        int n = ia.length;
        DType outType = op.isComparison() ? DType.BOOL : a.dtype;
        Object out = HostArrays.allocate(outType, n);
        Object x = a.host();
        Object y = b.host();
        if (op.isComparison()) {
            byte[] r = (byte[]) out;
            for (int i = 0; i < n; i++) {
                double u = HostArrays.get(x, ia[i]);
                double v = HostArrays.get(y, ib[i]);
                boolean t = switch (op) {
                    case EQUAL -> u == v;
                    case GREATER -> u > v;
                    case GREATER_EQUAL -> u >= v;
                    case LESS -> u < v;
                    case LOGICAL_AND -> u != 0 && v != 0;
                    default -> throw new IllegalStateException(op.name());
                };
                r[i] = (byte) (t ? 1 : 0);
            }
        } else if (a.dtype == DType.FLOAT32) {
            float[] fx = (float[]) x;
            float[] fy = (float[]) y;
            float[] r = (float[]) out;
            for (int i = 0; i < n; i++) {
                r[i] = floatOp(op, fx[ia[i]], fy[ib[i]]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                int u = (int) HostArrays.get(x, ia[i]);
                int v = (int) HostArrays.get(y, ib[i]);
                HostArrays.set(out, outType, i, intOp(op, u, v));
            }
        }
        return TensorValue.host(outType, shape, out);
    }

    private static float floatOp(BinaryOp op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case FLOOR_DIV -> (float) Math.floor(x / y);
            case FLOOR_MOD -> {
                float r = x % y;
                yield r != 0 && (r < 0) != (y < 0) ? r + y : r;
            }
            case MINIMUM -> Math.min(x, y);
            case MAXIMUM -> Math.max(x, y);
            case SQUARED_DIFFERENCE -> (x - y) * (x - y);
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static int intOp(BinaryOp op, int x, int y) {
        if (y == 0 && (op == BinaryOp.DIV || op == BinaryOp.FLOOR_DIV || op == BinaryOp.FLOOR_MOD)) {
            throw new ArithmeticException(op + ": integer division by zero");
        }
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case FLOOR_DIV -> Math.floorDiv(x, y);
            case FLOOR_MOD -> Math.floorMod(x, y);
            case MINIMUM -> Math.min(x, y);
            case MAXIMUM -> Math.max(x, y);
            case SQUARED_DIFFERENCE -> (x - y) * (x - y);
            default -> throw new IllegalStateException(op.name());
        };
    }

    static TensorValue cast(TensorValue x, DType to) {
        Object in = x.host();
        int n = (int) x.size();
        Object out = HostArrays.allocate(to, n);
        for (int i = 0; i < n; i++) {
            HostArrays.set(out, to, i, HostArrays.get(in, i));
        }
        return TensorValue.host(to, x.shape, out);
    }

    /** Element-wise {@code cond ? t : e} with broadcasting (SelectV2); the caller reshapes a TF1 row condition first. */
    static TensorValue select(TensorValue cond, TensorValue t, TensorValue e) {
        Shape shape = Shapes.broadcast(cond.shape, Shapes.broadcast(t.shape, e.shape));
        int[] ic = Shapes.broadcastSources(cond.shape, shape);
        int[] it = Shapes.broadcastSources(t.shape, shape);
        int[] ie = Shapes.broadcastSources(e.shape, shape);
        Object out = HostArrays.allocate(t.dtype, ic.length);
        Object c = cond.host();
        for (int i = 0; i < ic.length; i++) {
            boolean pick = HostArrays.get(c, ic[i]) != 0;
            System.arraycopy(pick ? t.host() : e.host(), pick ? it[i] : ie[i], out, i, 1);
        }
        return TensorValue.host(t.dtype, shape, out);
    }

    static TensorValue concat(List<TensorValue> parts, int axis) {
        TensorValue first = parts.get(0);
        int rank = first.shape.rank();
        int a = Shapes.axis(axis, rank);
        int total = 0;
        for (TensorValue p : parts) {
            if (p.shape.rank() != rank || p.dtype != first.dtype) {
                throw new IllegalArgumentException("concat of " + first.describe() + " and " + p.describe());
            }
            total += p.shape.dim(a);
        }
        Shape shape = Shapes.withDim(first.shape, a, total);
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= shape.dim(i);
        }
        int inner = 1;
        for (int i = a + 1; i < rank; i++) {
            inner *= shape.dim(i);
        }
        Object out = HostArrays.allocate(first.dtype, (int) shape.size());
        int offset = 0;
        for (int o = 0; o < outer; o++) {
            for (TensorValue p : parts) {
                int block = p.shape.dim(a) * inner;
                System.arraycopy(p.host(), o * block, out, offset, block);
                offset += block;
            }
        }
        return TensorValue.host(first.dtype, shape, out);
    }

    /**
     * Elements {@code begin[d] + k * strides[d]} for {@code k < lengths[d]} on every axis (already resolved, any sign of
     * stride), laid out as {@code outShape} (same element count as {@code lengths}).
     */
    static TensorValue strided(TensorValue x, int[] begin, int[] strides, int[] lengths, Shape outShape) {
        int rank = lengths.length;
        int[] inStrides = Shapes.strides(x.shape.toArray());
        int n = 1;
        for (int len : lengths) {
            n *= len;
        }
        Object out = HostArrays.allocate(x.dtype, n);
        if (n > 0) {
            int[] counter = new int[rank];
            int src = 0;
            for (int d = 0; d < rank; d++) {
                src += begin[d] * inStrides[d];
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(x.host(), src, out, i, 1);
                for (int d = rank - 1; d >= 0; d--) {
                    if (++counter[d] < lengths[d]) {
                        src += strides[d] * inStrides[d];
                        break;
                    }
                    src -= strides[d] * inStrides[d] * (counter[d] - 1);
                    counter[d] = 0;
                }
            }
        }
        return TensorValue.host(x.dtype, outShape, out);
    }

    /** TensorFlow {@code GatherV2} with {@code batch_dims = 0}. */
    static TensorValue gather(TensorValue params, int[] indices, Shape indicesShape, int axis) {
        int rank = params.shape.rank();
        int a = Shapes.axis(axis, rank);
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= params.shape.dim(i);
        }
        int inner = 1;
        for (int i = a + 1; i < rank; i++) {
            inner *= params.shape.dim(i);
        }
        int limit = params.shape.dim(a);
        int[] dims = new int[rank - 1 + indicesShape.rank()];
        int k = 0;
        for (int i = 0; i < a; i++) {
            dims[k++] = params.shape.dim(i);
        }
        for (int i = 0; i < indicesShape.rank(); i++) {
            dims[k++] = indicesShape.dim(i);
        }
        for (int i = a + 1; i < rank; i++) {
            dims[k++] = params.shape.dim(i);
        }
        Shape shape = Shape.of(dims);
        Object out = HostArrays.allocate(params.dtype, (int) shape.size());
        int offset = 0;
        for (int o = 0; o < outer; o++) {
            for (int index : indices) {
                if (index < 0 || index >= limit) {
                    throw new IndexOutOfBoundsException("gather index " + index + " is outside [0, " + limit + ")");
                }
                System.arraycopy(params.host(), (o * limit + index) * inner, out, offset, inner);
                offset += inner;
            }
        }
        return TensorValue.host(params.dtype, shape, out);
    }

    static TensorValue transpose(TensorValue x, int[] perm) {
        int rank = perm.length;
        int[] inDims = x.shape.toArray();
        int[] inStrides = Shapes.strides(inDims);
        int[] lengths = new int[rank];
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            lengths[i] = inDims[perm[i]];
            strides[i] = inStrides[perm[i]];
        }
        int n = (int) x.size();
        Object out = HostArrays.allocate(x.dtype, n);
        int[] counter = new int[rank];
        int src = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x.host(), src, out, i, 1);
            for (int d = rank - 1; d >= 0; d--) {
                if (++counter[d] < lengths[d]) {
                    src += strides[d];
                    break;
                }
                src -= strides[d] * (counter[d] - 1);
                counter[d] = 0;
            }
        }
        return TensorValue.host(x.dtype, Shape.of(lengths), out);
    }

    static TensorValue reduce(ReduceOp op, TensorValue x, int[] axes, boolean keepDims) {
        int rank = x.shape.rank();
        boolean[] reduced = new boolean[rank];
        for (int axis : axes) {
            reduced[Shapes.axis(axis, rank)] = true;
        }
        int[] inDims = x.shape.toArray();
        int[] outDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = reduced[i] ? 1 : inDims[i];
        }
        int[] outStrides = Shapes.strides(outDims);
        int outSize = 1;
        for (int d : outDims) {
            outSize *= d;
        }
        double[] acc = new double[outSize];
        int[] count = new int[outSize];
        if (op == ReduceOp.MAX) {
            java.util.Arrays.fill(acc, Double.NEGATIVE_INFINITY);
        }
        int n = (int) x.size();
        int[] counter = new int[rank];
        for (int i = 0; i < n; i++) {
            int o = 0;
            for (int d = 0; d < rank; d++) {
                if (!reduced[d]) {
                    o += counter[d] * outStrides[d];
                }
            }
            double v = HostArrays.get(x.host(), i);
            acc[o] = op == ReduceOp.MAX ? Math.max(acc[o], v) : acc[o] + v;
            count[o]++;
            for (int d = rank - 1; d >= 0; d--) {
                if (++counter[d] < inDims[d]) {
                    break;
                }
                counter[d] = 0;
            }
        }
        Object out = HostArrays.allocate(x.dtype, outSize);
        for (int o = 0; o < outSize; o++) {
            double v = op == ReduceOp.MEAN ? acc[o] / Math.max(count[o], 1) : acc[o];
            if (op == ReduceOp.MEAN && x.dtype == DType.INT32) {
                v = (long) acc[o] / Math.max(count[o], 1); // TensorFlow's integer mean truncates
            }
            HostArrays.set(out, x.dtype, o, v);
        }
        Shape shape;
        if (keepDims) {
            shape = Shape.of(outDims);
        } else {
            int kept = 0;
            for (boolean r : reduced) {
                kept += r ? 0 : 1;
            }
            int[] dims = new int[kept];
            for (int i = 0, j = 0; i < rank; i++) {
                if (!reduced[i]) {
                    dims[j++] = inDims[i];
                }
            }
            shape = Shape.of(dims);
        }
        return TensorValue.host(x.dtype, shape, out);
    }

    /** TensorFlow {@code Where} with one input: the coordinates of the true elements, int32 {@code [count, rank]}. */
    static TensorValue where(Object condition, Shape shape) {
        int n = (int) shape.size();
        int rank = shape.rank();
        int[] strides = Shapes.strides(shape.toArray());
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (HostArrays.get(condition, i) != 0) {
                count++;
            }
        }
        int[] out = new int[count * rank];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (HostArrays.get(condition, i) != 0) {
                int rest = i;
                for (int d = 0; d < rank; d++) {
                    out[k++] = rest / strides[d];
                    rest %= strides[d];
                }
            }
        }
        return TensorValue.host(DType.INT32, Shape.of(count, rank), out);
    }

    static TensorValue fill(DType dtype, Shape shape, double value) {
        int n = (int) shape.size();
        Object out = HostArrays.allocate(dtype, n);
        if (value != 0) {
            for (int i = 0; i < n; i++) {
                HostArrays.set(out, dtype, i, value);
            }
        }
        return TensorValue.host(dtype, shape, out);
    }
}
