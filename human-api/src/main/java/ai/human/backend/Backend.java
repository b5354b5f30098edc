package ai.human.backend;

import ai.human.internal.graph.GraphExecutor;
import ai.human.internal.math.NonMaxSuppression;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorContainer;
import ai.human.tensor.TensorScope;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A compute engine: tensor factory, the ops Human's models and pipelines need, memory accounting and scopes.
 *
 * <p>Conventions: images are NHWC; ops follow TensorFlow's semantics (broadcasting, {@code SAME} padding, resize
 * modes); every op returns a new tensor owned by the caller (or the enclosing scope) and never consumes its
 * inputs; a tensor of another backend is refused with a {@link BackendException}; a closed tensor with
 * {@link IllegalStateException}. Implementations are thread-safe.
 *
 * <pre>{@code
 * BackendProvider provider = BackendSelector.fromEnvironment().select(null).provider();
 * try (Backend backend = provider.create(BackendOptions.defaults());
 *      TensorScope scope = backend.scope()) {
 *     Tensor x = backend.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(2, 2));
 *     Tensor y = backend.binary(BinaryOp.MUL, x, backend.scalar(2f));
 *     float[] values = y.toFloats(); // {2, 4, 6, 8}
 * } // both tensors closed by the scope
 * }</pre>
 */
public interface Backend extends AutoCloseable {

    /** {@return the provider's name, for example {@code tensorflow} or {@code djl}} */
    String name();

    // ---- tensors, scopes and memory ------------------------------------------------------------------------

    /**
     * {@return a FLOAT32 tensor holding a copy of {@code values} (row-major)}
     *
     * @param values the elements; as many as {@code shape} has
     * @param shape  the tensor's shape
     */
    Tensor fromFloats(float[] values, Shape shape);

    /**
     * {@return an INT32 tensor holding a copy of {@code values} (row-major)}
     *
     * @param values the elements; as many as {@code shape} has
     * @param shape  the tensor's shape
     */
    Tensor fromInts(int[] values, Shape shape);

    /**
     * {@return a UINT8 or BOOL (0/1) tensor holding a copy of {@code values} (row-major)}
     *
     * @param values the elements; as many as {@code shape} has
     * @param shape  the tensor's shape
     * @param dtype  {@link DType#UINT8} or {@link DType#BOOL}
     */
    Tensor fromBytes(byte[] values, Shape shape, DType dtype);

    /**
     * {@return a FLOAT32 scalar}
     *
     * @param value its value
     */
    default Tensor scalar(float value) {
        return fromFloats(new float[] {value}, Shape.scalar());
    }

    /**
     * {@return a constant weight, which the backend may lay out for its {@code use} once (the tensor still reports the
     * TensorFlow shape given here)}
     *
     * @param values the weight's elements in TensorFlow's layout (row-major)
     * @param shape  the weight's TensorFlow shape
     * @param use    the op that will consume the weight, so that the backend can lay it out for it
     */
    default Tensor weight(float[] values, Shape shape, WeightUse use) {
        return fromFloats(values, shape);
    }

    /**
     * Opens a scope on the calling thread; see {@link TensorScope}.
     *
     * @return the new scope, to close in a try-with-resources block
     */
    TensorScope scope();

    /**
     * Runs {@code body} in a scope and closes every tensor it created except those in its result: a
     * {@link Tensor}, an {@link Iterable} or {@link Map} of tensors, or a {@link TensorContainer}.
     *
     * @param <R>  the type of the result
     * @param body the computation
     * @return what {@code body} returned, its tensors kept open
     */
    default <R> R tidy(Supplier<R> body) {
        try (TensorScope scope = scope()) {
            R result = body.get();
            keepAll(scope, result);
            return result;
        }
    }

