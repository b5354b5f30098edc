package ai.human.backend.spi;

import ai.human.backend.Backend;
import ai.human.backend.BackendException;
import ai.human.error.AlreadyClosedException;
import ai.human.tensor.DType;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorFactory;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;

/**
 * The one {@link Tensor} implementation: a {@link NativeTensor} plus the bookkeeping of its {@link TensorTracker}.
 * Backends get their native array back with {@link #nativeOf(Tensor, Backend, Class)}.
 */
public final class TrackedTensor implements Tensor {

    /** What the tracker keeps per tensor; reachable without the tensor, so a lost tensor can still be freed. */
    static final class Entry extends PhantomReference<TrackedTensor> {
        final long id;
        final Shape shape;
        final DType dtype;
        final long bytes;
        final NativeTensor nativeTensor;
        final CreationSite creationSite;
        volatile Owner owner;
        volatile boolean released;
        volatile Scope scope;

        Entry(TrackedTensor referent, ReferenceQueue<TrackedTensor> queue, long id, Shape shape, DType dtype,
              NativeTensor nativeTensor, Owner owner, CreationSite creationSite) {
            super(referent, queue);
            this.id = id;
            this.shape = shape;
            this.dtype = dtype;
            this.bytes = shape.size() * dtype.byteSize();
            this.nativeTensor = nativeTensor;
            this.owner = owner;
            this.creationSite = creationSite;
        }
    }

    private final TensorTracker tracker;
    private final Entry entry;

    TrackedTensor(TensorTracker tracker, long id, Shape shape, DType dtype, NativeTensor nativeTensor, Owner owner,
                  CreationSite creationSite, ReferenceQueue<TrackedTensor> queue) {
        this.tracker = tracker;
        this.entry = new Entry(this, queue, id, shape, dtype, nativeTensor, owner, creationSite);
    }

    /**
     * {@return the native array of {@code tensor}, checked to be open, to belong to {@code backend}, and to be of
     * {@code type}}
     *
     * @param <N>     the backend's native array type
     * @param tensor  a tensor given to {@code backend}
     * @param backend the backend that must have made it
     * @param type    the backend's native array class
     * @throws NullPointerException   if the tensor is null
     * @throws AlreadyClosedException if the tensor is closed
     * @throws BackendException       if it belongs to another backend
     */
    public static <N extends NativeTensor> N nativeOf(Tensor tensor, Backend backend, Class<N> type) {
        TrackedTensor tracked = of(tensor, backend);
        tracked.checkOpen();
        NativeTensor n = tracked.entry.nativeTensor;
        if (!type.isInstance(n)) {
            throw new BackendException("Tensor #" + tracked.id() + " holds a " + n.getClass().getName()
                    + ", backend " + backend.name() + " expected " + type.getName());
        }
        return type.cast(n);
    }

    static TrackedTensor of(Tensor tensor, Backend backend) {
        if (tensor == null) {
            throw new NullPointerException("A tensor argument is null; pass an open tensor of backend " + backend.name());
        }
        if (!(tensor instanceof TrackedTensor tracked) || tracked.tracker.backend() != backend) {
            throw new BackendException("Tensor #" + tensor.id() + " " + describe(tensor) + " belongs to backend "
                    + tensor.backend().name() + ", not to " + backend.name()
                    + " (or to another instance of it); copy it with toFloats()/toInts() and create it on "
                    + backend.name());
        }
        return tracked;
    }

    private static String describe(Tensor tensor) {
        return tensor.dtype().name().toLowerCase(java.util.Locale.ROOT) + tensor.shape();
    }

    Entry entry() {
        return entry;
    }

    TensorTracker tracker() {
        return tracker;
    }

    @Override
    public long id() {
        return entry.id;
    }

    @Override
    public Shape shape() {
        return entry.shape;
    }

    @Override
    public DType dtype() {
        return entry.dtype;
    }

    @Override
    public float[] toFloats() {
        checkOpen();
        return switch (entry.dtype) {
            case FLOAT32 -> entry.nativeTensor.readFloats();
            case INT32 -> {
                int[] ints = entry.nativeTensor.readInts();
                float[] out = new float[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    out[i] = ints[i];
                }
                yield out;
            }
            case UINT8, BOOL -> {
                byte[] raw = entry.nativeTensor.readBytes();
                float[] out = new float[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    out[i] = raw[i] & 0xff;
                }
                yield out;
            }
        };
    }

    @Override
    public int[] toInts() {
        checkOpen();
        return switch (entry.dtype) {
            case INT32 -> entry.nativeTensor.readInts();
            case FLOAT32 -> {
                float[] floats = entry.nativeTensor.readFloats();
                int[] out = new int[floats.length];
                for (int i = 0; i < floats.length; i++) {
                    out[i] = (int) floats[i];
                }
                yield out;
            }
            case UINT8, BOOL -> {
                byte[] raw = entry.nativeTensor.readBytes();
                int[] out = new int[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    out[i] = raw[i] & 0xff;
                }
                yield out;
            }
        };
    }

    @Override
    public byte[] toBytes() {
        checkOpen();
        if (entry.dtype != DType.UINT8 && entry.dtype != DType.BOOL) {
            throw new IllegalStateException("Tensor #" + id() + " " + describe(this)
                    + " is not uint8 or bool; read it with toFloats() or toInts()");
        }
        return entry.nativeTensor.readBytes();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        checkOpen();
        Object n = entry.nativeTensor.nativeObject();
        if (!type.isInstance(n)) {
            throw new IllegalArgumentException("Tensor #" + id() + " of backend " + tracker.backend().name()
                    + " wraps a " + n.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(n);
    }

    @Override
    public Owner owner() {
        return entry.owner;
    }

    @Override
    public TensorFactory backend() {
        return tracker.backend();
    }

    @Override
    public boolean isClosed() {
        return entry.released;
    }

    @Override
    public void close() {
        tracker.release(entry);
    }

    void checkOpen() {
        if (entry.released) {
            throw new AlreadyClosedException("Tensor #" + id() + " " + describe(this) + " of backend "
                    + tracker.backend().name() + " is closed and cannot be used; keep it open (scope.keep, or take it"
                    + " out of the result) until you are done with it");
        }
    }

    @Override
    public String toString() {
        return "Tensor#" + id() + "[" + describe(this) + ", " + tracker.backend().name() + ", "
                + (isClosed() ? "closed" : entry.owner.name().toLowerCase(java.util.Locale.ROOT)) + "]";
    }
}
