package ai.human.internal.graph;

import ai.human.backend.Backend;
import ai.human.backend.spi.TensorTracker;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks weight tensors as owned by {@link Owner#MODEL} in their backend's {@link TensorTracker}. The {@code Backend}
 * interface does not expose its tracker, so this looks for the public {@code tracker()} accessor the backends built on
 * {@code TensorTracker} have; a backend without one keeps its weights counted as {@code CALLER}.
 */
final class WeightOwnership {
    private static final Logger LOG = LoggerFactory.getLogger(WeightOwnership.class);

    private WeightOwnership() {
    }

    static Consumer<Tensor> of(Backend backend) {
        TensorTracker tracker = trackerOf(backend);
        if (tracker == null) {
            LOG.debug("Backend {} has no public tracker(); model weights stay counted as owner CALLER", backend.name());
            return tensor -> { };
        }
        return of(tracker);
    }

    static Consumer<Tensor> of(TensorTracker tracker) {
        return tensor -> tracker.setOwner(tensor, Owner.MODEL);
    }

    private static TensorTracker trackerOf(Backend backend) {
        try {
            Method accessor = backend.getClass().getMethod("tracker");
            if (TensorTracker.class.isAssignableFrom(accessor.getReturnType())) {
                return (TensorTracker) accessor.invoke(backend);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Cannot reach the tracker of backend {}: {}", backend.name(), e.toString());
        }
        return null;
    }
}
