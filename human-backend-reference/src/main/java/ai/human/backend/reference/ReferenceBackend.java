package ai.human.backend.reference;

import ai.human.backend.BackendException;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.ReduceOp;
import ai.human.backend.TopK;
import ai.human.backend.UnaryOp;
import ai.human.backend.spi.AbstractBackend;
import ai.human.config.LeakDetection;
import ai.human.graph.GraphExecutor;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pure-Java {@link ai.human.backend.Backend}: every op written out from its TensorFlow definition over plain Java
 * arrays. Slow and simple on purpose; it is the readable reference for the op semantics, the backend of the tests that
 * need real ops without native code, and the base of the compatibility kit's deliberately broken backends. Graph
 * models run through the generic executor of {@code human-graph}; the bookkeeping is {@link AbstractBackend}'s, as in
 * every backend. Its provider ({@value #NAME}) has the lowest priority, so it is chosen only by name or when no other
 * backend is on the classpath.
 *
 * <pre>{@code
 * try (ReferenceBackend backend = new ReferenceBackend()) {
 *     Tensor x = backend.fromFloats(new float[] {-1, 2}, Shape.of(2));
 *     float[] y = backend.unary(UnaryOp.RELU, x).toFloats(); // {0, 2}
 * }
 * }</pre>
 *
 * <p>The kernels live in small package-private classes by topic ({@code ElementwiseKernels},
 * {@code ConvolutionKernels}, {@code ReductionKernels}, {@code LayoutKernels}, {@code ResizeKernels}).
 */
public class ReferenceBackend extends AbstractBackend {
    /** The provider name. */
    public static final String NAME = "reference";

    private final AtomicLong liveArrays = new AtomicLong();

    /** A backend without leak detection (tests that want it say so). */
    public ReferenceBackend() {
        this(LeakDetection.OFF);
    }

    /**
     * A backend whose tracker detects leaks at {@code leakDetection}.
     *
     * @param leakDetection how closely the tracker watches for tensors that become unreachable unclosed
     */
    public ReferenceBackend(LeakDetection leakDetection) {
        super(NAME, leakDetection);
    }

    /** {@return the arrays allocated and not yet freed: this "engine's" own count of live objects} */
    public long liveArrays() {
        return liveArrays.get();
    }

    /**
     * Frees one array; called exactly once per array when its tensor is released.
     *
     * @param array the array whose tensor was released
     */
    protected void freeArray(ArrayTensor array) {
        liveArrays.decrementAndGet();
    }

    // ---- tensors -------------------------------------------------------------------------------------------------

    @Override
    protected Tensor newFloats(float[] values, Shape shape) {
        return track(new Values(DType.FLOAT32, shape, values.clone()));
    }

    @Override
    protected Tensor newInts(int[] values, Shape shape) {
        return track(new Values(DType.INT32, shape, values.clone()));
    }

    @Override
    protected Tensor newBytes(byte[] values, Shape shape, DType dtype) {
        return track(new Values(dtype, shape, values.clone()));
    }

    // ---- element-wise ----------------------------------------------------------------------------------------

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        Values x = in(a);
        Values y = in(b);
        requireSameDType("binary " + op, a, b);
        return track(ElementwiseKernels.binary(op, x, y));
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x) {
        return track(ElementwiseKernels.unary(op, in(x)));
    }

    @Override
    public Tensor prelu(Tensor x, Tensor alpha) {
        return track(ElementwiseKernels.prelu(in(x), in(alpha)));
    }

    @Override
    public Tensor softmax(Tensor logits) {
        return track(ElementwiseKernels.softmax(in(logits)));
    }

    @Override
    public Tensor cast(Tensor x, DType dtype) {
        return track(ElementwiseKernels.cast(in(x), dtype));
    }

    @Override
    public Tensor select(Tensor condition, Tensor whenTrue, Tensor whenFalse) {
        return track(ElementwiseKernels.select(in(condition), in(whenTrue), in(whenFalse)));
    }

    // ---- neural network ----------------------------------------------------------------------------------------

    @Override
    public Tensor conv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused) {
        return track(ConvolutionKernels.conv2d(in(input), in(filter), spec, epilogue(fused)));
    }

    @Override
    public Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused) {
        return track(ConvolutionKernels.depthwiseConv2d(in(input), in(filter), spec, epilogue(fused)));
    }

    @Override
    public Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB, Fused fused) {
        return track(ConvolutionKernels.matMul(in(a), in(b), transposeA, transposeB, epilogue(fused)));
    }

    @Override
    public Tensor maxPool(Tensor input, int windowH, int windowW, ConvSpec spec) {
        return track(ConvolutionKernels.maxPool(in(input), windowH, windowW, spec));
    }

    // ---- reductions ----------------------------------------------------------------------------------------------

    @Override
    public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        return track(ReductionKernels.reduce(op, in(x), axes, keepDims));
    }

    @Override
    public Tensor argMax(Tensor x, int axis) {
        return track(ReductionKernels.argMax(in(x), axis));
    }

    @Override
    public TopK topK(Tensor x, int k, boolean sorted) {
        Values[] result = ReductionKernels.topK(in(x), k); // always sorted, which is also a valid unsorted order
        return new TopK(track(result[0]), track(result[1]));
    }

    // ---- shapes --------------------------------------------------------------------------------------------------

    @Override
    public Tensor reshape(Tensor x, Shape shape) {
        return track(LayoutKernels.reshape(in(x), shape));
    }

    @Override
    public Tensor transpose(Tensor x, int[] permutation) {
        return track(LayoutKernels.transpose(in(x), permutation));
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        requireConcatInputs(xs);
        return track(LayoutKernels.concat(xs.stream().map(this::in).toList(), axis));
    }

    @Override
    public Tensor slice(Tensor x, int[] begin, int[] size) {
        return track(LayoutKernels.slice(in(x), begin, size));
    }

    @Override
    public Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides) {
        return track(LayoutKernels.stridedSlice(in(x), begin, end, strides));
    }

    @Override
    public Tensor pad(Tensor x, int[][] paddings, float value) {
        return track(LayoutKernels.pad(in(x), paddings, value));
    }

    @Override
    public Tensor reverse(Tensor x, int[] axes) {
        return track(LayoutKernels.reverse(in(x), axes));
    }

    @Override
    public Tensor gather(Tensor x, Tensor indices, int axis) {
        return track(LayoutKernels.gather(in(x), in(indices), axis));
    }

    @Override
    public Tensor gatherNd(Tensor x, Tensor indices) {
        return track(LayoutKernels.gatherNd(in(x), in(indices)));
    }

    // ---- images --------------------------------------------------------------------------------------------------

    @Override
    public Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners, boolean halfPixelCenters) {
        return track(ResizeKernels.resizeBilinear(in(images), height, width, alignCorners, halfPixelCenters));
    }

    @Override
    public Tensor cropAndResize(Tensor image, float[][] boxes, int[] boxIndices, int cropHeight, int cropWidth) {
        return track(ResizeKernels.cropAndResize(in(image), boxes, boxIndices, cropHeight, cropWidth));
    }

    // ---- models ------------------------------------------------------------------------------------------------

    /** Runs {@code def} through the generic graph executor over this backend's ops. */
    @Override
    public Model loadModel(GraphModelDef def) {
        checkOpen();
        return GraphExecutor.compile(this, def);
    }

    @Override
    public String toString() {
        return "ReferenceBackend[" + (isClosed() ? "closed" : memory()) + "]";
    }

    private Tensor track(Values values) {
        checkOpen();
        liveArrays.incrementAndGet();
        return track(new ArrayTensor(values, this::freeArray), values.shape(), values.dtype());
    }

    /** The array behind {@code tensor}: open, of this backend instance (else the tracker's exceptions). */
    private Values in(Tensor tensor) {
        return nativeOf(tensor, ArrayTensor.class).values();
    }

    private Epilogue epilogue(Fused fused) {
        if (fused == null) {
            return Epilogue.NONE;
        }
        float[] bias = fused.bias() == null ? null : floatsOf(fused.bias(), "fused bias");
        float[] alpha = fused.alpha() == null ? null : floatsOf(fused.alpha(), "fused prelu alpha");
        return new Epilogue(bias, fused.activation(), alpha);
    }

    private float[] floatsOf(Tensor tensor, String what) {
        Values values = in(tensor);
        if (values.dtype() != DType.FLOAT32) {
            throw new BackendException(what + " must be FLOAT32, got " + values.dtype());
        }
        return values.floatData();
    }
}
