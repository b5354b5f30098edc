package ai.human.backend.spi;

import ai.human.backend.Backend;
import ai.human.backend.BackendException;
import ai.human.config.LeakDetection;
import ai.human.error.AlreadyClosedException;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The skeleton every backend extends: it owns the {@link TensorTracker} and does, once for all backends, what would
 * otherwise be written (and drift apart) in each of them:
 * <ul>
 *   <li><b>argument checks</b> of the tensor factory (null arrays and shapes: {@link NullPointerException}; a value
 *       count that does not fit the shape, or a {@code fromBytes} dtype other than UINT8/BOOL:
 *       {@link BackendException}; BOOL bytes are normalised to 0/1 before the backend sees them), and helpers for
 *       the op checks several backends share ({@link #requireSameDType}, {@link #requireConcatInputs},
 *       {@link #flattenBoxes});</li>
 *   <li><b>closed checks</b>: a closed backend refuses tensors, scopes and ops ({@link #checkOpen()}), a closed
 *       tensor refuses to be read or used, both with {@link AlreadyClosedException};</li>
 *   <li><b>cross-backend checks</b>: {@link #nativeOf} refuses a tensor of another backend (or instance) with a
 *       {@link BackendException} naming both;</li>
 *   <li><b>tracker wiring</b>: {@link #track} registers a new native tensor (and releases it if registration fails);
 *       {@link #scope()}, {@link #memory()} and {@link #close()} are the tracker's, and closing releases every tensor
 *       still open (after {@link #closeModels()}, before {@link #closeEngine(int)}).</li>
 * </ul>
 * The factory, {@link #scope()} and {@link #memory()} may be overridden only to decorate them (call {@code super});
 * {@link #close()} is final. A subclass implements the factory's {@code new...} methods, the {@link ai.human.backend.TensorOps ops} and
 * {@link ai.human.backend.ModelRuntime#loadModel} (with {@code ai.human.graph.GraphExecutor} of module
 * {@code human-graph} when it cannot run graphs natively), reading its inputs with {@link #nativeOf} and returning
 * {@link #track}ed results.
 *
 * <pre>{@code
 * public final class MyBackend extends AbstractBackend {
 *     public MyBackend(BackendOptions options) {
 *         super("mine", options.leakDetection());
 *     }
 *
 *     protected Tensor newFloats(float[] values, Shape shape) {
 *         return track(new MyArray(values.clone()), shape, DType.FLOAT32);
 *     }
 *
 *     public Tensor unary(UnaryOp op, Tensor x) {
 *         MyArray in = nativeOf(x, MyArray.class);        // open, ours, of our native type
 *         return track(in.apply(op), x.shape(), x.dtype());
 *     }
 *
 *     public Model loadModel(GraphModelDef def) {
 *         return GraphExecutor.compile(this, def, tracker());
 *     }
 *     ...
 * }
 * }</pre>
 */
public abstract class AbstractBackend implements Backend {
    private final String name;
    private final TensorTracker tracker;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param name          the provider name, as {@link #name()} returns it
     * @param leakDetection the leak detection level of the tracker
     */
    protected AbstractBackend(String name, LeakDetection leakDetection) {
        this.name = Objects.requireNonNull(name, "name");
        this.tracker = new TensorTracker(this, Objects.requireNonNull(leakDetection, "leakDetection"));
    }

    @Override
    public final String name() {
        return name;
    }

    /** {@return the tracker that counts this backend's tensors (owners, scopes, leak detection)} */
    public final TensorTracker tracker() {
        return tracker;
    }

    /** {@return true once {@link #close()} has begun} */
    public final boolean isClosed() {
        return closed.get();
    }

    // ---- tensor factory ------------------------------------------------------------------------------------------

    @Override
    public Tensor fromFloats(float[] values, Shape shape) {
        checkFactoryArguments(Objects.requireNonNull(values, "values").length, shape, DType.FLOAT32);
        return newFloats(values, shape);
    }

    @Override
    public Tensor fromInts(int[] values, Shape shape) {
        checkFactoryArguments(Objects.requireNonNull(values, "values").length, shape, DType.INT32);
        return newInts(values, shape);
    }

    /** Creates a UINT8 or BOOL tensor; for BOOL every non-zero byte is stored as 1. */
    @Override
    public Tensor fromBytes(byte[] values, Shape shape, DType dtype) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(dtype, "dtype");
        if (dtype != DType.UINT8 && dtype != DType.BOOL) {
            throw new BackendException("fromBytes makes uint8 or bool tensors, not " + lower(dtype)
                    + "; use fromFloats or fromInts");
        }
        checkFactoryArguments(values.length, shape, dtype);
        byte[] stored = values;
        if (dtype == DType.BOOL) {
            stored = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                stored[i] = (byte) (values[i] != 0 ? 1 : 0);
            }
        }
        return newBytes(stored, shape, dtype);
    }

    private void checkFactoryArguments(int length, Shape shape, DType dtype) {
        Objects.requireNonNull(shape, "shape");
        checkOpen();
        requireValueCount(length, shape, dtype);
    }

    /**
     * Refuses {@code length} values for {@code shape} unless they are exactly its element count.
     *
     * @param length how many values were given
     * @param shape  the shape asked for
     * @param dtype  the tensor's dtype, for the message
     * @throws BackendException when {@code length} is not {@code shape.size()}
     */
    protected static void requireValueCount(int length, Shape shape, DType dtype) {
        if (length != shape.size()) {
            throw new BackendException("Cannot make a " + lower(dtype) + shape + " tensor from " + length
                    + " values: the shape needs " + shape.size() + "; pass as many values as the shape has elements");
        }
    }

    /**
     * A FLOAT32 tensor of {@code values}, already checked to fit {@code shape} on an open backend; the array is the
     * caller's: copy it if it is kept.
     *
     * @param values the elements in row-major order
     * @param shape  the tensor's shape
     * @return a new tensor of this backend, registered with {@link #track}
     */
    protected abstract Tensor newFloats(float[] values, Shape shape);

    /**
     * An INT32 tensor of {@code values}, checked as for {@link #newFloats}.
     *
     * @param values the elements in row-major order
     * @param shape  the tensor's shape
     * @return a new tensor of this backend, registered with {@link #track}
     */
    protected abstract Tensor newInts(int[] values, Shape shape);

    /**
     * A UINT8 or BOOL tensor of {@code values} (BOOL already 0/1), checked as for {@link #newFloats}; the array may be
     * the caller's: copy it if it is kept.
     *
     * @param values the elements in row-major order
     * @param shape  the tensor's shape
     * @param dtype  {@link DType#UINT8} or {@link DType#BOOL}
     * @return a new tensor of this backend, registered with {@link #track}
     */
    protected abstract Tensor newBytes(byte[] values, Shape shape, DType dtype);

    // ---- memory and scopes ---------------------------------------------------------------------------------------

    /** Opens a scope on the calling thread; a closed backend refuses with {@link AlreadyClosedException}. */
    @Override
    public TensorScope scope() {
        checkOpen();
        return tracker.openScope();
    }

    @Override
    public MemoryInfo memory() {
        return tracker.memory();
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /**
     * Closes the backend once (later calls do nothing): {@link #closeModels()}, then every tensor still open is
     * released, then {@link #closeEngine(int)}. Afterwards the counts are zero.
     */
    @Override
    public final void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int[] released = {0};
        try {
            closeModels();
        } finally {
            try {
                released[0] = tracker.releaseAll();
            } finally {
                closeEngine(released[0]);
            }
        }
    }

    /** Closes the models still open; called first by {@link #close()}. Does nothing by default. */
    protected void closeModels() {
    }

    /**
     * Releases the engine's own resources, after every tensor was released ({@code releasedTensors} of them were
     * still open). Does nothing by default.
     *
     * @param releasedTensors how many tensors {@link #close()} found still open and released
     */
    protected void closeEngine(int releasedTensors) {
    }

    // ---- for implementations ------------------------------------------------------------------------------------

    /** Throws {@link AlreadyClosedException} when this backend is closed. */
    protected final void checkOpen() {
        if (closed.get()) {
            throw new AlreadyClosedException("Backend " + name + " is closed; create a new one to go on");
        }
    }

    /**
     * The native array behind {@code tensor}, checked: this backend open, {@code tensor} not null
     * ({@link NullPointerException}), open ({@link AlreadyClosedException}), made by this backend instance and of
     * {@code type} ({@link BackendException}).
     *
     * @param <N>    the backend's native array type
     * @param tensor a tensor given to this backend
     * @param type   the backend's native array class
     * @return the native array behind {@code tensor}
     */
    protected final <N extends NativeTensor> N nativeOf(Tensor tensor, Class<N> type) {
        checkOpen();
        return TrackedTensor.nativeOf(tensor, this, type);
    }

    /**
     * Registers a fresh native tensor as a tensor of this backend, owned by the caller (or the open scope); if that
     * fails the native tensor is released before the exception propagates.
     *
     * @param nativeTensor the backend's new native array
     * @param shape        the tensor's shape
     * @param dtype        the tensor's dtype
     * @return the tensor, owned by the caller, or by the calling thread's innermost scope if one is open
     */
    protected final Tensor track(NativeTensor nativeTensor, Shape shape, DType dtype) {
        try {
            checkOpen();
            return tracker.track(nativeTensor, shape, dtype);
        } catch (RuntimeException e) {
            nativeTensor.release();
            throw e;
        }
    }

    /**
     * Refuses operands of different dtypes (TensorFlow's binary ops do not promote).
     *
     * @param op the op's name, for the message
     * @param a  the first operand
     * @param b  the second operand
     * @throws BackendException when the dtypes differ
     */
    protected static void requireSameDType(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new BackendException(op + " needs operands of one dtype, got " + describe(a) + " and "
                    + describe(b) + "; cast one of them first");
        }
    }

    /**
     * Refuses an empty list and tensors of different dtypes.
     *
     * @param xs the tensors given to {@code concat}
     * @throws BackendException when {@code xs} is empty or mixes dtypes
     */
    protected static void requireConcatInputs(List<Tensor> xs) {
        Objects.requireNonNull(xs, "xs");
        if (xs.isEmpty()) {
            throw new BackendException("concat needs at least one tensor, got none");
        }
        DType dtype = xs.get(0).dtype();
        for (Tensor x : xs) {
            if (x.dtype() != dtype) {
                throw new BackendException("concat needs tensors of one dtype, got " + describe(xs.get(0)) + " and "
                        + describe(x) + "; cast them first");
            }
        }
    }

    /**
     * The boxes of {@code cropAndResize} as one array of {@code 4 * boxes} values, checked: one image index per box and
     * four values per box.
     *
     * @param boxes      one {@code [y1, x1, y2, x2]} per box
     * @param boxIndices one image index per box
     * @return the boxes' values, box after box
     * @throws BackendException when the counts do not match or a box has other than four values
     */
    protected static float[] flattenBoxes(float[][] boxes, int[] boxIndices) {
        Objects.requireNonNull(boxes, "boxes");
        Objects.requireNonNull(boxIndices, "boxIndices");
        if (boxes.length != boxIndices.length) {
            throw new BackendException("cropAndResize got " + boxes.length + " boxes but " + boxIndices.length
                    + " box indices; give one image index per box");
        }
        float[] flat = new float[boxes.length * 4];
        for (int i = 0; i < boxes.length; i++) {
            if (boxes[i].length != 4) {
                throw new BackendException("cropAndResize box " + i + " has " + boxes[i].length
                        + " values; each box is [y1, x1, y2, x2]");
            }
            System.arraycopy(boxes[i], 0, flat, i * 4, 4);
        }
        return flat;
    }

    /**
     * {@code float32[2, 3]}: a tensor's dtype and shape, for messages.
     *
     * @param tensor the tensor
     * @return its dtype in lower case followed by its shape
     */
    protected static String describe(Tensor tensor) {
        return lower(tensor.dtype()) + tensor.shape();
    }

    private static String lower(DType dtype) {
        return dtype.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (isClosed() ? "closed" : memory()) + "]";
    }
}