    private static void keepAll(TensorScope scope, Object result) {
        if (result instanceof Tensor tensor) {
            scope.keep(tensor);
        } else if (result instanceof TensorContainer container) {
            container.tensors().forEach(scope::keep);
        } else if (result instanceof Iterable<?> items) {
            for (Object item : items) {
                keepAll(scope, item);
            }
        } else if (result instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                keepAll(scope, item);
            }
        }
    }

    /** {@return the live tensors and bytes of this backend, with the peak and the split by owner} */
    MemoryInfo memory();

    // ---- element-wise ----------------------------------------------------------------------------------------

    /**
     * {@return {@code a op b} element-wise, with broadcasting}
     *
     * @param op the operation
     * @param a  the left operand
     * @param b  the right operand
     */
    Tensor binary(BinaryOp op, Tensor a, Tensor b);

    /**
     * {@return {@code op(x)} element-wise}
     *
     * @param op the operation
     * @param x  a float tensor
     */
    Tensor unary(UnaryOp op, Tensor x);

    /**
     * {@return {@code max(x, 0) + alpha * min(x, 0)}, alpha broadcast over the last axis}
     *
     * @param x     the input
     * @param alpha the slopes for negative inputs, one per channel (the last axis)
     */
    Tensor prelu(Tensor x, Tensor alpha);

    /**
     * {@return the softmax of {@code logits} over the last axis}
     *
     * @param logits the input
     */
    Tensor softmax(Tensor logits);

    /**
     * Converts the element type; float to int truncates toward zero, like TensorFlow's {@code Cast}.
     *
     * @param x     the input
     * @param dtype the element type wanted
     * @return {@code x} as {@code dtype}
     */
    Tensor cast(Tensor x, DType dtype);

    /**
     * {@return {@code condition ? whenTrue : whenFalse} element-wise, with broadcasting}
     *
     * @param condition a BOOL tensor
     * @param whenTrue  the elements taken where {@code condition} is true
     * @param whenFalse the elements taken where {@code condition} is false
     */
    Tensor select(Tensor condition, Tensor whenTrue, Tensor whenFalse);

    // ---- neural network ----------------------------------------------------------------------------------------

    /**
     * {@return the 2-D convolution of NHWC {@code input} with a {@code [h, w, in, out]} filter, then {@code fused}}
     *
     * @param input  NHWC input
     * @param filter the {@code [h, w, in, out]} filter
     * @param spec   strides and padding
     * @param fused  bias and activation applied to the result
     */
    Tensor conv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused);

    /**
     * {@return the depthwise convolution of NHWC {@code input} with a {@code [h, w, in, multiplier]} filter, then
     * {@code fused}}
     *
     * @param input  NHWC input
     * @param filter the {@code [h, w, in, multiplier]} filter
     * @param spec   strides and padding
     * @param fused  bias and activation applied to the result
     */
    Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused);

    /**
     * {@return the matrix product of two rank-2 tensors, optionally transposed, then {@code fused}}
     *
     * @param a          the left matrix
     * @param b          the right matrix
     * @param transposeA whether to use {@code a} transposed
     * @param transposeB whether to use {@code b} transposed
     * @param fused      bias and activation applied to the result
     */
    Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB, Fused fused);

    /**
     * {@return the max pooling of NHWC {@code input} over {@code windowH x windowW} windows}
     *
     * @param input   NHWC input
     * @param windowH the window's height
     * @param windowW the window's width
     * @param spec    the windows' strides and padding
     */
    Tensor maxPool(Tensor input, int windowH, int windowW, ConvSpec spec);

    // ---- reductions ----------------------------------------------------------------------------------------------

    /**
     * {@return {@code x} reduced by {@code op} over {@code axes} (negative axes count from the end)}
     *
     * @param op       the reduction
     * @param x        the input
     * @param axes     the axes to reduce
     * @param keepDims whether the reduced axes stay, with length 1
     */
    Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims);

    /**
     * {@return the int32 index of the largest value along {@code axis} (the first one on ties)}
     *
     * @param x    the input
     * @param axis the axis searched, removed from the result's shape
     */
    Tensor argMax(Tensor x, int axis);

    /**
     * {@return the {@code k} largest values along the last axis and their int32 indices (lower index first on ties)}
     *
     * @param x      the input
     * @param k      how many values to take from each row
     * @param sorted whether the values come largest first
     */
    TopK topK(Tensor x, int k, boolean sorted);

    // ---- shapes --------------------------------------------------------------------------------------------------

    /**
     * {@return the same elements with a new shape}
     *
     * @param x     the input
     * @param shape the new shape, with the same element count
     */
    Tensor reshape(Tensor x, Shape shape);

    /**
     * Permutes axes: output axis {@code i} is input axis {@code permutation[i]}.
     *
     * @param x           the input
     * @param permutation a permutation of {@code 0 .. rank - 1}
     * @return {@code x} with its axes permuted
     */
    Tensor transpose(Tensor x, int[] permutation);

    /**
     * Joins tensors of the same dtype along {@code axis}.
     *
     * @param xs   the tensors, in order; their other axes agree
     * @param axis the axis to join along
     * @return the joined tensor
     */
    Tensor concat(List<Tensor> xs, int axis);

    /**
     * Cuts {@code x} along {@code axis} into pieces of the given sizes.
     *
     * @param x     the input
     * @param axis  the axis to cut (negative counts from the end)
     * @param sizes the pieces' lengths, which sum to the axis length
     * @return the pieces, in order
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
     * {@return the block starting at {@code begin} of extent {@code size} ({@code -1}: to the end)}
     *
     * @param x     the input
     * @param begin the first index on every axis
     * @param size  the extent on every axis
     */
    Tensor slice(Tensor x, int[] begin, int[] size);

    /**
     * Elements {@code begin[i], begin[i] + strides[i], ...} up to (excluding) {@code end[i]} on every axis; all
     * three arrays have the tensor's rank, already resolved (no masks, non-negative begin/end, strides non-zero).
     *
     * @param x       the input
     * @param begin   the first index on every axis
     * @param end     the end index on every axis, excluded
     * @param strides the step on every axis
     * @return the elements picked
     */
    Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides);

    /**
     * Pads with {@code value}; {@code paddings[i] = {before, after}} for axis {@code i}.
     *
     * @param x        the input
     * @param paddings the elements added before and after, per axis
     * @param value    the value of the added elements
     * @return the padded tensor
     */
    Tensor pad(Tensor x, int[][] paddings, float value);

    /**
     * Reverses the order of elements along each of {@code axes}.
     *
     * @param x    the input
     * @param axes the axes to reverse
     * @return the reversed tensor
     */
    Tensor reverse(Tensor x, int[] axes);

    /**
     * {@return the slices of {@code x} along {@code axis} picked by int32 {@code indices} (TensorFlow
     * {@code GatherV2})}
     *
     * @param x       the input
     * @param indices int32 indices into {@code axis}
     * @param axis    the axis to pick from
     */
    Tensor gather(Tensor x, Tensor indices, int axis);

    /**
     * TensorFlow {@code GatherNd}: the last axis of int32 {@code indices} addresses into {@code x}.
     *
     * @param x       the input
     * @param indices int32 indices; their last axis addresses the leading axes of {@code x}
     * @return the elements or slices addressed
     */
    Tensor gatherNd(Tensor x, Tensor indices);

    // ---- images --------------------------------------------------------------------------------------------------

    /**
     * Bilinear resize of NHWC {@code images} with TensorFlow's coordinate modes: legacy
     * ({@code halfPixelCenters=false}) or half-pixel centres; the result is FLOAT32.
     *
     * @param images           NHWC images
     * @param height           the output height
     * @param width            the output width
     * @param alignCorners     TensorFlow's {@code align_corners}
     * @param halfPixelCenters TensorFlow's {@code half_pixel_centers}
     * @return the resized images
     */
    Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners, boolean halfPixelCenters);

    /**
     * TensorFlow {@code CropAndResize} (bilinear, extrapolation value 0): for each box {@code [y1, x1, y2, x2]} in
     * normalized coordinates of image {@code boxIndices[i]}, a {@code cropHeight x cropWidth} crop; FLOAT32
     * {@code [boxes, cropHeight, cropWidth, channels]}.
     *
     * @param image      NHWC images
     * @param boxes      the boxes {@code [y1, x1, y2, x2]}, normalized to the image
     * @param boxIndices the image of each box
     * @param cropHeight the crops' height
     * @param cropWidth  the crops' width
     * @return the crops
     */
    Tensor cropAndResize(Tensor image, float[][] boxes, int[] boxIndices, int cropHeight, int cropWidth);

    /**
     * Rotates NHWC {@code image} by {@code radians} around ({@code centerX * width}, {@code centerY * height}) with
     * nearest-neighbour sampling, filling uncovered pixels with {@code fillValue}, exactly as TensorFlow.js
     * {@code tf.image.rotateWithOffset} does.
     *
     * @param image     NHWC images
     * @param radians   the angle
     * @param fillValue the value of pixels that no source pixel covers
     * @param centerX   the centre's x as a fraction of the width
     * @param centerY   the centre's y as a fraction of the height
     * @return the rotated images
     */
    default Tensor rotateWithOffset(Tensor image, float radians, float fillValue, float centerX, float centerY) {
        Shape shape = image.shape();
        if (shape.rank() != 4) {
            throw new BackendException("rotateWithOffset needs an NHWC image of rank 4, got shape " + shape);
        }
        int batch = shape.dim(0);
        int height = shape.dim(1);
        int width = shape.dim(2);
        int channels = shape.dim(3);
        int pixels = height * width;
        int[] source = new int[batch * pixels];
        double cx = width * (double) centerX;
        double cy = height * (double) centerY;
        double sin = Math.sin(radians);
        double cos = Math.cos(radians);
        int fillRow = batch * pixels;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                long x = Math.round((col - cx) * cos - (row - cy) * sin + cx);
                long y = Math.round((col - cx) * sin + (row - cy) * cos + cy);
                boolean inside = x >= 0 && x < width && y >= 0 && y < height;
                for (int b = 0; b < batch; b++) {
                    source[b * pixels + row * width + col] = inside ? (int) (b * pixels + y * width + x) : fillRow;
                }
            }
        }
        try (TensorScope scope = scope()) {
            Tensor flat = reshape(image, Shape.of(batch * pixels, channels));
            float[] fill = new float[channels];
            java.util.Arrays.fill(fill, fillValue);
            Tensor fillPixel = cast(fromFloats(fill, Shape.of(1, channels)), image.dtype());
            Tensor table = concat(List.of(flat, fillPixel), 0);
            Tensor picked = gather(table, fromInts(source, Shape.of(batch * pixels)), 0);
            return scope.keep(reshape(picked, shape));
        }
    }

    /**
     * Greedy non-maximum suppression ({@code NonMaxSuppressionV5}) of {@code boxes [n, 4]} ({@code [y1, x1, y2, x2]})
     * with {@code scores [n]}; {@code softNmsSigma} 0 for hard NMS.
     *
     * @param boxes          the boxes, {@code [n, 4]}
     * @param scores         their scores, {@code [n]}
     * @param maxOutput      the most boxes to keep
     * @param iouThreshold   boxes overlapping a kept box by more than this are dropped (hard NMS)
     * @param scoreThreshold boxes scoring less are dropped
     * @param softNmsSigma   0 for hard NMS, else the Gaussian soft-NMS parameter
     * @return the kept indices and their (possibly decayed) scores
     */
    default NmsResult nonMaxSuppression(Tensor boxes, Tensor scores, int maxOutput, float iouThreshold,
                                        float scoreThreshold, float softNmsSigma) {
        NonMaxSuppression.Selection kept = NonMaxSuppression.select(boxes.toFloats(), scores.toFloats(), maxOutput,
                iouThreshold, scoreThreshold, softNmsSigma);
        Tensor indices = fromInts(kept.indices(), Shape.of(kept.indices().length));
        try {
            return new NmsResult(indices, fromFloats(kept.scores(), Shape.of(kept.scores().length)));
        } catch (RuntimeException e) {
            indices.close();
            throw e;
        }
    }

    // ---- models --------------------------------------------------------------------------------------------------

    /**
     * Loads a graph model onto this backend: its weights become tensors owned by the model (owner {@code MODEL}) until
     * {@link Model#close()}. The default runs the model with the generic graph executor over this backend's ops; a
     * backend may override it to run graphs natively.
     *
     * @param def the parsed model
     * @return the model, ready to run; closing it releases its weights
     * @throws ai.human.model.ModelException when the graph uses an op or attribute the executor cannot run (the
     *                                       message names model, node and op)
     */
    default Model loadModel(GraphModelDef def) {
        return GraphExecutor.compile(this, def);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** Releases everything this backend still holds (tensors, models, native resources). Afterwards the counts are zero. */
    @Override
    void close();
}
