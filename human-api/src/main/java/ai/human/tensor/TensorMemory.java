package ai.human.tensor;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The memory role of a backend: scopes that close what was made inside them, and the live-tensor accounting.
 *
 * <pre>{@code
 * try (TensorScope scope = backend.scope()) {
 *     Tensor kept = scope.keep(backend.unary(UnaryOp.RELU, x));
 * } // everything else made inside is closed
 * long live = backend.memory().tensors();
 * }</pre>
 */
public interface TensorMemory {

    /** {@return a new scope on the calling thread, nested in the thread's open scope if any; see {@link TensorScope}} */
    TensorScope scope();

    /**
     * Runs {@code body} in a scope and closes every tensor it created except those in its result: a
     * {@link Tensor}, an {@link Iterable} or {@link Map} of tensors, or a {@link TensorContainer}.
     *
     * @param <R>  the type of the body's result
     * @param body the code to run, which returns what it keeps
     * @return what {@code body} returned; its tensors go to the enclosing scope, or to the caller outside one
     */
    default <R> R tidy(Supplier<R> body) {
        try (TensorScope scope = scope()) {
            R result = body.get();
            keepAll(scope, result);
            return result;
        }
    }

    private static void keepAll(TensorScope scope, Object result) {
        if (result instanceof Tensor tensor) {
            scope.keep(tensor);
        } else if (result instanceof TensorContainer container) {
            container.tensors().forEach(scope::keep);
        } else if (result instanceof Iterable<?> items) {
            for (Object item : items) {
                keepAll(scope, item);
            }
        } else if (result instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                keepAll(scope, item);
            }
        }
    }

    /** {@return live tensors and bytes of this backend, with the peak and the split by owner} */
    MemoryInfo memory();
}
