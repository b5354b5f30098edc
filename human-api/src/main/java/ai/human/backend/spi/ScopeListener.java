package ai.human.backend.spi;

import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;

/**
 * Lets a backend mirror {@link TensorScope}s in its engine (for example an {@code NDManager} per scope). All
 * methods run on the thread that uses the scope; the defaults do nothing.
 */
public interface ScopeListener {
    /**
     * A scope was opened.
     *
     * @param scope the new scope
     */
    default void opened(TensorScope scope) {
    }

    /**
     * A new tensor joined {@code scope}.
     *
     * @param scope the scope
     * @param tensor the new tensor
     */
    default void tensorAdded(TensorScope scope, Tensor tensor) {
    }

    /**
     * {@code to} is the enclosing scope, or {@code null} when the tensor now belongs to the caller.
     *
     * @param from the scope that kept the tensor
     * @param to the scope the tensor moves to, or {@code null}
     * @param tensor the tensor
     */
    default void tensorKept(TensorScope from, TensorScope to, Tensor tensor) {
    }

    /**
     * Before the scope closes its tensors.
     *
     * @param scope the scope
     */
    default void closing(TensorScope scope) {
    }

    /**
     * After the scope closed its tensors.
     *
     * @param scope the scope
     */
    default void closed(TensorScope scope) {
    }
}
