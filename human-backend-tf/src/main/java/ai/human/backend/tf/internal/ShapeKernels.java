package ai.human.backend.tf.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_BOOL;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_FLOAT;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_INT32;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_UINT8;

import ai.human.backend.ReduceOp;
import java.util.List;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/** Reductions, arg-max, top-k and the ops that move elements around without computing on them. */
public final class ShapeKernels extends Kernels {

    public ShapeKernels(EagerContext context) {
        super(context);
    }

    public TFE_TensorHandle reduce(ReduceOp op, TFE_TensorHandle x, int[] axes, boolean keepDims) {
        String type = switch (op) {
            case MEAN -> "Mean";
            case SUM -> "Sum";
            case MAX -> "Max";
        };
        try (Temps temps = temps(); EagerOp reduce = context.op(type)) {
            return reduce.input(x).input(temps.ints(axes)).attr("keep_dims", keepDims).executeOne();
        }
    }

    /** {@code ArgMax} with an int32 result (TensorFlow's default would be int64). */
    public TFE_TensorHandle argMax(TFE_TensorHandle x, int axis) {
        try (Temps temps = temps(); EagerOp op = context.op("ArgMax")) {
            return op.input(x).input(temps.intScalar(axis)).attrType("output_type", TF_INT32).executeOne();
        }
    }

    /**
     * {@code TopKV2}: values and int32 indices, always sorted (largest first, lower index first on ties), which
     * also satisfies a caller that did not ask for sorting; TensorFlow's unsorted order is unspecified.
     */
    public TFE_TensorHandle[] topK(TFE_TensorHandle x, int k) {
        try (Temps temps = temps(); EagerOp op = context.op("TopKV2")) {
            return op.input(x).input(temps.intScalar(k))
                    .attr("sorted", true).attrType("index_type", TF_INT32).execute();
        }
    }

    public TFE_TensorHandle reshape(TFE_TensorHandle x, int[] shape) {
        try (Temps temps = temps()) {
            return run("Reshape", x, temps.ints(shape));
        }
    }

    public TFE_TensorHandle transpose(TFE_TensorHandle x, int[] permutation) {
        try (Temps temps = temps()) {
            return run("Transpose", x, temps.ints(permutation));
        }
    }

    /** {@code ConcatV2} of two or more tensors; one tensor is copied with {@code Identity}. */
    public TFE_TensorHandle concat(List<TFE_TensorHandle> xs, int axis) {
        if (xs.size() == 1) {
            return run("Identity", xs.get(0));
        }
        try (Temps temps = temps(); EagerOp op = context.op("ConcatV2")) {
            return op.inputs(xs).input(temps.intScalar(axis)).executeOne();
        }
    }

    public TFE_TensorHandle slice(TFE_TensorHandle x, int[] begin, int[] size) {
        try (Temps temps = temps()) {
            return run("Slice", x, temps.ints(begin), temps.ints(size));
        }
    }

    public TFE_TensorHandle stridedSlice(TFE_TensorHandle x, int[] begin, int[] end, int[] strides) {
        try (Temps temps = temps()) {
            return run("StridedSlice", x, temps.ints(begin), temps.ints(end), temps.ints(strides));
        }
    }

    /** {@code PadV2} with a constant of {@code x}'s own type ({@code tfType}). */
    public TFE_TensorHandle pad(TFE_TensorHandle x, int tfType, int[][] paddings, float value) {
        int[] flat = new int[paddings.length * 2];
        for (int i = 0; i < paddings.length; i++) {
            flat[2 * i] = paddings[i][0];
            flat[2 * i + 1] = paddings[i][1];
        }
        try (Temps temps = temps()) {
            TFE_TensorHandle constant = temps.add(scalarOfType(tfType, value));
            return run("PadV2", x, temps.ints(flat, paddings.length, 2), constant);
        }
    }

    private TFE_TensorHandle scalarOfType(int tfType, float value) {
        long[] scalar = new long[0];
        if (tfType == TF_FLOAT) {
            return context.fromFloats(new float[] {value}, scalar);
        } else if (tfType == TF_INT32) {
            return context.fromInts(new int[] {(int) value}, scalar);
        } else if (tfType == TF_UINT8) {
            return context.fromBytes(new byte[] {(byte) (int) value}, scalar, TF_UINT8);
        } else if (tfType == TF_BOOL) {
            return context.fromBytes(new byte[] {(byte) (value != 0f ? 1 : 0)}, scalar, TF_BOOL);
        }
        throw new IllegalArgumentException("No scalar of TF_DataType " + tfType);
    }

    public TFE_TensorHandle reverse(TFE_TensorHandle x, int[] axes) {
        try (Temps temps = temps()) {
            return run("ReverseV2", x, temps.ints(axes));
        }
    }

    /** {@code GatherV2} along {@code axis} (batch_dims 0). */
    public TFE_TensorHandle gather(TFE_TensorHandle x, TFE_TensorHandle indices, int axis) {
        try (Temps temps = temps()) {
            return run("GatherV2", x, indices, temps.intScalar(axis));
        }
    }

    public TFE_TensorHandle gatherNd(TFE_TensorHandle x, TFE_TensorHandle indices) {
        return run("GatherNd", x, indices);
    }
}
