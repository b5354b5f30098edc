package ai.human.backend.tf;

import ai.human.backend.Activation;
import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.ReduceOp;
import ai.human.backend.TopK;
import ai.human.backend.UnaryOp;
import ai.human.backend.Backend;
import ai.human.backend.spi.AbstractBackend;
import ai.human.backend.spi.NativeTensor;
import ai.human.backend.spi.TensorTracker;
import ai.human.backend.tf.internal.DataTypes;
import ai.human.backend.tf.internal.EagerContext;
import ai.human.backend.tf.internal.FusedTail;
import ai.human.backend.tf.internal.ImageKernels;
import ai.human.backend.tf.internal.MathKernels;
import ai.human.backend.tf.internal.NeuralKernels;
import ai.human.backend.tf.internal.ShapeKernels;
import ai.human.backend.tf.internal.TfTensor;
import ai.human.backend.tf.internal.graph.ConstantLedger;
import ai.human.backend.tf.internal.graph.ModelHost;
import ai.human.backend.tf.internal.graph.RemapperPolicy;
import ai.human.backend.tf.internal.graph.SessionConfig;
import ai.human.backend.tf.internal.graph.TfGraphModel;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.tensor.DType;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/**
 * The {@link Backend} on TensorFlow Java 1.1.0 (TensorFlow 2.18): every op runs eagerly through TensorFlow's C
 * API, on the CPU, and graph models run natively, each in a TensorFlow session of its own ({@link #loadModel}).
 *
 * <p>Each {@link Tensor} is backed by exactly one {@code TFE_TensorHandle}, owned by that tensor alone and deleted
 * when the tensor is closed (or its scope, or this backend). The temporaries of an op (axis and shape constants,
 * the intermediates of composed ops such as prelu) are deleted before the op returns. {@link #engineLiveHandles()}
 * counts the handles at the native boundary, independently of {@link #memory()}, so tests can check that the
 * framework's accounting does not under-report; {@link #engineModelConstants()} does the same for model weights.
 *
 * <p>Options ({@code backendOptions} in the config): {@value #THREADS} (intra-op threads, default
 * {@value #DEFAULT_THREADS}), {@value #INTER_OP_THREADS} (default {@value #DEFAULT_INTER_OP_THREADS}),
 * {@value #NATIVE_FUSION} ({@code true}/{@code false}: run bias and relu/relu6 inside TensorFlow's fused kernels
 * {@code _FusedConv2D}/{@code _FusedMatMul}; default {@value #DEFAULT_NATIVE_FUSION}, because TensorFlow's
 * oneDNN convolution followed by {@code BiasAdd} and the activation measured faster here than its Eigen-based
 * fused kernel). TensorFlow creates its intra-op pool once per process, sized by the first backend (or other
 * TensorFlow context) created in it; later backends share it, and a different {@value #THREADS} is logged at WARN.
 * Each backend has its own inter-op pool; model sessions run their ops in the calling thread when
 * {@value #INTER_OP_THREADS} is 1. {@value #GRAPH_REMAPPER} ({@code auto}/{@code on}/{@code off}, default
 * {@code auto}): whether TensorFlow's remapper fuses ops in model graphs; {@code auto} keeps it off only for graphs
 * it would compute differently from TensorFlow.js (Human's CenterNet, see {@link RemapperPolicy}).
 *
 * <pre>{@code
 * try (TfBackend backend = new TfBackend(BackendOptions.defaults());
 *      TensorScope scope = backend.scope()) {
 *     Tensor x = backend.fromFloats(new float[] {-1, 2}, Shape.of(2));
 *     float[] y = backend.unary(UnaryOp.RELU, x).toFloats(); // {0, 2}
 * }
 * }</pre>
 */
public final class TfBackend extends AbstractBackend {
    /** The provider name. */
    public static final String NAME = "tensorflow";
    /** Option: intra-op threads (threads one op may use). */
    public static final String THREADS = "threads";
    /** Option: inter-op threads. */
    public static final String INTER_OP_THREADS = "interOpThreads";
    /** Option: use TensorFlow's fused convolution/matmul kernels for bias + relu/relu6. */
    public static final String NATIVE_FUSION = "nativeFusion";
    /**
     * Default intra-op threads, chosen by measurement on a shared 2-core machine with the module's bench harness
     * ({@code TfOpBench}, medians of 6 runs each): a BlazeFace-like stack of 7 convolutions on 128x128x3 took 1.16 ms
     * with 1 thread and 1.68 ms with 2; stride-2 and depthwise convolutions were also faster with 1; a single large
     * convolution (128x128x32, 3x3x32x32) was equally fast at best with both (1.98 ms).
     */
    public static final int DEFAULT_THREADS = 1;
    /** Default inter-op threads. */
    public static final int DEFAULT_INTER_OP_THREADS = 1;
    /** Default of {@value #NATIVE_FUSION}, chosen by measurement (see the module's bench harness). */
    public static final boolean DEFAULT_NATIVE_FUSION = false;
    /**
     * Option: whether Grappler's remapper (op fusion, oneDNN's included) runs on model graphs: {@code auto} (default:
     * on, except for graphs it would compute differently, see {@link RemapperPolicy}), {@code on} or {@code off}.
     */
    public static final String GRAPH_REMAPPER = "graphRemapper";

