package ai.human.graph.internal;

import ai.human.backend.Backend;
import ai.human.backend.spi.TensorTracker;
import ai.human.backend.spi.TrackedTensor;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import java.util.function.Consumer;

/**
 * Marks weight tensors as owned by {@link Owner#MODEL}. Tensors of backends built on {@link TensorTracker} are
 * re-assigned in their tracker; a backend with its own tensor bookkeeping keeps its own owners.
 */
final class WeightOwnership {

    private WeightOwnership() {
    }

    static Consumer<Tensor> of(Backend backend) {
        return tensor -> {
            if (tensor instanceof TrackedTensor) {
                TensorTracker.transfer(tensor, Owner.MODEL);
            }
        };
    }

    static Consumer<Tensor> of(TensorTracker tracker) {
        return tensor -> tracker.setOwner(tensor, Owner.MODEL);
    }
}
