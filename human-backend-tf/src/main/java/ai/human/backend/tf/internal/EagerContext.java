package ai.human.backend.tf.internal;

import ai.human.error.AlreadyClosedException;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_ContextOptionsSetAsync;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_ContextOptionsSetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteContext;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteContextOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteTensorHandle;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewContext;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewContextOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewTensorHandle;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_TensorHandleDataType;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_TensorHandleDim;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_TensorHandleNumDims;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_TensorHandleNumElements;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_TensorHandleResolve;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_AllocateTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_BOOL;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DataTypeSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_FLOAT;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_INT32;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorByteSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorData;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_UINT8;

import ai.human.backend.BackendException;
import ai.human.tensor.Shape;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.tensorflow.internal.c_api.TFE_Context;
import org.tensorflow.internal.c_api.TFE_ContextOptions;
import org.tensorflow.internal.c_api.TFE_TensorHandle;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.proto.ConfigProto;

/**
 * One TensorFlow eager context ({@code TFE_Context}) and every {@code TFE_TensorHandle} made in it.
 *
 * <p>Each handle has exactly one owner and is deleted exactly once with {@link #delete}: the handles that back
 * tensors are owned by the tensor tracker, the temporaries of an op by that op. Every handle obtained from
 * TensorFlow passes through {@link #adopt}, which records it in a {@link LiveHandles} ledger; {@link #delete}
 * removes it. {@link #liveHandles()} and {@link #liveBytes()} therefore count what TensorFlow holds for us,
 * independently of the tracker.
 *
 * <p>Thread-safe: native calls run under a read lock, {@link #close()} takes the write lock, so a context is never
 * deleted while a call is in progress, and calls after close fail with a clear message.
 */
