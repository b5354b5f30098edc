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
     *
     * @param values the weight's values in row-major order of {@code shape}
     * @param shape  the weight's TensorFlow shape (a filter is {@code [h, w, in, out]} or {@code [h, w, in, multiplier]})
     * @param use    what the weight will be: a conv2d or depthwise filter, or anything else
     * @return a FLOAT32 tensor of {@code shape}, owned by the caller (or the enclosing scope)
     */
    default Tensor weight(float[] values, Shape shape, WeightUse use) {
        return fromFloats(values, shape);
    }

    // ---- element-wise ----------------------------------------------------------------------------------------

    /**
     * {@code a op b} element-wise with broadcasting.
     *
     * @param op the operation
     * @param a  the left operand
     * @param b  the right operand, of {@code a}'s dtype
     * @return a new tensor of the broadcast shape (BOOL for comparisons, otherwise the operands' dtype)
     */
    Tensor binary(BinaryOp op, Tensor a, Tensor b);

    /**
     * {@code op(x)} element-wise on a float tensor.
     *
     * @param op the operation
     * @param x  the operand
     * @return a new tensor of {@code x}'s shape and dtype
     */
    Tensor unary(UnaryOp op, Tensor x);

    /**
     * {@code max(x, 0) + alpha * min(x, 0)}, alpha broadcast over the last axis.
     *
     * @param x     the input
     * @param alpha the slopes for negative values, broadcast over the last axis of {@code x}
     * @return a new tensor of {@code x}'s shape
     */
    Tensor prelu(Tensor x, Tensor alpha);

    /**
     * Softmax over the last axis.
     *
     * @param logits the input
     * @return a new tensor of {@code logits}' shape whose values along the last axis sum to 1
     */
    Tensor softmax(Tensor logits);

    /**
     * Converts element type; float to int truncates toward zero, like TensorFlow's {@code Cast}.
     *
     * @param x     the input
     * @param dtype the element type of the result
     * @return a new tensor of {@code x}'s shape and type {@code dtype} (a copy when the type is the same)
     */
    Tensor cast(Tensor x, DType dtype);

    /**
     * Element-wise {@code condition ? whenTrue : whenFalse}, with broadcasting.
     *
     * @param condition a BOOL tensor
     * @param whenTrue  the values where {@code condition} is 1
     * @param whenFalse the values where {@code condition} is 0, of {@code whenTrue}'s dtype
     * @return a new tensor of the three operands' broadcast shape
     */
    Tensor select(Tensor condition, Tensor whenTrue, Tensor whenFalse);

    // ---- neural network ----------------------------------------------------------------------------------------

    /**
     * 2-D convolution of NHWC {@code input} with a {@code [h, w, in, out]} filter, then {@code fused}.
     *
     * @param input  an NHWC FLOAT32 tensor
     * @param filter a {@code [h, w, in, out]} filter, usually from {@link #weight}
     * @param spec   strides and padding
     * @param fused  the epilogue (bias and activation), {@link Fused#NONE} for none
     * @return a new NHWC tensor with {@code out} channels
     */
    Tensor conv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused);

    /**
     * Depthwise convolution with a {@code [h, w, in, multiplier]} filter, then {@code fused}.
     *
     * @param input  an NHWC FLOAT32 tensor
     * @param filter a {@code [h, w, in, multiplier]} filter, usually from {@link #weight}
     * @param spec   strides and padding
     * @param fused  the epilogue (bias and activation), {@link Fused#NONE} for none
     * @return a new NHWC tensor with {@code in * multiplier} channels, channel {@code c * multiplier + m}
     */
    Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused);

    /**
     * Matrix product of two rank-2 tensors, optionally transposed, then {@code fused}.
     *
     * @param a          the left matrix
     * @param b          the right matrix
     * @param transposeA whether to use the transpose of {@code a}
     * @param transposeB whether to use the transpose of {@code b}
     * @param fused      the epilogue (bias per output column and activation), {@link Fused#NONE} for none
     * @return a new rank-2 tensor
     */
    Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB, Fused fused);

    /**
     * Max pooling over {@code windowH x windowW} windows of NHWC {@code input}.
     *
     * @param input   an NHWC tensor
     * @param windowH the window's height
     * @param windowW the window's width
     * @param spec    strides and padding ({@code SAME} padding positions are ignored, not zeros)
     * @return a new NHWC tensor with {@code input}'s channels
     */
    Tensor maxPool(Tensor input, int windowH, int windowW, ConvSpec spec);

    // ---- reductions ----------------------------------------------------------------------------------------------

    /**
     * Reduces over {@code axes} (negative axes count from the end).
     *
     * @param op       the reduction
     * @param x        the input
     * @param axes     the axes to reduce
     * @param keepDims whether reduced axes stay as size 1
     * @return a new tensor of {@code x}'s dtype (FLOAT32 for {@code MEAN})
     */
    Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims);

    /**
     * Int32 index of the largest value along {@code axis} (first one on ties).
     *
     * @param x    the input
     * @param axis the axis to search (negative counts from the end)
     * @return a new INT32 tensor of {@code x}'s shape without {@code axis}
     */
    Tensor argMax(Tensor x, int axis);

    /**
     * The {@code k} largest values along the last axis and their int32 indices (lower index first on ties).
     *
     * @param x      the input
     * @param k      how many values to take, at most the last axis's length
     * @param sorted whether the values come largest first (otherwise in any order)
     * @return the values (of {@code x}'s dtype) and INT32 indices, both of {@code x}'s shape with the last axis
     *         {@code k}
     */
    TopK topK(Tensor x, int k, boolean sorted);

    // ---- shapes --------------------------------------------------------------------------------------------------

    /**
     * Same elements, new shape with the same element count.
     *
     * @param x     the input
     * @param shape the new shape
     * @return a new tensor of {@code x}'s dtype and elements in row-major order
     */
    Tensor reshape(Tensor x, Shape shape);

    /**
     * Permutes axes: output axis {@code i} is input axis {@code permutation[i]}.
     *
     * @param x           the input
     * @param permutation a permutation of {@code 0 .. rank - 1}
     * @return a new tensor
     */
    Tensor transpose(Tensor x, int[] permutation);

    /**
     * Joins tensors of the same dtype along {@code axis}.
     *
     * @param xs   the parts, of equal rank and equal sizes on every other axis
     * @param axis the axis to join along (negative counts from the end)
     * @return a new tensor
     */
    Tensor concat(List<Tensor> xs, int axis);

    /**
     * Cuts {@code x} along {@code axis} into pieces of the given sizes (which sum to the axis length).
     *
     * @param x     the input
     * @param axis  the axis to cut (negative counts from the end)
     * @param sizes the pieces' extents along {@code axis}
     * @return the pieces in order, new tensors
     */
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

    /**
     * The block starting at {@code begin} of extent {@code size} ({@code -1}: to the end).
     *
     * @param x     the input
     * @param begin the block's first index on every axis
     * @param size  the block's extent on every axis, {@code -1} for the rest of the axis
     * @return a new tensor
     */
    Tensor slice(Tensor x, int[] begin, int[] size);

    /**
     * Elements {@code begin[i], begin[i] + strides[i], ...} up to (excluding) {@code end[i]} on every axis; all
     * three arrays have the tensor's rank, already resolved (no masks, non-negative begin/end, strides non-zero).
     *
     * @param x       the input
     * @param begin   the first index on every axis (inclusive)
     * @param end     the end on every axis (exclusive)
     * @param strides the step on every axis, negative to walk backwards
     * @return a new tensor
     */
    Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides);

    /**
     * Pads with {@code value}; {@code paddings[i] = {before, after}} for axis {@code i}.
     *
     * @param x        the input
     * @param paddings {@code {before, after}} for every axis
     * @param value    the value of the new elements, converted to {@code x}'s dtype
     * @return a new tensor
     */
    Tensor pad(Tensor x, int[][] paddings, float value);

    /**
     * Reverses the order of elements along each of {@code axes}.
     *
     * @param x    the input
     * @param axes the axes to reverse (negative count from the end)
     * @return a new tensor of {@code x}'s shape
     */
    Tensor reverse(Tensor x, int[] axes);

    /**
     * Slices of {@code x} along {@code axis} picked by int32 {@code indices} (TensorFlow {@code GatherV2}).
     *
     * @param x       the input
     * @param indices INT32 indices of any shape
     * @param axis    the axis to pick along
     * @return a new tensor of shape {@code x[:axis] + indices + x[axis+1:]}
     */
    Tensor gather(Tensor x, Tensor indices, int axis);

    /**
     * TensorFlow {@code GatherNd}: the last axis of int32 {@code indices} addresses into {@code x}.
     *
     * @param x       the input
     * @param indices INT32 indices whose last axis addresses the leading axes of {@code x}
     * @return a new tensor
     */
    Tensor gatherNd(Tensor x, Tensor indices);

    // ---- images --------------------------------------------------------------------------------------------------

    /**
     * Bilinear resize of NHWC {@code images} with TensorFlow's coordinate modes: legacy
     * ({@code halfPixelCenters=false}) or half-pixel centres; the result is FLOAT32.
     *
     * @param images           an NHWC tensor (FLOAT32, INT32 or UINT8)
     * @param height           the output height
     * @param width            the output width
     * @param alignCorners     whether the corner pixels of input and output align
     * @param halfPixelCenters whether pixels are sampled at their centres
     * @return a new FLOAT32 tensor {@code [batch, height, width, channels]}
     */
    Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners, boolean halfPixelCenters);

    /**
     * TensorFlow {@code CropAndResize} (bilinear, extrapolation value 0): for each box {@code [y1, x1, y2, x2]} in
     * normalized coordinates of image {@code boxIndices[i]}, a {@code cropHeight x cropWidth} crop; FLOAT32
     * {@code [boxes, cropHeight, cropWidth, channels]}.
     *
     * @param image      an NHWC tensor
     * @param boxes      one {@code [y1, x1, y2, x2]} per crop, in normalized coordinates
     * @param boxIndices for each box, the image of the batch it is cut from
     * @param cropHeight the crops' height
     * @param cropWidth  the crops' width
     * @return a new FLOAT32 tensor {@code [boxes, cropHeight, cropWidth, channels]}
     */
    Tensor cropAndResize(Tensor image, float[][] boxes, int[] boxIndices, int cropHeight, int cropWidth);

}
