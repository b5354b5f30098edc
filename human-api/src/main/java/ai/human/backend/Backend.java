package ai.human.backend;

import ai.human.tensor.TensorFactory;
import ai.human.tensor.TensorMemory;

/**
 * A compute engine, made of four roles: {@link TensorFactory} (tensors from Java arrays; reading back is the
 * tensor's), {@link TensorOps} (the ops Human's models and pipelines need), {@link ModelRuntime} (graph models) and
 * {@link TensorMemory} (scopes and accounting), plus {@link #close()}.
 *
 * <p>Implementers extend {@link ai.human.backend.spi.AbstractBackend}, which does the argument, closed-state and
 * cross-backend checks and the tracker wiring once. Conventions: see {@link TensorOps}; using a closed backend or
 * tensor throws {@link ai.human.error.AlreadyClosedException}; implementations are thread-safe.
 *
 * <pre>{@code
 * try (Backend backend = BackendSelector.fromEnvironment().select(null).provider().create(BackendOptions.defaults());
 *      TensorScope scope = backend.scope()) {
 *     Tensor x = backend.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(2, 2));
 *     Tensor y = backend.binary(BinaryOp.MUL, x, backend.scalar(2f));
 *     float[] values = y.toFloats(); // {2, 4, 6, 8}
 * } // both tensors closed by the scope
 * }</pre>
 */
public interface Backend extends TensorFactory, TensorMemory, TensorOps, ModelRuntime, AutoCloseable {

    /** Releases everything this backend still holds (tensors, models, native resources). Afterwards the counts are zero. */
    @Override
    void close();
}
