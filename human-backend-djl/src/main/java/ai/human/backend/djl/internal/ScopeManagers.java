package ai.human.backend.djl.internal;

import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.human.backend.Backend;
import ai.human.backend.spi.ScopeListener;
import ai.human.backend.spi.TensorTracker;
import ai.human.backend.spi.TrackedTensor;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mirrors {@link TensorScope}s as DJL {@code NDManager}s: each open scope has a sub-manager of the backend's root
 * manager that holds the arrays of the tensors the scope owns. A tensor kept from a scope moves to the enclosing
 * scope's manager, or to the root manager when it now belongs to the caller; the sub-manager is closed (empty)
 * when its scope closes.
 *
 * <p>Every sub-manager is a direct child of the root, not of the enclosing scope's manager: scopes may be closed
 * out of order, and closing an outer manager must never free arrays that an inner, still open scope tracks. The
 * nesting is mirrored by where kept arrays go.
 */
public final class ScopeManagers implements ScopeListener {
    private final Backend backend;
    private final TensorTracker tracker;
    private final PtNDManager root;
    private final Map<TensorScope, PtNDManager> managers = new ConcurrentHashMap<>();

    public ScopeManagers(Backend backend, TensorTracker tracker, PtNDManager root) {
        this.backend = backend;
        this.tracker = tracker;
        this.root = root;
    }

    /** The manager for arrays created now on this thread: the innermost open scope's, else the root. */
    public PtNDManager current() {
        return managerOf(tracker.currentScope());
    }

    /** Moves {@code array} to {@link #current()}. */
    public void attachToCurrent(PtNDArray array) {
        attach(array, current());
    }

    /** Number of scope managers open now. */
    public int openManagers() {
        return managers.size();
    }

    @Override
    public void opened(TensorScope scope) {
        if (root.isOpen()) {
            managers.put(scope, (PtNDManager) root.newSubManager());
        }
    }

    @Override
    public void tensorAdded(TensorScope scope, Tensor tensor) {
        attach(arrayOf(tensor), managerOf(scope));
    }

    @Override
    public void tensorKept(TensorScope from, TensorScope to, Tensor tensor) {
        attach(arrayOf(tensor), managerOf(to));
    }

    @Override
    public void closed(TensorScope scope) {
        PtNDManager manager = managers.remove(scope);
        if (manager != null) {
            manager.close();
        }
    }

    private PtNDManager managerOf(TensorScope scope) {
        if (scope == null) {
            return root;
        }
        PtNDManager manager = managers.get(scope);
        return manager == null ? root : manager;
    }

    private PtNDArray arrayOf(Tensor tensor) {
        return TrackedTensor.nativeOf(tensor, backend, NdTensor.class).array();
    }

    private static void attach(PtNDArray array, PtNDManager manager) {
        if (array.getManager() != manager && manager.isOpen()) {
            array.attach(manager);
        }
    }
}
