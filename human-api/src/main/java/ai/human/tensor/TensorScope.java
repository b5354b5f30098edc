package ai.human.tensor;

/**
 * Closes every tensor created inside it, on the thread that opened it, except those kept.
 *
 * <p>The Java counterpart of TensorFlow.js {@code tf.tidy}. Scopes nest: a tensor kept from an inner scope moves
 * to the enclosing scope; kept from the outermost scope, it belongs to the caller.
 *
 * <pre>{@code
 * Tensor normalized;
 * try (TensorScope scope = backend.scope()) {
 *     Tensor resized = backend.resizeBilinear(image, 256, 256, false, false);
 *     normalized = scope.keep(backend.binary(BinaryOp.DIV, resized, backend.scalar(255f)));
 * } // resized and the scalar are closed here; normalized lives on
 * }</pre>
 */
public interface TensorScope extends AutoCloseable {

    /**
     * Exempts {@code tensor} from this scope's close and returns it.
     *
     * @param <T> the tensor's type
     * @param tensor a tensor made inside this scope
     * @return {@code tensor}
     */
    <T extends Tensor> T keep(T tensor);

    /** {@return the number of tensors this scope would close now} */
    int size();

    /** Closes every tensor made inside and not kept. Harmless when already closed. */
    @Override
    void close();
}
