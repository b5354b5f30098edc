package ai.human.graph;

import ai.human.backend.Backend;
import ai.human.backend.spi.ScopeListener;
import ai.human.backend.spi.TensorTracker;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;

/**
 * Records the highest number of live tensors of a backend (and how many were made), sampled whenever a tensor is created inside a scope (every
 * tensor of a model run is: the run has its own scope), so the peak is exact.
 */
final class LiveTensorPeak implements ScopeListener {
    private final Backend backend;
    private volatile long peak;
    private volatile long created;

    private LiveTensorPeak(Backend backend) {
        this.backend = backend;
    }

    static LiveTensorPeak watch(Backend backend, TensorTracker tracker) {
        LiveTensorPeak peak = new LiveTensorPeak(backend);
        tracker.addScopeListener(peak);
        return peak;
    }

    /** Starts a new measurement from the current count. */
    void reset() {
        peak = backend.memory().tensors();
        created = 0;
    }

    /** Tensors created since {@link #reset()} (about one per backend op). */
    long created() {
        return created;
    }

    long peak() {
        return peak;
    }

    @Override
    public void tensorAdded(TensorScope scope, Tensor tensor) {
        created++;
        long live = backend.memory().tensors();
        if (live > peak) {
            peak = live;
        }
    }
}
