package ai.human.backend.djl;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.human.backend.Activation;
import ai.human.backend.Backend;
import ai.human.backend.spi.AbstractBackend;
import ai.human.graph.GraphExecutor;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.ReduceOp;
import ai.human.backend.TopK;
import ai.human.backend.UnaryOp;
import ai.human.backend.WeightUse;
import ai.human.backend.djl.internal.AllocatorWarmup;
import ai.human.backend.djl.internal.Checks;
import ai.human.backend.djl.internal.DTypes;
import ai.human.backend.djl.internal.DjlEngine;
import ai.human.backend.djl.internal.DjlPrivacy;
import ai.human.backend.djl.internal.ElementwiseOps;
import ai.human.backend.djl.internal.FilterLayouts;
import ai.human.backend.djl.internal.ImageOps;
import ai.human.backend.djl.internal.Layout;
import ai.human.backend.djl.internal.NdArrays;
import ai.human.backend.djl.internal.NdTensor;
import ai.human.backend.djl.internal.NnOps;
import ai.human.backend.djl.internal.ReduceOps;
import ai.human.backend.djl.internal.ScopeManagers;
import ai.human.backend.djl.internal.Scratch;
import ai.human.backend.djl.internal.ShapeOps;
import ai.human.backend.djl.internal.TopKSelection;
import ai.human.backend.spi.TensorTracker;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Backend} on DJL's PyTorch engine ({@code NDManager}/{@code NDArray}, PyTorch CPU natives from the
 * {@code pytorch-native-cpu} jar), with TensorFlow's op semantics.
 *
 * <pre>{@code
 * try (Backend djl = new DjlBackendProvider().create(BackendOptions.defaults());
 *      TensorScope scope = djl.scope()) {
 *     Tensor x = djl.fromFloats(new float[] {1, -2, 3, -4}, Shape.of(2, 2));
 *     float[] y = djl.unary(UnaryOp.RELU, x).toFloats(); // {1, 0, 3, 0}
 * }
 * }</pre>
 *
 * <p><b>Privacy.</b> Before any DJL class initialises, this backend (and {@link DjlBackendProvider}) sets the system
 * properties {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true}, unless the user already set the
 * property or DJL's environment variable ({@code DJL_OFFLINE}, {@code OPT_OUT_TRACKING}) to any value, which is
 * respected. Without them DJL would query EC2 instance metadata and send telemetry when its engine starts. DJL never
 * downloads anything here: the PyTorch natives come from the classpath jar and are unpacked once into DJL's cache
 * directory ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}).
 *
 * <p><b>Tensors.</b> Each tensor owns exactly one PyTorch array handle, created from a copy of the Java values in
 * memory PyTorch allocates and freed when the tensor closes. {@link Tensor#unwrap} gives that
 * {@link ai.djl.ndarray.NDArray} (do not close or modify it); for conv and depthwise filters made by
 * {@link #weight} it is in PyTorch's layout ({@code [out, in, h, w]} and {@code [in * multiplier, 1, h, w]}) while the
 * tensor reports TensorFlow's shape. Activations stay NHWC: convolutions see them through channels-last views.
 *
 * <p><b>Scopes.</b> The backend has a root {@code NDManager}; every open {@link TensorScope} has a sub-manager
 * holding the arrays of its tensors, and kept tensors move to the enclosing scope's manager (or the root). So
 * {@link #engineLiveArrays()} counts exactly what {@link #memory()} counts.
 *
 * <p><b>Options.</b> {@code threads} (default {@value #DEFAULT_THREADS}): PyTorch's intra-op thread count. It is
 * process-wide in PyTorch, so the last DJL backend created sets it for all. Without the option, a value the user gave
 * DJL with {@code -Dai.djl.pytorch.num_threads} is kept. {@code allocatorWarmup} (default {@code true}): the first
 * backend of the JVM allocates and frees one 32 MB block, which makes glibc keep freed tensor memory for reuse instead
 * of returning it to the system and faulting it back in at the next op (see the module README).
 *
 * <p>Thread-safe. Closing the backend frees every tensor it still holds.
 */
public final class DjlBackend extends AbstractBackend {
    /** The provider name. */
    public static final String NAME = "djl";
    /** Backend option: PyTorch intra-op threads. */
    public static final String THREADS_OPTION = "threads";
    /** Intra-op threads when nothing else is configured: one was fastest on small (2-core) machines. */
    public static final int DEFAULT_THREADS = 1;
    /**
     * Backend option: {@code true} (default) or {@code false}. When true, the first backend created in the JVM makes
     * glibc keep freed tensor memory for reuse (see the module README); process-wide.
     */
    public static final String ALLOCATOR_WARMUP_OPTION = "allocatorWarmup";

    private static final Logger LOG = LoggerFactory.getLogger(DjlBackend.class);

    static {
        DjlPrivacy.apply();
    }

    private final PtNDManager root;
    private final ScopeManagers scopes;

    /**
     * Starts a backend (loading PyTorch on first use); prefer {@link DjlBackendProvider#create}.
     *
     * @param options leak detection and backend properties
     * @throws BackendException if the PyTorch engine cannot load here, or an option is invalid
     */
    public DjlBackend(BackendOptions options) {
        super(NAME, options.leakDetection()); // the class initialiser has applied DjlPrivacy already
        DjlPrivacy.apply();
        DjlEngine.require();
        configureThreads(options);
        if (allocatorWarmup(options)) {
            AllocatorWarmup.once();
        }
        for (String key : options.properties().keySet()) {
            if (!THREADS_OPTION.equals(key) && !ALLOCATOR_WARMUP_OPTION.equals(key)) {
                LOG.debug("DJL backend ignores unknown backend option {}", key);
            }
        }
        this.root = (PtNDManager) NDManager.newBaseManager(Device.cpu(), DjlEngine.ENGINE_NAME);
        this.scopes = new ScopeManagers(this, tracker(), root);
        tracker().addScopeListener(scopes);
        LOG.info("DJL backend: PyTorch {} on CPU, {} intra-op thread(s)", DjlEngine.version(), DjlEngine.threads());
    }

    private static boolean allocatorWarmup(BackendOptions options) {
        String value = options.properties().getOrDefault(ALLOCATOR_WARMUP_OPTION, "true").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new BackendException("Backend option " + ALLOCATOR_WARMUP_OPTION + "=" + value
                    + " is invalid; use true (the default) or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static void configureThreads(BackendOptions options) {
        if (options.properties().containsKey(THREADS_OPTION)) {
            DjlEngine.setThreads(options.intProperty(THREADS_OPTION, DEFAULT_THREADS));
        } else if (System.getProperty(DjlEngine.THREADS_PROPERTY) == null) {
            DjlEngine.setThreads(DEFAULT_THREADS);
        }
    }

    /** {@return PyTorch's intra-op thread count now (process-wide)} */
    public int threads() {
        return DjlEngine.threads();
    }

    /**
     * {@return arrays that DJL's root manager of this backend holds, counted through all its sub-managers} When no op is
     * running it equals {@code memory().tensors()}: each live tensor is one array, and nothing else is left behind.
     * Zero once closed.
     */
    public long engineLiveArrays() {
        return root.isOpen() ? root.getManagedArrays().size() : 0;
    }

    /** {@return bytes of the arrays counted by {@link #engineLiveArrays()} (elements x element size)} */
    public long engineLiveBytes() {
        if (!root.isOpen()) {
            return 0;
        }
        long bytes = 0;
        for (NDArray array : root.getManagedArrays()) {
            bytes += array.size() * array.getDataType().getNumOfBytes();
        }
        return bytes;
    }

    // ---- tensors, scopes and memory -------------------------------------------------------------------------------

    @Override
    protected Tensor newFloats(float[] values, Shape shape) {
        return create(m -> NdArrays.fromFloats(m, values, shape.toLongArray()), shape, DType.FLOAT32, Layout.PLAIN);
    }

    @Override
    protected Tensor newInts(int[] values, Shape shape) {
        return create(m -> NdArrays.fromInts(m, values, shape.toLongArray()), shape, DType.INT32, Layout.PLAIN);
    }

    @Override
    protected Tensor newBytes(byte[] values, Shape shape, DType dtype) {
        return create(m -> NdArrays.fromBytes(m, values, shape.toLongArray(), DTypes.toDjl(dtype)), shape, dtype,
                Layout.PLAIN);
    }

    /**
     * Conv filters ({@code [h, w, in, out]}) are stored as PyTorch's {@code [out, in, h, w]} and depthwise filters
     * ({@code [h, w, in, multiplier]}) as {@code [in * multiplier, 1, h, w]}, rearranged once here; the tensor keeps
     * the TensorFlow shape and reads back in TensorFlow order.
     */
    @Override
    public Tensor weight(float[] values, Shape shape, WeightUse use) {
        requireValueCount(values.length, shape, DType.FLOAT32);
        if (use == WeightUse.OTHER || shape.rank() != 4) {
            return fromFloats(values, shape);
        }
        Layout layout = use == WeightUse.CONV2D_FILTER ? Layout.CONV_FILTER : Layout.DEPTHWISE_FILTER;
        float[] torch = FilterLayouts.toTorch(values, shape, layout);
        long[] torchShape = FilterLayouts.torchShape(shape, layout);
        return create(m -> NdArrays.fromFloats(m, torch, torchShape), shape, DType.FLOAT32, layout);
    }

    // ---- element-wise ---------------------------------------------------------------------------------------------

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        requireSameDType("binary " + op, a, b);
        return run("binary " + op, s -> ElementwiseOps.binary(s, op, in(s, a), in(s, b), a.dtype()));
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x) {
        Checks.requireFloat("unary " + op, x);
        return run("unary " + op, s -> ElementwiseOps.unary(s, op, in(s, x)));
    }

    @Override
    public Tensor prelu(Tensor x, Tensor alpha) {
        Checks.requireFloat("prelu", x);
        Checks.requireFloat("prelu alpha", alpha);
        return run("prelu", s -> ElementwiseOps.prelu(s, in(s, x), in(s, alpha), nd(alpha).withinUnitInterval()));
    }

    @Override
    public Tensor softmax(Tensor logits) {
        Checks.requireFloat("softmax", logits);
        Checks.requireRankAtLeast("softmax", logits, 1);
        return run("softmax", s -> ElementwiseOps.softmax(in(s, logits)));
    }

    @Override
    public Tensor cast(Tensor x, DType dtype) {
        return run("cast", s -> ElementwiseOps.cast(in(s, x), x.dtype(), dtype));
    }

    @Override
    public Tensor select(Tensor condition, Tensor whenTrue, Tensor whenFalse) {
        if (condition.dtype() != DType.BOOL) {
            throw new BackendException("select needs a bool condition, got " + describe(condition));
        }
        requireSameDType("select", whenTrue, whenFalse);
        return run("select", s -> ElementwiseOps.select(in(s, condition), in(s, whenTrue), in(s, whenFalse)));
    }

    // ---- neural network -------------------------------------------------------------------------------------------

    @Override
    public Tensor conv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused) {
        Checks.requireImage("conv2d", input);
        Checks.requireFloat("conv2d filter", filter);
        Shape f = filter.shape();
        if (f.rank() != 4 || f.dim(2) != input.shape().dim(3)) {
            throw new BackendException("conv2d needs a [h, w, in, out] filter with in = " + input.shape().dim(3)
                    + " (the input's channels), got " + describe(filter));
        }
        int out = f.dim(3);
        return run("conv2d", s -> {
            NdTensor weightTensor = nd(filter);
            PtNDArray weight = weightTensor.layout() == Layout.CONV_FILTER ? weightTensor.array()
                    : s.add(JniUtils.permute(weightTensor.tfView(s), new long[] {3, 2, 0, 1}));
            PtNDArray bias = channelBias(s, fused, out);
            PtNDArray y = NnOps.conv2d(s, in(s, input), input.shape().toArray(), weight, out, f.dim(0), f.dim(1),
                    spec, 1, bias);
            return finish(s, y, fused, bias == null);
        });
    }

    @Override
    public Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused) {
        Checks.requireImage("depthwiseConv2d", input);
        Checks.requireFloat("depthwiseConv2d filter", filter);
        Shape f = filter.shape();
        int channels = input.shape().dim(3);
        if (f.rank() != 4 || f.dim(2) != channels) {
            throw new BackendException("depthwiseConv2d needs a [h, w, in, multiplier] filter with in = " + channels
                    + " (the input's channels), got " + describe(filter));
        }
        int out = channels * f.dim(3);
        return run("depthwiseConv2d", s -> {
            NdTensor weightTensor = nd(filter);
            PtNDArray weight;
            if (weightTensor.layout() == Layout.DEPTHWISE_FILTER) {
                weight = weightTensor.array();
            } else {
                PtNDArray flat = s.add(JniUtils.reshape(weightTensor.tfView(s), new long[] {f.dim(0), f.dim(1), out}));
                PtNDArray channelsFirst = s.add(JniUtils.permute(flat, new long[] {2, 0, 1}));
                weight = s.add(JniUtils.reshape(channelsFirst, new long[] {out, 1, f.dim(0), f.dim(1)}));
            }
            PtNDArray bias = channelBias(s, fused, out);
            PtNDArray y = NnOps.conv2d(s, in(s, input), input.shape().toArray(), weight, out, f.dim(0), f.dim(1),
                    spec, channels, bias);
            return finish(s, y, fused, bias == null);
        });
    }

    @Override
    public Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB, Fused fused) {
        Checks.requireFloat("matMul", a);
        Checks.requireFloat("matMul", b);
        if (a.shape().rank() != 2 || b.shape().rank() != 2) {
            throw new BackendException("matMul needs two rank-2 tensors, got " + describe(a) + " and " + describe(b));
        }
        int inner = transposeA ? a.shape().dim(0) : a.shape().dim(1);
        int innerB = transposeB ? b.shape().dim(1) : b.shape().dim(0);
        if (inner != innerB) {
            throw new BackendException("matMul of " + describe(a) + (transposeA ? "^T" : "") + " and " + describe(b)
                    + (transposeB ? "^T" : "") + ": inner dimensions " + inner + " and " + innerB + " differ");
        }
        int out = transposeB ? b.shape().dim(0) : b.shape().dim(1);
        return run("matMul", s -> {
            PtNDArray bias = channelBias(s, fused, out);
            PtNDArray y = NnOps.matMul(s, in(s, a), in(s, b), transposeA, transposeB, bias);
            return finish(s, y, fused, bias == null);
        });
    }

    @Override
    public Tensor maxPool(Tensor input, int windowH, int windowW, ConvSpec spec) {
        Checks.requireImage("maxPool", input);
        if (windowH < 1 || windowW < 1) {
            throw new BackendException("maxPool window must be at least 1x1, got " + windowH + "x" + windowW);
        }
        return run("maxPool", s -> NnOps.maxPool(s, in(s, input), input.shape().toArray(), windowH, windowW, spec));
    }

    // ---- reductions -----------------------------------------------------------------------------------------------

    @Override
    public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        int[] resolved = Checks.distinctAxes("reduce " + op, x, axes);
        return run("reduce " + op,
                s -> ReduceOps.reduce(s, op, in(s, x), x.shape().toArray(), x.dtype(), resolved, keepDims));
    }

    @Override
    public Tensor argMax(Tensor x, int axis) {
        int a = Checks.axis(x, axis, "argMax");
        if (x.shape().dim(a) == 0) {
            throw new BackendException("argMax over axis " + axis + " of " + describe(x) + ", which is empty");
        }
        return run("argMax", s -> ReduceOps.argMax(s, in(s, x), a));
    }

    @Override
    public TopK topK(Tensor x, int k, boolean sorted) {
        Checks.requireRankAtLeast("topK", x, 1);
        if (x.dtype() != DType.FLOAT32 && x.dtype() != DType.INT32) {
            throw new BackendException("topK needs a float32 or int32 tensor, got " + describe(x));
        }
        Shape shape = x.shape();
        int n = shape.dim(-1);
        if (k < 0 || k > n) {
            throw new BackendException("topK k=" + k + " is outside [0, " + n + "] for " + describe(x));
        }
        int[] outDims = shape.toArray();
        outDims[outDims.length - 1] = k;
        Shape outShape = Shape.of(outDims);
        int rows = Math.toIntExact(shape.size() / Math.max(n, 1));
        TopKSelection.Selection selection;
        if (k == 0 || rows == 0 || n == 0) {
            selection = new TopKSelection.Selection(new double[0], new int[0]);
        } else {
            checkOpen();
            try (Scratch s = new Scratch()) {
                selection = TopKSelection.select(in(s, x), rows, n, k, x.dtype());
            } catch (EngineException e) {
                throw failed("topK", e);
            }
        }
        double[] v = selection.values();
        Tensor values;
        if (x.dtype() == DType.FLOAT32) {
            float[] floats = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                floats[i] = (float) v[i];
            }
            values = fromFloats(floats, outShape);
        } else {
            int[] ints = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                ints[i] = (int) v[i];
            }
            values = fromInts(ints, outShape);
        }
        try {
            return new TopK(values, fromInts(selection.indices(), outShape));
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
    }

    // ---- shapes ---------------------------------------------------------------------------------------------------

    @Override
    public Tensor reshape(Tensor x, Shape shape) {
        if (shape.size() != x.shape().size()) {
            throw new BackendException("Cannot reshape " + describe(x) + " to " + shape + ": element counts "
                    + x.shape().size() + " and " + shape.size() + " differ");
        }
        return run("reshape", s -> ShapeOps.reshape(in(s, x), shape));
    }

    @Override
    public Tensor transpose(Tensor x, int[] permutation) {
        int rank = x.shape().rank();
        boolean[] seen = new boolean[rank];
        boolean valid = permutation.length == rank;
        for (int i = 0; valid && i < rank; i++) {
            valid = permutation[i] >= 0 && permutation[i] < rank && !seen[permutation[i]];
            if (valid) {
                seen[permutation[i]] = true;
            }
        }
        if (!valid) {
            throw new BackendException("transpose permutation " + Arrays.toString(permutation)
                    + " is not a permutation of the " + rank + " axes of " + describe(x));
        }
        return run("transpose", s -> ShapeOps.transpose(in(s, x), permutation));
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        if (xs.isEmpty()) {
            throw new BackendException("concat needs at least one tensor");
        }
        Tensor first = xs.get(0);
        int a = Checks.axis(first, axis, "concat");
        for (Tensor t : xs) {
            requireSameDType("concat", first, t);
            boolean compatible = t.shape().rank() == first.shape().rank();
            for (int i = 0; compatible && i < first.shape().rank(); i++) {
                compatible = i == a || t.shape().dim(i) == first.shape().dim(i);
            }
            if (!compatible) {
                throw new BackendException("concat along axis " + axis + " needs equal other dimensions, got "
                        + describe(first) + " and " + describe(t));
            }
        }
        return run("concat", s -> {
            PtNDArray[] arrays = new PtNDArray[xs.size()];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = in(s, xs.get(i));
            }
            return ShapeOps.concat(arrays, a);
        });
    }

    @Override
    public Tensor slice(Tensor x, int[] begin, int[] size) {
        int[] dims = x.shape().toArray();
        if (begin.length != dims.length || size.length != dims.length) {
            throw new BackendException("slice of " + describe(x) + " needs begin and size of length " + dims.length
                    + ", got " + Arrays.toString(begin) + " and " + Arrays.toString(size));
        }
        int[] extent = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            extent[i] = size[i] == -1 ? dims[i] - begin[i] : size[i];
            if (begin[i] < 0 || extent[i] < 0 || begin[i] + extent[i] > dims[i]) {
                throw new BackendException("slice begin " + Arrays.toString(begin) + " size " + Arrays.toString(size)
                        + " does not fit in " + describe(x) + " (axis " + i + ")");
            }
        }
        return run("slice", s -> ShapeOps.slice(s, in(s, x), begin, extent));
    }

    @Override
    public Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides) {
        int rank = x.shape().rank();
        if (begin.length != rank || end.length != rank || strides.length != rank) {
            throw new BackendException("stridedSlice of " + describe(x) + " needs begin, end and strides of length "
                    + rank);
        }
        return run("stridedSlice", s -> ShapeOps.stridedSlice(s, in(s, x), x.shape().toArray(), begin, end, strides));
    }

    @Override
    public Tensor pad(Tensor x, int[][] paddings, float value) {
        if (paddings.length != x.shape().rank()) {
            throw new BackendException("pad of " + describe(x) + " needs " + x.shape().rank() + " {before, after} "
                    + "pairs, got " + paddings.length);
        }
        for (int[] p : paddings) {
            if (p.length != 2 || p[0] < 0 || p[1] < 0) {
                throw new BackendException("pad amounts must be {before, after} pairs of non-negative numbers, got "
                        + Arrays.deepToString(paddings));
            }
        }
        return run("pad", s -> ShapeOps.pad(in(s, x), paddings, value));
    }

    @Override
    public Tensor reverse(Tensor x, int[] axes) {
        int[] resolved = Checks.distinctAxes("reverse", x, axes);
        return run("reverse", s -> ShapeOps.reverse(in(s, x), resolved));
    }

    @Override
    public Tensor gather(Tensor x, Tensor indices, int axis) {
        Checks.requireIndices("gather", indices);
        int a = Checks.axis(x, axis, "gather");
        return run("gather", s -> ShapeOps.gather(s, in(s, x), in(s, indices), a));
    }

    @Override
    public Tensor gatherNd(Tensor x, Tensor indices) {
        Checks.requireIndices("gatherNd", indices);
        int[] addresses = indices.toInts();
        return run("gatherNd", s -> ShapeOps.gatherNd(s, in(s, x), x.shape().toArray(), addresses,
                indices.shape().toArray()));
    }

    // ---- images ---------------------------------------------------------------------------------------------------

    @Override
    public Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners,
                                 boolean halfPixelCenters) {
        Checks.requireRank("resizeBilinear", images, 4);
        if (alignCorners && halfPixelCenters) {
            throw new BackendException("resizeBilinear: halfPixelCenters needs alignCorners=false, as in TensorFlow");
        }
        if (height < 1 || width < 1) {
            throw new BackendException("resizeBilinear target must be at least 1x1, got " + height + "x" + width);
        }
        return run("resizeBilinear", s -> ImageOps.resizeBilinear(s, asFloat(s, images), images.shape().toArray(),
                height, width, alignCorners, halfPixelCenters));
    }

    @Override
    public Tensor cropAndResize(Tensor image, float[][] boxes, int[] boxIndices, int cropHeight, int cropWidth) {
        Checks.requireRank("cropAndResize", image, 4);
        if (cropHeight < 1 || cropWidth < 1) {
            throw new BackendException("cropAndResize crop must be at least 1x1, got " + cropHeight + "x" + cropWidth);
        }
        for (int i = 0; i < boxes.length; i++) {
            if (boxes[i] == null || boxes[i].length != 4) {
                throw new BackendException("cropAndResize box " + i + " must be {y1, x1, y2, x2}, got "
                        + Arrays.toString(boxes[i]));
            }
        }
        ImageOps.checkBoxIndices(boxIndices, boxes.length, image.shape().dim(0));
        return run("cropAndResize", s -> ImageOps.cropAndResize(s, asFloat(s, image), image.shape().toArray(), boxes,
                boxIndices, cropHeight, cropWidth));
    }

    // ---- models -------------------------------------------------------------------------------------------------

    /**
     * Runs {@code def} through the generic graph executor of {@code human-graph} over this backend's ops (PyTorch has
     * no importer for TensorFlow graphs): weights are laid out for PyTorch once, at load, through {@link #weight}.
     */
    @Override
    public Model loadModel(GraphModelDef def) {
        checkOpen();
        return GraphExecutor.compile(this, def);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    /** Closes DJL's root manager, after every tensor was released (last step of {@link #close()}). */
    @Override
    protected void closeEngine(int releasedTensors) {
        root.close();
    }

    // ---- plumbing -------------------------------------------------------------------------------------------------

    /** Runs an op whose intermediates go in a scratch list, and tracks its result. */
    private Tensor run(String op, Function<Scratch, PtNDArray> body) {
        checkOpen();
        try (Scratch s = new Scratch()) {
            return trackResult(body.apply(s));
        } catch (EngineException e) {
            throw failed(op, e);
        }
    }

    private Tensor create(Function<PtNDManager, PtNDArray> factory, Shape shape, DType dtype, Layout layout) {
        checkOpen();
        try {
            return track(factory.apply(scopes.current()), shape, dtype, layout);
        } catch (EngineException e) {
            throw failed("creating a " + dtype.name().toLowerCase(Locale.ROOT) + shape + " tensor", e);
        }
    }

    /** Tracks an op's result with the shape and dtype PyTorch reports. */
    private Tensor trackResult(PtNDArray array) {
        Shape shape;
        DType dtype;
        try {
            shape = Shape.of(array.getShape().getShape());
            dtype = DTypes.fromDjl(array.getDataType());
        } catch (RuntimeException e) {
            array.close();
            throw e;
        }
        return track(array, shape, dtype, Layout.PLAIN);
    }

    /** Hands {@code array} to the current scope's manager and the tracker; closes it if that fails. */
    private Tensor track(PtNDArray array, Shape shape, DType dtype, Layout layout) {
        try {
            scopes.attachToCurrent(array);
            return tracker().track(new NdTensor(array, layout, shape), shape, dtype);
        } catch (RuntimeException e) {
            array.close();
            throw e;
        }
    }

    private BackendException failed(String op, EngineException e) {
        return new BackendException("DJL backend: " + op + " failed in PyTorch: " + e.getMessage(), e);
    }

    private NdTensor nd(Tensor tensor) {
        return nativeOf(tensor, NdTensor.class);
    }

    /** The tensor's array in its TensorFlow layout (a scratch view for filters). */
    private PtNDArray in(Scratch s, Tensor tensor) {
        return nd(tensor).tfView(s);
    }

    private PtNDArray asFloat(Scratch s, Tensor tensor) {
        PtNDArray array = in(s, tensor);
        return tensor.dtype() == DType.FLOAT32 ? array : s.add(JniUtils.to(array, DataType.FLOAT32, Device.cpu()));
    }

    /** The fused bias when it is a vector of the output channels (PyTorch adds it inside the op), else null. */
    private PtNDArray channelBias(Scratch s, Fused fused, int channels) {
        Tensor bias = fused.bias();
        if (bias == null || bias.shape().rank() != 1 || bias.shape().dim(0) != channels
                || bias.dtype() != DType.FLOAT32) {
            return null;
        }
        return in(s, bias);
    }

    private PtNDArray finish(Scratch s, PtNDArray y, Fused fused, boolean biasStillToAdd) {
        PtNDArray bias = biasStillToAdd && fused.bias() != null ? in(s, fused.bias()) : null;
        boolean prelu = fused.activation() == Activation.PRELU;
        PtNDArray alpha = prelu ? in(s, fused.alpha()) : null;
        return NnOps.finish(s, y, bias, fused.activation(), alpha, prelu
                && fused.alpha().dtype() == DType.FLOAT32 && nd(fused.alpha()).withinUnitInterval());
    }
}
