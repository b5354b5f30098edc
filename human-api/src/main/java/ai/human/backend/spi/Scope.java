package ai.human.backend.spi;

import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link TensorScope} of a {@link TensorTracker}. */
final class Scope implements TensorScope {
    private final TensorTracker tracker;
    private final Deque<Scope> stack;
    private final Scope parent;
    private final int suspensionDepth;
    private final Map<Long, TrackedTensor> tensors = new LinkedHashMap<>();
    private boolean closed;

    Scope(TensorTracker tracker, Deque<Scope> stack, Scope parent, int suspensionDepth) {
        this.tracker = tracker;
        this.stack = stack;
        this.parent = parent;
        this.suspensionDepth = suspensionDepth;
    }

    int suspensionDepth() {
        return suspensionDepth;
    }

    Scope parent() {
        return parent;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void add(TrackedTensor tensor) {
        tensors.put(tensor.id(), tensor);
        tensor.entry().scope = this;
    }

    synchronized void forget(long id) {
        tensors.remove(id);
    }

    @Override
    public <T extends Tensor> T keep(T tensor) {
        TrackedTensor tracked = TrackedTensor.of(tensor, tracker.backend());
        tracked.checkOpen();
        synchronized (this) {
            if (tensors.remove(tracked.id()) == null) {
                return tensor; // not ours: created elsewhere or already kept
            }
        }
        tracker.moveToParent(this, tracked);
        return tensor;
    }

    @Override
    public synchronized int size() {
        return tensors.size();
    }

    @Override
    public void close() {
        List<TrackedTensor> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(tensors.values());
            tensors.clear();
        }
        stack.remove(this);
        tracker.scopeClosing(this);
        RuntimeException failure = null;
        for (TrackedTensor tensor : toClose) {
            try {
                tensor.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        tracker.scopeClosed(this);
        if (failure != null) {
            throw failure;
        }
    }
}
