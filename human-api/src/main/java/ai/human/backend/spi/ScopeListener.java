package ai.human.backend.spi;

import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;

/**
 * Lets a backend mirror {@link TensorScope}s in its engine (for example an {@code NDManager} per scope). All
 * methods run on the thread that uses the scope; the defaults do nothing.
 */
public interface ScopeListener {
    default void opened(TensorScope scope) {
    }

    default void tensorAdded(TensorScope scope, Tensor tensor) {
    }

    /** {@code to} is the enclosing scope, or {@code null} when the tensor now belongs to the caller. */
    default void tensorKept(TensorScope from, TensorScope to, Tensor tensor) {
    }

    /** Before the scope closes its tensors. */
    default void closing(TensorScope scope) {
    }

    /** After the scope closed its tensors. */
    default void closed(TensorScope scope) {
    }
}
