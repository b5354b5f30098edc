package ai.human.backend.spi;

import ai.human.backend.Backend;
import ai.human.backend.BackendException;
import ai.human.config.LeakDetection;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping every backend shares: it wraps each {@link NativeTensor} in the one {@link Tensor}
 * implementation, counts live tensors and bytes per {@link Owner}, runs {@link TensorScope}s, and finds tensors
 * that become unreachable while still open.
 *
 * <p>A backend creates one tracker and passes every native array it makes through {@link #track}:
 * <pre>{@code
 * Tensor t = tracker.track(new MyNativeTensor(array), Shape.of(2, 3), DType.FLOAT32);
 * }</pre>
 * Thread-safe. Scopes are per thread: a tensor joins the innermost scope open on the thread that creates it.
 */
public final class TensorTracker {
    private static final Logger LOG = LoggerFactory.getLogger(TensorTracker.class);

    private final Backend backend;
    private final LeakDetection leakDetection;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, TrackedTensor.Entry> live = new ConcurrentHashMap<>();
    private final ReferenceQueue<TrackedTensor> unreachable = new ReferenceQueue<>();
    private final ThreadLocal<Deque<Scope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);
    /** Per thread: how many {@link #outsideScopes} calls are running; scopes opened before one are hidden. */
    private static final ThreadLocal<int[]> SUSPENSIONS = ThreadLocal.withInitial(() -> new int[1]);
    private final List<Consumer<LeakReport>> leakListeners = new CopyOnWriteArrayList<>();
    private final List<ScopeListener> scopeListeners = new CopyOnWriteArrayList<>();

    private final Object countLock = new Object();
    private final long[] ownerTensors = new long[Owner.values().length];
    private final long[] ownerBytes = new long[Owner.values().length];
    private long tensors;
    private long bytes;
    private long peakBytes;

    /**
     * @param backend       the backend whose tensors this tracker counts
     * @param leakDetection the level to use (see {@link LeakDetection#effective})
     */
    public TensorTracker(Backend backend, LeakDetection leakDetection) {
        this.backend = backend;
        this.leakDetection = leakDetection;
    }

    /** {@return the backend whose tensors this tracker counts} */
    public Backend backend() {
        return backend;
    }

    /** {@return the leak detection level in use} */
    public LeakDetection leakDetection() {
        return leakDetection;
    }

    /**
     * Wraps a new native array as a tracked tensor. It joins the innermost scope open on this thread (owner
     * {@link Owner#IN_FLIGHT}), or belongs to the caller.
     *
     * @param nativeTensor the backend's array
     * @param shape its shape
     * @param dtype its element type
     * @return the tracked tensor
     */
    public Tensor track(NativeTensor nativeTensor, Shape shape, DType dtype) {
        collectLeaks();
        long id = nextId.getAndIncrement();
        boolean watched = switch (leakDetection) {
            case OFF -> false;
            case SAMPLED -> ThreadLocalRandom.current().nextInt(LeakDetection.SAMPLING_INTERVAL) == 0;
            case ALL, ALL_WITH_CREATION_SITE -> true;
        };
        CreationSite site = leakDetection == LeakDetection.ALL_WITH_CREATION_SITE ? CreationSite.capture() : null;
        Scope scope = innermostVisibleScope();
        Owner owner = scope == null ? Owner.CALLER : Owner.IN_FLIGHT;
        TrackedTensor tensor = new TrackedTensor(this, id, shape, dtype, nativeTensor, owner, site,
                watched ? unreachable : null);
        TrackedTensor.Entry entry = tensor.entry();
        live.put(id, entry);
        count(owner, 1, entry.bytes);
        if (scope != null) {
            scope.add(tensor);
            for (ScopeListener listener : scopeListeners) {
                listener.tensorAdded(scope, tensor);
            }
        }
        return tensor;
    }

    /**
     * Current figures; also reports any leaked tensors found since the last look.
     *
     * @return live tensors and bytes, the peak and the split by owner
     */
    public MemoryInfo memory() {
        collectLeaks();
        synchronized (countLock) {
            EnumMap<Owner, MemoryInfo.Usage> byOwner = new EnumMap<>(Owner.class);
            for (Owner owner : Owner.values()) {
                byOwner.put(owner, new MemoryInfo.Usage(ownerTensors[owner.ordinal()], ownerBytes[owner.ordinal()]));
            }
            return new MemoryInfo(tensors, bytes, peakBytes, byOwner);
        }
    }

    /** Restarts peak tracking from the current live bytes. */
    public void resetPeak() {
        synchronized (countLock) {
            peakBytes = bytes;
        }
    }

    /**
     * Runs {@code body} so that the tensors it creates join none of the scopes already open on this thread (scopes it
     * opens itself work as usual), on every backend. Model loaders use it: weights must outlive the caller's scope.
     *
     * @param <T> the type of the result
     * @param body the code to run
     * @return what {@code body} returned
     */
    public static <T> T outsideScopes(java.util.function.Supplier<T> body) {
        int[] depth = SUSPENSIONS.get();
        depth[0]++;
        try {
            return body.get();
        } finally {
            depth[0]--;
        }
    }

    /**
     * Opens a scope on the calling thread.
     *
     * @return the new scope, to close in a try-with-resources block
     */
    public TensorScope openScope() {
        Deque<Scope> stack = scopes.get();
        Scope scope = new Scope(this, stack, innermostVisibleScope(), SUSPENSIONS.get()[0]);
        stack.push(scope);
        for (ScopeListener listener : scopeListeners) {
            listener.opened(scope);
        }
        return scope;
    }

    /** {@return the innermost scope open on this thread that new tensors would join, or {@code null}} */
    public TensorScope currentScope() {
        return innermostVisibleScope();
    }

    private Scope innermostVisibleScope() {
        Scope scope = scopes.get().peek();
        return scope == null || scope.suspensionDepth() != SUSPENSIONS.get()[0] ? null : scope;
    }

    /**
     * Records that {@code tensor} (of any tracked backend) now belongs to {@code owner}; the pipelines use it for
     * results and models.
     *
     * @param tensor a tensor made by a tracker
     * @param owner its new owner
     */
    public static void transfer(Tensor tensor, Owner owner) {
        if (!(tensor instanceof TrackedTensor tracked)) {
            throw new IllegalArgumentException("Tensor " + tensor + " was not made by a TensorTracker");
        }
        tracked.tracker().setOwner(tensor, owner);
    }

    /**
     * {@return the tracker that counts {@code tensor}, for example to {@linkplain #addLeakListener listen for leaks} of the
     * backend it belongs to}
     *
     * @param tensor a tensor made by a tracker
     * @throws IllegalArgumentException for a tensor not made by a tracker
     */
    public static TensorTracker of(Tensor tensor) {
        if (!(tensor instanceof TrackedTensor tracked)) {
            throw new IllegalArgumentException("Tensor " + tensor + " was not made by a TensorTracker");
        }
        return tracked.tracker();
    }

    /**
     * Records that {@code tensor} now belongs to {@code owner} (the pipelines use it for results and models).
     *
     * @param tensor a tensor of this tracker
     * @param owner its new owner
     */
    public void setOwner(Tensor tensor, Owner owner) {
        TrackedTensor tracked = TrackedTensor.of(tensor, backend);
        TrackedTensor.Entry entry = tracked.entry();
        synchronized (countLock) {
            if (entry.released) {
                return;
            }
            Owner before = entry.owner;
            entry.owner = owner;
            countLocked(before, -1, -entry.bytes);
            countLocked(owner, 1, entry.bytes);
        }
    }

    /**
     * Looks for tensors that became unreachable while open: reports each once (slf4j WARN and the listeners)
     * and releases it.
     *
     * @return how many were found
     */
    public int collectLeaks() {
        int found = 0;
        Object ref;
        while ((ref = unreachable.poll()) != null) {
            TrackedTensor.Entry entry = (TrackedTensor.Entry) ref;
            if (entry.released) {
                continue;
            }
            CreationSite site = entry.creationSite;
            LeakReport report = new LeakReport(backend.name(), entry.id, entry.dtype, entry.shape, entry.owner,
                    site == null ? null : site.stackText(), site == null ? null : site.caller());
            if (release(entry)) {
                found++;
                LOG.warn(report.message());
                for (Consumer<LeakReport> listener : leakListeners) {
                    listener.accept(report);
                }
            }
        }
        return found;
    }

    /**
     * Also tell {@code listener} about every leak found (tests, metrics).
     *
     * @param listener called once per leaked tensor found
     */
    public void addLeakListener(Consumer<LeakReport> listener) {
        leakListeners.add(listener);
    }

    /**
     * Stops telling {@code listener} about leaks.
     *
     * @param listener a listener added before
     */
    public void removeLeakListener(Consumer<LeakReport> listener) {
        leakListeners.remove(listener);
    }

    /**
     * Lets a backend follow scopes (DJL keeps an {@code NDManager} per scope).
     *
     * @param listener told when scopes open and close and tensors join them
     */
    public void addScopeListener(ScopeListener listener) {
        scopeListeners.add(listener);
    }

    /** {@return live tensors, oldest first, for diagnostics and failure messages} */
    public List<String> describeLive() {
        List<TrackedTensor.Entry> entries = new ArrayList<>(live.values());
        entries.sort(Comparator.comparingLong(e -> e.id));
        List<String> out = new ArrayList<>(entries.size());
        for (TrackedTensor.Entry e : entries) {
            out.add("#" + e.id + " " + e.dtype.name().toLowerCase(java.util.Locale.ROOT) + e.shape + " owner " + e.owner
                    + (e.creationSite == null ? "" : " created in " + e.creationSite.caller()));
        }
        return out;
    }

    /**
     * Releases every live tensor (the backend is closing). Afterwards the counts are zero.
     *
     * @return how many tensors were released
     */
    public int releaseAll() {
        int released = 0;
        for (TrackedTensor.Entry entry : new ArrayList<>(live.values())) {
            if (release(entry)) {
                released++;
            }
        }
        return released;
    }

    boolean release(TrackedTensor.Entry entry) {
        return release(entry, null);
    }

    /** Releases {@code entry} if open and, when {@code expectedOwner} is not null, owned by it. */
    boolean release(TrackedTensor.Entry entry, Owner expectedOwner) {
        Owner owner;
        synchronized (countLock) {
            if (entry.released || expectedOwner != null && entry.owner != expectedOwner) {
                return false;
            }
            entry.released = true;
            owner = entry.owner;
            countLocked(owner, -1, -entry.bytes);
        }
        live.remove(entry.id);
        entry.clear();
        Scope scope = entry.scope;
        if (scope != null) {
            scope.forget(entry.id);
        }
        try {
            entry.nativeTensor.release();
        } catch (RuntimeException e) {
            throw new BackendException("Backend " + backend.name() + " failed to release tensor #" + entry.id
                    + " " + entry.dtype.name().toLowerCase(java.util.Locale.ROOT) + entry.shape + ": " + e.getMessage(), e);
        }
        return true;
    }

    void moveToParent(Scope from, TrackedTensor tensor) {
        TrackedTensor.Entry entry = tensor.entry();
        Scope parent = from.parent();
        while (parent != null && parent.isClosed()) {
            parent = parent.parent();
        }
        if (parent != null) {
            parent.add(tensor);
        } else {
            entry.scope = null;
            synchronized (countLock) {
                if (!entry.released && entry.owner == Owner.IN_FLIGHT) {
                    entry.owner = Owner.CALLER;
                    countLocked(Owner.IN_FLIGHT, -1, -entry.bytes);
                    countLocked(Owner.CALLER, 1, entry.bytes);
                }
            }
        }
        for (ScopeListener listener : scopeListeners) {
            listener.tensorKept(from, parent, tensor);
        }
    }

    void scopeClosing(Scope scope) {
        for (ScopeListener listener : scopeListeners) {
            listener.closing(scope);
        }
    }

    void scopeClosed(Scope scope) {
        for (ScopeListener listener : scopeListeners) {
            listener.closed(scope);
        }
    }

    private void count(Owner owner, long tensorDelta, long byteDelta) {
        synchronized (countLock) {
            countLocked(owner, tensorDelta, byteDelta);
        }
    }

    private void countLocked(Owner owner, long tensorDelta, long byteDelta) {
        tensors += tensorDelta;
        bytes += byteDelta;
        ownerTensors[owner.ordinal()] += tensorDelta;
        ownerBytes[owner.ordinal()] += byteDelta;
        if (bytes > peakBytes) {
            peakBytes = bytes;
        }
    }
}