public final class EagerContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EagerContext.class);
    /** Intra-op threads of the first context of this process: TensorFlow sizes its shared CPU pool only then. */
    private static final AtomicInteger FIRST_INTRA_OP_THREADS = new AtomicInteger(-1);

    private final TFE_Context context;
    private final LiveHandles live = new LiveHandles();
    private final Lock useLock;
    private final Lock closeLock;
    private volatile boolean closed;

    private EagerContext(TFE_Context context) {
        this.context = context;
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.useLock = lock.readLock();
        this.closeLock = lock.writeLock();
    }

    /**
     * A synchronous eager context on the CPU.
     *
     * <p>Measured with TensorFlow 2.18: the intra-op pool (the threads one op may use) is created once per process,
     * by the first context, and shared by every later one, whatever they ask for; each context has its own inter-op
     * pool, freed when it closes. A later context that asks for a different intra-op count is logged at WARN.
     *
     * @param intraOpThreads threads one op may use (0: TensorFlow's default, one per core)
     * @param interOpThreads threads for running independent ops (0: TensorFlow's default)
     */
    public static EagerContext create(int intraOpThreads, int interOpThreads) {
        if (!FIRST_INTRA_OP_THREADS.compareAndSet(-1, intraOpThreads)
                && FIRST_INTRA_OP_THREADS.get() != intraOpThreads) {
            LOG.warn("TensorFlow's intra-op thread pool was sized to {} thread(s) by the first backend of this process;"
                    + " the {} asked for now has no effect (set the same threads option everywhere)",
                    FIRST_INTRA_OP_THREADS.get(), intraOpThreads);
        }
        byte[] config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads)
                .build()
                .toByteArray();
        TFE_ContextOptions options = TFE_NewContextOptions();
        try (NativeStatus status = new NativeStatus(); BytePointer bytes = new BytePointer(config)) {
            TFE_ContextOptionsSetConfig(options, bytes, config.length, status.get());
            status.check("setting the eager context's ConfigProto");
            TFE_ContextOptionsSetAsync(options, (byte) 0);
            TFE_Context context = TFE_NewContext(options, status.get());
            status.check("creating an eager context");
            return new EagerContext(context);
        } finally {
            TFE_DeleteContextOptions(options);
        }
    }

    /** Handles obtained and not yet deleted. */
    public long liveHandles() {
        return live.count();
    }

    /** Sum over live handles of TensorFlow's own element count × element size. */
    public long liveBytes() {
        return live.bytes();
    }

    // ---- running native code ---------------------------------------------------------------------------------

    /** Runs {@code body} while the context is guaranteed to stay open. */
    public <T> T call(Supplier<T> body) {
        useLock.lock();
        try {
            checkOpen();
            return body.get();
        } finally {
            useLock.unlock();
        }
    }

    /** A new op of type {@code type}; call from inside {@link #call}. */
    public EagerOp op(String type) {
        return new EagerOp(this, context, type);
    }

    private void checkOpen() {
        if (closed) {
            throw new AlreadyClosedException("The TensorFlow backend is closed; create a new one to go on");
        }
    }

    // ---- handles ---------------------------------------------------------------------------------------------

    /** Records a handle just obtained from TensorFlow: from now on exactly one owner must {@link #delete} it. */
    TFE_TensorHandle adopt(TFE_TensorHandle handle) {
        if (handle == null || handle.isNull()) {
            throw new BackendException("TensorFlow returned no tensor handle");
        }
        long bytes;
        try (NativeStatus status = new NativeStatus()) {
            long elements = TFE_TensorHandleNumElements(handle, status.get());
            status.check("reading a handle's element count");
            bytes = elements * TF_DataTypeSize(TFE_TensorHandleDataType(handle));
        } catch (RuntimeException e) {
            TFE_DeleteTensorHandle(handle);
            throw e;
        }
        live.add(handle, bytes);
        return handle;
    }

    /** Deletes a handle obtained through this context. Deleting it again is a no-op, never a double free. */
    public void delete(TFE_TensorHandle handle) {
        useLock.lock();
        try {
            if (!closed && live.remove(handle)) {
                TFE_DeleteTensorHandle(handle);
            }
        } finally {
            useLock.unlock();
        }
    }

    /** Deletes each non-null handle; used for the temporaries of an op. */
    public void deleteAll(TFE_TensorHandle... handles) {
        for (TFE_TensorHandle handle : handles) {
            if (handle != null) {
                delete(handle);
            }
        }
    }

    /** The handle's dimensions, as TensorFlow reports them. */
    public Shape shape(TFE_TensorHandle handle) {
        try (NativeStatus status = new NativeStatus()) {
            int rank = TFE_TensorHandleNumDims(handle, status.get());
            status.check("reading a handle's rank");
            long[] dims = new long[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = TFE_TensorHandleDim(handle, i, status.get());
                status.check("reading a handle's dimension " + i);
            }
            return Shape.of(dims);
        }
    }

    /** The handle's {@code TF_DataType}. */
    public int dataType(TFE_TensorHandle handle) {
        return TFE_TensorHandleDataType(handle);
    }

    // ---- copying between Java and TensorFlow --------------------------------------------------------------------

    public TFE_TensorHandle fromFloats(float[] values, long[] dims) {
        return upload(TF_FLOAT, dims, values.length * 4L, data -> new FloatPointer(data).put(values, 0, values.length));
    }

    public TFE_TensorHandle fromInts(int[] values, long[] dims) {
        return upload(TF_INT32, dims, values.length * 4L, data -> new IntPointer(data).put(values, 0, values.length));
    }

    /** A uint8 or bool tensor ({@code tfType} {@code TF_UINT8} or {@code TF_BOOL}); bool bytes must be 0 or 1. */
    public TFE_TensorHandle fromBytes(byte[] values, long[] dims, int tfType) {
        if (tfType != TF_UINT8 && tfType != TF_BOOL) {
            throw new IllegalArgumentException("fromBytes makes uint8 or bool tensors, not TF_DataType " + tfType);
        }
        return upload(tfType, dims, values.length, data -> new BytePointer(data).put(values, 0, values.length));
    }

    public float[] readFloats(TFE_TensorHandle handle) {
        return download(handle, (data, bytes) -> {
            float[] out = new float[(int) (bytes / 4)];
            if (out.length > 0) {
                new FloatPointer(data).get(out, 0, out.length);
            }
            return out;
        });
    }

    public int[] readInts(TFE_TensorHandle handle) {
        return download(handle, (data, bytes) -> {
            int[] out = new int[(int) (bytes / 4)];
            if (out.length > 0) {
                new IntPointer(data).get(out, 0, out.length);
            }
            return out;
        });
    }

    public byte[] readBytes(TFE_TensorHandle handle) {
        return download(handle, (data, bytes) -> {
            byte[] out = new byte[(int) bytes];
            if (out.length > 0) {
                new BytePointer(data).get(out, 0, out.length);
            }
            return out;
        });
    }

    private TFE_TensorHandle upload(int tfType, long[] dims, long byteCount, Consumer<Pointer> fill) {
        return call(() -> {
            TF_Tensor tensor = TF_AllocateTensor(tfType, dims, dims.length, byteCount);
            if (tensor == null || tensor.isNull()) {
                throw new BackendException("TensorFlow could not allocate a tensor of " + byteCount + " bytes");
            }
            try {
                if (byteCount > 0) {
                    fill.accept(TF_TensorData(tensor));
                }
                return fromTfTensor(tensor);
            } finally {
                TF_DeleteTensor(tensor);
            }
        });
    }

    /**
     * A new handle sharing {@code tensor}'s buffer (by TensorFlow's reference count). The caller keeps its
     * {@code TF_Tensor} and deletes it as before; the handle is recorded and must be {@link #delete}d. This is also
     * how tensors computed by a {@code TF_Session} become handles.
     */
    public TFE_TensorHandle fromTfTensor(TF_Tensor tensor) {
        return call(() -> {
            try (NativeStatus status = new NativeStatus()) {
                TFE_TensorHandle handle = TFE_NewTensorHandle(tensor, status.get());
                status.check("wrapping a tensor in an eager handle");
                return adopt(handle);
            }
        });
    }

    /**
     * A {@code TF_Tensor} sharing the buffer of {@code handle} (no copy on the CPU), for feeding a
     * {@code TF_Session}. The caller deletes it with {@code TF_DeleteTensor}; the handle stays as it was.
     */
    public TF_Tensor resolve(TFE_TensorHandle handle) {
        return call(() -> {
            try (NativeStatus status = new NativeStatus()) {
                TF_Tensor tensor = TFE_TensorHandleResolve(handle, status.get());
                status.check("resolving a tensor handle");
                return tensor;
            }
        });
    }

    private interface Reader<T> {
        T read(Pointer data, long bytes);
    }

    private <T> T download(TFE_TensorHandle handle, Reader<T> reader) {
        return call(() -> {
            try (NativeStatus status = new NativeStatus()) {
                TF_Tensor tensor = TFE_TensorHandleResolve(handle, status.get());
                status.check("reading a tensor back");
                try {
                    long bytes = TF_TensorByteSize(tensor);
                    return reader.read(bytes == 0 ? null : TF_TensorData(tensor), bytes);
                } finally {
                    TF_DeleteTensor(tensor);
                }
            }
        });
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    /**
     * Deletes every handle still live, then the context.
     *
     * @return how many handles were still live (0 when their owners released them all first)
     */
    public int closeAndCount() {
        closeLock.lock();
        try {
            if (closed) {
                return 0;
            }
            closed = true;
            int remaining = 0;
            for (TFE_TensorHandle handle : live.drain()) {
                TFE_DeleteTensorHandle(handle);
                remaining++;
            }
            TFE_DeleteContext(context);
            return remaining;
        } finally {
            closeLock.unlock();
        }
    }

    @Override
    public void close() {
        closeAndCount();
    }
}