    private static final Logger LOG = LoggerFactory.getLogger(TfBackend.class);
    private static final Set<String> KNOWN_OPTIONS = Set.of(THREADS, INTER_OP_THREADS, NATIVE_FUSION, GRAPH_REMAPPER);

    private final EagerContext context;
    private final MathKernels math;
    private final NeuralKernels neural;
    private final ShapeKernels shapes;
    private final ImageKernels images;
    private final int threads;
    private final int interOpThreads;
    private final Boolean forcedRemapper;
    private final ConstantLedger constants = new ConstantLedger();
    private final Set<TfGraphModel> openModels = ConcurrentHashMap.newKeySet();
    private final ModelHost modelHost = new Host();

    /**
     * Creates an eager TensorFlow context configured by {@code options}.
     *
     * @param options leak detection and backend properties
     * @throws BackendException if an option is malformed or TensorFlow cannot create the context
     */
    public TfBackend(BackendOptions options) {
        super(NAME, options.leakDetection());
        this.threads = options.intProperty(THREADS, DEFAULT_THREADS);
        this.interOpThreads = options.intProperty(INTER_OP_THREADS, DEFAULT_INTER_OP_THREADS);
        if (threads < 0 || interOpThreads < 0) {
            throw new BackendException("Backend options " + THREADS + "=" + threads + " and " + INTER_OP_THREADS
                    + "=" + interOpThreads + " must not be negative; use 0 for TensorFlow's default");
        }
        boolean nativeFusion = booleanOption(options, NATIVE_FUSION, DEFAULT_NATIVE_FUSION);
        this.forcedRemapper = remapperOption(options);
        for (String key : options.properties().keySet()) {
            if (!KNOWN_OPTIONS.contains(key)) {
                LOG.debug("Backend {} ignores unknown option '{}'; it knows {}", NAME, key, KNOWN_OPTIONS);
            }
        }
        this.context = EagerContext.create(threads, interOpThreads);
        this.math = new MathKernels(context);
        this.neural = new NeuralKernels(context, math, nativeFusion);
        this.shapes = new ShapeKernels(context);
        this.images = new ImageKernels(context);
        LOG.debug("TensorFlow backend created: {} intra-op and {} inter-op threads, native fusion {}", threads,
                interOpThreads, nativeFusion);
    }

