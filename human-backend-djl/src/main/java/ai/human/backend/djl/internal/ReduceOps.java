package ai.human.backend.djl.internal;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.human.backend.BackendException;
import ai.human.backend.ReduceOp;
import ai.human.tensor.DType;

/** Reductions with TensorFlow's result types (PyTorch widens integer sums to int64; they are cast back). */
public final class ReduceOps {
    private static final Device CPU = Device.cpu();

    private ReduceOps() {
    }

    /**
     * Reduces {@code x} ({@code dims}, {@code dtype}) over the distinct, non-negative, ascending {@code axes}.
     */
    public static PtNDArray reduce(Scratch s, ReduceOp op, PtNDArray x, int[] dims, DType dtype, int[] axes,
                                   boolean keepDims) {
        if (dtype == DType.BOOL) {
            throw new BackendException("reduce " + op + " needs a numeric tensor, got a bool one; cast it first");
        }
        if (axes.length == 0) {
            return ShapeOps.alias(x);
        }
        long count = 1;
        for (int axis : axes) {
            count *= dims[axis];
        }
        if (count == 0) {
            return emptyReduction(x, op, dims, dtype, axes, keepDims);
        }
        return switch (op) {
            case SUM -> {
                PtNDArray sum = JniUtils.sum(x, ShapeOps.toLongs(axes), keepDims);
                yield sum.getDataType() == DTypes.toDjl(dtype) ? sum : JniUtils.to(s.add(sum), DTypes.toDjl(dtype), CPU);
            }
            case MEAN -> mean(s, x, dtype, axes, keepDims, count);
            case MAX -> {
                PtNDArray y = x;
                for (int i = axes.length - 1; i >= 0; i--) {
                    PtNDArray next = JniUtils.max(y, axes[i], keepDims);
                    if (i > 0) {
                        s.add(next);
                    }
                    y = next;
                }
                yield y;
            }
        };
    }

    /** Sum divided by the element count, as TensorFlow computes it; integers divide rounding toward zero. */
    private static PtNDArray mean(Scratch s, PtNDArray x, DType dtype, int[] axes, boolean keepDims, long count) {
        PtNDArray sum = s.add(JniUtils.sum(x, ShapeOps.toLongs(axes), keepDims));
        if (dtype == DType.FLOAT32) {
            return JniUtils.div(sum, s.add(NdArrays.scalar(x.getManager(), count, DataType.FLOAT32)));
        }
        PtNDArray wide = s.add(JniUtils.to(sum, DataType.FLOAT64, CPU));
        PtNDArray quotient = s.add(JniUtils.div(wide, s.add(NdArrays.scalar(x.getManager(), count, DataType.FLOAT64))));
        return JniUtils.to(s.add(JniUtils.trunc(quotient)), DTypes.toDjl(dtype), CPU);
    }

    /** Reducing over an axis of length 0: TensorFlow's identities (0, NaN for a float mean, the lowest value for max). */
    private static PtNDArray emptyReduction(PtNDArray x, ReduceOp op, int[] dims, DType dtype, int[] axes,
                                            boolean keepDims) {
        boolean[] reduced = new boolean[dims.length];
        for (int axis : axes) {
            reduced[axis] = true;
        }
        int rank = 0;
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (!reduced[i]) {
                shape[rank++] = dims[i];
            } else if (keepDims) {
                shape[rank++] = 1;
            }
        }
        double value = switch (op) {
            case SUM -> 0;
            case MEAN -> dtype == DType.FLOAT32 ? Double.NaN : 0;
            case MAX -> switch (dtype) {
                case FLOAT32 -> Double.NEGATIVE_INFINITY;
                case INT32 -> Integer.MIN_VALUE;
                default -> 0;
            };
        };
        return NdArrays.full(x.getManager(), java.util.Arrays.copyOf(shape, rank), value, DTypes.toDjl(dtype));
    }

    /** Int32 index of the first largest value along {@code axis}. */
    public static PtNDArray argMax(Scratch s, PtNDArray x, int axis) {
        return JniUtils.to(s.add(JniUtils.argMax(x, axis, false)), DataType.INT32, CPU);
    }
}
