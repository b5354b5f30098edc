package ai.human.backend;

import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorFactory;
import java.util.List;

/**
 * The ops role of a {@link Backend}: the operations Human's models and pipelines need, with TensorFlow's semantics
 * (it extends the factory role, which {@link #weight} and the ops' results come from).
 *
 * <p>Conventions: images are NHWC; broadcasting, {@code SAME} padding and resize modes are TensorFlow's; every op
 * returns a new tensor owned by the caller (or the enclosing scope) and never consumes its inputs; a tensor of another
 * backend is refused with a {@link BackendException}, a closed one with an
 * {@link ai.human.error.AlreadyClosedException}. Host-side algorithms built on these ops are helpers, not ops:
 * {@link NonMaxSuppression} and {@link RotateWithOffset}.
 *
 * <pre>{@code
 * Tensor y = backend.binary(BinaryOp.MUL, x, backend.scalar(2f));
 * Tensor z = backend.conv2d(y, filter, ConvSpec.of(1, Padding.SAME), Fused.bias(b, Activation.RELU));
 * }</pre>
 */
public interface TensorOps extends TensorFactory {

    /**
     * A constant weight, which the backend may lay out for its {@code use} once (the tensor still reports the
     * TensorFlow shape given here).
     */
    default Tensor weight(float[] values, Shape shape, WeightUse use) {
        return fromFloats(values, shape);
    }

    // ---- element-wise ----------------------------------------------------------------------------------------

    /** {@code a op b} element-wise with broadcasting. */
    Tensor binary(BinaryOp op, Tensor a, Tensor b);

    /** {@code op(x)} element-wise on a float tensor. */
    Tensor unary(UnaryOp op, Tensor x);

    /** {@code max(x, 0) + alpha * min(x, 0)}, alpha broadcast over the last axis. */
    Tensor prelu(Tensor x, Tensor alpha);

    /** Softmax over the last axis. */
    Tensor softmax(Tensor logits);

    /** Converts element type; float to int truncates toward zero, like TensorFlow's {@code Cast}. */
    Tensor cast(Tensor x, DType dtype);

    /** Element-wise {@code condition ? whenTrue : whenFalse}, with broadcasting. */
    Tensor select(Tensor condition, Tensor whenTrue, Tensor whenFalse);

    // ---- neural network ----------------------------------------------------------------------------------------

    /** 2-D convolution of NHWC {@code input} with a {@code [h, w, in, out]} filter, then {@code fused}. */
    Tensor conv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused);

    /** Depthwise convolution with a {@code [h, w, in, multiplier]} filter, then {@code fused}. */
    Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused);

    /** Matrix product of two rank-2 tensors, optionally transposed, then {@code fused}. */
    Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB, Fused fused);

    /** Max pooling over {@code windowH x windowW} windows of NHWC {@code input}. */
    Tensor maxPool(Tensor input, int windowH, int windowW, ConvSpec spec);

    // ---- reductions ----------------------------------------------------------------------------------------------

    /** Reduces over {@code axes} (negative axes count from the end). */
    Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims);

    /** Int32 index of the largest value along {@code axis} (first one on ties). */
    Tensor argMax(Tensor x, int axis);

    /** The {@code k} largest values along the last axis and their int32 indices (lower index first on ties). */
    TopK topK(Tensor x, int k, boolean sorted);

    // ---- shapes --------------------------------------------------------------------------------------------------

    /** Same elements, new shape with the same element count. */
    Tensor reshape(Tensor x, Shape shape);

    /** Permutes axes: output axis {@code i} is input axis {@code permutation[i]}. */
    Tensor transpose(Tensor x, int[] permutation);

    /** Joins tensors of the same dtype along {@code axis}. */
    Tensor concat(List<Tensor> xs, int axis);

    /** Cuts {@code x} along {@code axis} into pieces of the given sizes (which sum to the axis length). */
    default List<Tensor> split(Tensor x, int axis, int[] sizes) {
        int rank = x.shape().rank();
        int a = axis < 0 ? axis + rank : axis;
        int[] begin = new int[rank];
        int[] size = x.shape().toArray();
        Tensor[] parts = new Tensor[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            size[a] = sizes[i];
            parts[i] = slice(x, begin, size);
            begin[a] += sizes[i];
        }
        return List.of(parts);
    }

    /** The block starting at {@code begin} of extent {@code size} ({@code -1}: to the end). */
    Tensor slice(Tensor x, int[] begin, int[] size);

    /**
     * Elements {@code begin[i], begin[i] + strides[i], ...} up to (excluding) {@code end[i]} on every axis; all
     * three arrays have the tensor's rank, already resolved (no masks, non-negative begin/end, strides non-zero).
     */
    Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides);

    /** Pads with {@code value}; {@code paddings[i] = {before, after}} for axis {@code i}. */
    Tensor pad(Tensor x, int[][] paddings, float value);

    /** Reverses the order of elements along each of {@code axes}. */
    Tensor reverse(Tensor x, int[] axes);

    /** Slices of {@code x} along {@code axis} picked by int32 {@code indices} (TensorFlow {@code GatherV2}). */
    Tensor gather(Tensor x, Tensor indices, int axis);

    /** TensorFlow {@code GatherNd}: the last axis of int32 {@code indices} addresses into {@code x}. */
    Tensor gatherNd(Tensor x, Tensor indices);

    // ---- images --------------------------------------------------------------------------------------------------

    /**
     * Bilinear resize of NHWC {@code images} with TensorFlow's coordinate modes: legacy
     * ({@code halfPixelCenters=false}) or half-pixel centres; the result is FLOAT32.
     */
    Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners, boolean halfPixelCenters);

    /**
     * TensorFlow {@code CropAndResize} (bilinear, extrapolation value 0): for each box {@code [y1, x1, y2, x2]} in
     * normalized coordinates of image {@code boxIndices[i]}, a {@code cropHeight x cropWidth} crop; FLOAT32
     * {@code [boxes, cropHeight, cropWidth, channels]}.
     */
    Tensor cropAndResize(Tensor image, float[][] boxes, int[] boxIndices, int cropHeight, int cropWidth);

}