    private static boolean booleanOption(BackendOptions options, String key, boolean fallback) {
        String value = options.properties().get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BackendException("Backend option " + key + "='" + value
                    + "' is not a boolean; set backendOptions." + key + "=true or false");
        };
    }

    private static Boolean remapperOption(BackendOptions options) {
        String value = options.properties().get(GRAPH_REMAPPER);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> null;
            case "on", "true" -> Boolean.TRUE;
            case "off", "false" -> Boolean.FALSE;
            default -> throw new BackendException("Backend option " + GRAPH_REMAPPER + "='" + value
                    + "' is not auto, on or off; set backendOptions." + GRAPH_REMAPPER + "=auto (the default)");
        };
    }

    /** {@return intra-op threads this backend asked TensorFlow for} */
    public int threads() {
        return threads;
    }

    /** {@return inter-op threads this backend asked TensorFlow for} */
    public int interOpThreads() {
        return interOpThreads;
    }

    /**
     * {@return the engine's own count of live {@code TFE_TensorHandle}s of this backend, kept at the native boundary: up by
     * one for every handle TensorFlow hands out (tensor creation, op outputs, op temporaries), down by one for every
     * {@code TFE_DeleteTensorHandle}} Between ops it equals {@code memory().tensors()}; a larger value means a
     * native handle that no tensor accounts for. Zero after {@link #close()}.
     */
    public long engineLiveHandles() {
        return context.liveHandles();
    }

    /**
     * {@return bytes of the live handles as TensorFlow reports them (element count × TensorFlow's element size, per handle)}
     * Between ops it equals {@code memory().bytes()}.
     */
    public long engineLiveBytes() {
        return context.liveBytes();
    }

    /**
     * {@return the engine's own count of the weight constants of this backend's open models (see {@link #loadModel}): one per
     * weight {@code Const} node in their TensorFlow graphs} Equals {@code memory().of(Owner.MODEL).tensors()}.
     */
    public long engineModelConstants() {
        return constants.count();
    }

    /**
     * {@return bytes of those constants as TensorFlow sizes them (its element size times the element count of the shape it
     * inferred for each node)} Equals {@code memory().of(Owner.MODEL).bytes()}.
     */
    public long engineModelConstantBytes() {
        return constants.bytes();
    }

    // ---- tensors, scopes and memory -----------------------------------------------------------------------------

    @Override
    protected Tensor newFloats(float[] values, Shape shape) {
        return context.call(() -> track(context.fromFloats(values, shape.toLongArray())));
    }

    @Override
    protected Tensor newInts(int[] values, Shape shape) {
        return context.call(() -> track(context.fromInts(values, shape.toLongArray())));
    }

    @Override
    protected Tensor newBytes(byte[] values, Shape shape, DType dtype) {
        return context.call(() -> track(context.fromBytes(values, shape.toLongArray(), DataTypes.toTf(dtype))));
    }

    // ---- element-wise ---------------------------------------------------------------------------------------------

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        requireSameDType("binary " + op, a, b);
        if (op == BinaryOp.LOGICAL_AND && a.dtype() != DType.BOOL) {
            throw new BackendException("LOGICAL_AND needs bool operands, got " + describe(a) + "; compare or cast"
                    + " to bool first");
        }
        return run("binary " + op, () -> math.binary(op, handle(a), handle(b), DataTypes.toTf(a.dtype())), a, b);
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x) {
        return run("unary " + op, () -> math.unary(op, handle(x)), x);
    }

    @Override
    public Tensor prelu(Tensor x, Tensor alpha) {
        return run("prelu", () -> math.prelu(handle(x), handle(alpha)), x, alpha);
    }

    @Override
    public Tensor softmax(Tensor logits) {
        return run("softmax", () -> math.softmax(handle(logits)), logits);
    }

    @Override
    public Tensor cast(Tensor x, DType dtype) {
        return run("cast to " + dtype, () -> math.cast(handle(x), DataTypes.toTf(dtype)), x);
    }

    @Override
    public Tensor select(Tensor condition, Tensor whenTrue, Tensor whenFalse) {
        return run("select", () -> math.select(handle(condition), handle(whenTrue), handle(whenFalse)),
                condition, whenTrue, whenFalse);
    }

    // ---- neural network -------------------------------------------------------------------------------------------

    @Override
    public Tensor conv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused) {
        return run("conv2d", () -> neural.conv2d(handle(input), handle(filter), spec.strideH(), spec.strideW(),
                spec.padding(), tail(fused)), input, filter);
    }

    @Override
    public Tensor depthwiseConv2d(Tensor input, Tensor filter, ConvSpec spec, Fused fused) {
        return run("depthwiseConv2d", () -> neural.depthwiseConv2d(handle(input), handle(filter), spec.strideH(),
                spec.strideW(), spec.padding(), tail(fused)), input, filter);
    }

    @Override
    public Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB, Fused fused) {
        return run("matMul", () -> neural.matMul(handle(a), handle(b), transposeA, transposeB, tail(fused)), a, b);
    }

    @Override
    public Tensor maxPool(Tensor input, int windowH, int windowW, ConvSpec spec) {
        return run("maxPool", () -> neural.maxPool(handle(input), windowH, windowW, spec.strideH(), spec.strideW(),
                spec.padding()), input);
    }

    private FusedTail tail(Fused fused) {
        if (fused == null || (fused.bias() == null && fused.activation() == Activation.NONE)) {
            return FusedTail.NONE;
        }
        TFE_TensorHandle bias = fused.bias() == null ? null : handle(fused.bias());
        int biasRank = fused.bias() == null ? 0 : fused.bias().shape().rank();
        TFE_TensorHandle alpha = fused.alpha() == null ? null : handle(fused.alpha());
        return new FusedTail(bias, biasRank, fused.activation(), alpha);
    }

    // ---- reductions -----------------------------------------------------------------------------------------------

    @Override
    public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
        return run("reduce " + op, () -> shapes.reduce(op, handle(x), axes, keepDims), x);
    }

    @Override
    public Tensor argMax(Tensor x, int axis) {
        return run("argMax", () -> shapes.argMax(handle(x), axis), x);
    }

    /** The {@code k} largest values and their indices, always sorted largest first (whatever {@code sorted} says). */
    @Override
    public TopK topK(Tensor x, int k, boolean sorted) {
        Tensor[] out = runMany("topK", () -> shapes.topK(handle(x), k), x);
        return new TopK(out[0], out[1]);
    }

    // ---- shapes ---------------------------------------------------------------------------------------------------

    @Override
    public Tensor reshape(Tensor x, Shape shape) {
        return run("reshape to " + shape, () -> shapes.reshape(handle(x), shape.toArray()), x);
    }

    @Override
    public Tensor transpose(Tensor x, int[] permutation) {
        return run("transpose " + Arrays.toString(permutation), () -> shapes.transpose(handle(x), permutation), x);
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        requireConcatInputs(xs);
        Tensor[] inputs = xs.toArray(new Tensor[0]);
        return run("concat along axis " + axis, () -> {
            List<TFE_TensorHandle> handles = new ArrayList<>(xs.size());
            for (Tensor x : xs) {
                handles.add(handle(x));
            }
            return shapes.concat(handles, axis);
        }, inputs);
    }

    @Override
    public Tensor slice(Tensor x, int[] begin, int[] size) {
        return run("slice " + Arrays.toString(begin) + " size " + Arrays.toString(size),
                () -> shapes.slice(handle(x), begin, size), x);
    }

    @Override
    public Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides) {
        return run("stridedSlice " + Arrays.toString(begin) + ".." + Arrays.toString(end) + " by "
                + Arrays.toString(strides), () -> shapes.stridedSlice(handle(x), begin, end, strides), x);
    }

    @Override
    public Tensor pad(Tensor x, int[][] paddings, float value) {
        return run("pad", () -> shapes.pad(handle(x), DataTypes.toTf(x.dtype()), paddings, value), x);
    }

    @Override
    public Tensor reverse(Tensor x, int[] axes) {
        return run("reverse " + Arrays.toString(axes), () -> shapes.reverse(handle(x), axes), x);
    }

    @Override
    public Tensor gather(Tensor x, Tensor indices, int axis) {
        return run("gather along axis " + axis, () -> shapes.gather(handle(x), handle(indices), axis), x, indices);
    }

    @Override
    public Tensor gatherNd(Tensor x, Tensor indices) {
        return run("gatherNd", () -> shapes.gatherNd(handle(x), handle(indices)), x, indices);
    }

    // ---- images ---------------------------------------------------------------------------------------------------

    @Override
    public Tensor resizeBilinear(Tensor images, int height, int width, boolean alignCorners,
                                 boolean halfPixelCenters) {
        return run("resizeBilinear to " + height + "x" + width, () -> this.images.resizeBilinear(handle(images),
                height, width, alignCorners, halfPixelCenters), images);
    }

    @Override
    public Tensor cropAndResize(Tensor image, float[][] boxes, int[] boxIndices, int cropHeight, int cropWidth) {
        float[] flat = flattenBoxes(boxes, boxIndices);
        return run("cropAndResize to " + cropHeight + "x" + cropWidth,
                () -> images.cropAndResize(handle(image), flat, boxIndices, cropHeight, cropWidth), image);
    }

    // ---- models ---------------------------------------------------------------------------------------------------

    /**
     * Runs {@code def} natively: converts it to a TensorFlow graph (see {@code GraphDefBuilder}), imports it and opens
     * a session with this backend's thread options. Each weight is a constant of that graph and one tensor owned by
     * {@code MODEL} ({@code memory().of(Owner.MODEL)} grows by one tensor per weight and
     * {@link GraphModelDef#weightBytes()} bytes until the model is closed). The first run of each set of outputs
     * takes longer: TensorFlow optimises the graph and creates its kernels then.
     *
     * <pre>{@code
     * try (Model model = backend.loadModel(new ModelLoader().load(null, "blazeface.json"));
     *      TensorScope scope = backend.scope()) {
     *     List<Tensor> outputs = model.run(input);
     * }
     * }</pre>
     *
     * @throws BackendException when TensorFlow cannot import the graph (an op it does not know)
     */
    @Override
    public Model loadModel(GraphModelDef def) {
        checkOpen();
        return context.call(() -> {
            boolean remapper;
            if (forcedRemapper != null) {
                remapper = forcedRemapper;
            } else {
                Optional<String> reason = RemapperPolicy.reasonToDisable(def);
                reason.ifPresent(r -> LOG.debug("Model {}: Grappler's remapper is off because {}", def.name(), r));
                remapper = reason.isEmpty();
            }
            TfGraphModel model = TfGraphModel.load(def, new SessionConfig(threads, interOpThreads, remapper),
                    modelHost);
            openModels.add(model);
            LOG.debug("Loaded {}", model);
            return model;
        });
    }

    /** What models need from this backend. */
    private final class Host implements ModelHost {
        @Override
        public EagerContext context() {
            return context;
        }

        @Override
        public TFE_TensorHandle handleOf(Tensor tensor) {
            return handle(tensor);
        }

        @Override
        public Tensor track(TFE_TensorHandle handle) {
            return TfBackend.this.track(handle);
        }

        @Override
        public Tensor cast(Tensor tensor, DType dtype) {
            return TfBackend.this.cast(tensor, dtype);
        }

        @Override
        public Tensor trackWeight(NativeTensor weight, Shape shape, DType dtype) {
            Tensor tensor;
            try {
                tensor = tracker().track(weight, shape, dtype);
            } catch (RuntimeException e) {
                weight.release();
                throw e;
            }
            tracker().setOwner(tensor, Owner.MODEL);
            return tensor;
        }

        @Override
        public void outsideScopes(Runnable body) {
            TensorTracker.outsideScopes(() -> {
                body.run();
                return null;
            });
        }

        @Override
        public ConstantLedger constants() {
            return constants;
        }

        @Override
        public void closed(TfGraphModel model) {
            openModels.remove(model);
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    /** Closes every model still open (first step of {@link #close()}). */
    @Override
    protected void closeModels() {
        for (TfGraphModel model : List.copyOf(openModels)) {
            LOG.debug("TensorFlow backend closes model {}, which was still open", model.name());
            model.close();
        }
    }

    /** Closes the TensorFlow context, after every tensor was released (last step of {@link #close()}). */
    @Override
    protected void closeEngine(int releasedTensors) {
        int stray = context.closeAndCount();
        if (releasedTensors > 0) {
            LOG.debug("TensorFlow backend closed {} tensors that were still open", releasedTensors);
        }
        if (stray > 0) {
            LOG.warn("TensorFlow backend deleted {} native handles that no tensor accounted for", stray);
        }
    }

    // ---- plumbing -------------------------------------------------------------------------------------------------

    /** The handle behind {@code tensor}, checked to be open and of this backend. */
    private TFE_TensorHandle handle(Tensor tensor) {
        return nativeOf(tensor, TfTensor.class).handle();
    }

    /** Wraps a fresh handle (this backend's from now on) as a tracked tensor; deletes it if that fails. */
    private Tensor track(TFE_TensorHandle handle) {
        DType dtype;
        Shape shape;
        try {
            dtype = DataTypes.fromTf(context.dataType(handle));
            shape = context.shape(handle);
        } catch (RuntimeException e) {
            context.delete(handle);
            throw e;
        }
        return track(new TfTensor(context, handle), shape, dtype); // releases the handle if tracking fails
    }

    private Tensor run(String what, Supplier<TFE_TensorHandle> body, Tensor... inputs) {
        try {
            return context.call(() -> track(body.get()));
        } catch (BackendException e) {
            throw explain(what, e, inputs);
        }
    }

    private Tensor[] runMany(String what, Supplier<TFE_TensorHandle[]> body, Tensor... inputs) {
        try {
            return context.call(() -> {
                TFE_TensorHandle[] handles = body.get();
                Tensor[] tensors = new Tensor[handles.length];
                int done = 0;
                try {
                    for (; done < handles.length; done++) {
                        tensors[done] = track(handles[done]);
                    }
                    return tensors;
                } catch (RuntimeException e) {
                    for (int i = 0; i < done; i++) {
                        tensors[i].close();
                    }
                    for (int i = done + 1; i < handles.length; i++) {
                        context.delete(handles[i]);
                    }
                    throw e;
                }
            });
        } catch (BackendException e) {
            throw explain(what, e, inputs);
        }
    }

    private BackendException explain(String what, BackendException e, Tensor... inputs) {
        StringBuilder message = new StringBuilder("Backend ").append(NAME).append(": ").append(what).append(" of ");
        for (int i = 0; i < inputs.length; i++) {
            message.append(i == 0 ? "" : ", ").append(describe(inputs[i]));
        }
        return new BackendException(message.append(" failed: ").append(e.getMessage()).toString(), e);
    }
}
