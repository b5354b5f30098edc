package ai.human.internal.graph;

import ai.human.backend.Backend;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a model load where no {@code TensorScope} can capture its weights: on the calling thread when it has no open
 * scope, else on a short-lived thread of its own (scopes are per thread).
 */
final class ScopeFreeLoader {
    private ScopeFreeLoader() {
    }

    static <T> T load(Backend backend, String model, Supplier<T> load) {
        if (!insideScope(backend)) {
            return load.get();
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread loader = new Thread(() -> {
            try {
                outcome.set(load.get());
            } catch (RuntimeException | Error e) {
                outcome.set(e);
            }
        }, "human-model-load-" + model);
        loader.start();
        boolean interrupted = false;
        while (true) {
            try {
                loader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Object result = outcome.get();
        if (result instanceof RuntimeException e) {
            throw e;
        }
        if (result instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T loaded = (T) result;
        return loaded;
    }

    /** True when a tensor made now on this thread would join a scope. */
    private static boolean insideScope(Backend backend) {
        Tensor probe = backend.scalar(0f);
        try {
            return probe.owner() == Owner.IN_FLIGHT;
        } finally {
            probe.close();
        }
    }
}
