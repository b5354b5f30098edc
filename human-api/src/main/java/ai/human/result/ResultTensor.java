package ai.human.result;

import ai.human.backend.spi.TensorTracker;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tensor carried by a result (for example the face crop when {@code face.detector.return} is true). The result
 * owns it and closes it when the result is closed, unless the caller {@linkplain #take() takes} it first.
 *
 * <pre>{@code
 * try (Result result = human.detect(image)) {
 *     Tensor crop = result.face().get(0).tensor().take(); // now the caller's
 *     ...
 *     crop.close();
 * }
 * }</pre>
 */
public final class ResultTensor implements AutoCloseable {
    private static final ResultTensor ABSENT = new ResultTensor(null);

    private final AtomicReference<Tensor> tensor;

    private ResultTensor(Tensor tensor) {
        this.tensor = new AtomicReference<>(tensor);
    }

    /**
     * {@return a holder owning {@code tensor}}
     *
     * @param tensor the tensor, or {@code null} for none
     */
    public static ResultTensor of(Tensor tensor) {
        return tensor == null ? ABSENT : new ResultTensor(tensor);
    }

    /** {@return the holder of no tensor} */
    public static ResultTensor absent() {
        return ABSENT;
    }

    /** {@return the tensor, still owned by the result; empty when there is none, it was taken, or the result is closed} */
    public Optional<Tensor> peek() {
        Tensor t = tensor.get();
        return t == null || t.isClosed() ? Optional.empty() : Optional.of(t);
    }

    /**
     * Transfers the tensor to the caller, who must close it. Afterwards the result no longer holds it.
     *
     * @return the tensor, now the caller's
     * @throws IllegalStateException when there is no tensor (not requested, already taken, or closed)
     */
    public Tensor take() {
        Tensor t = tensor.getAndSet(null);
        if (t == null || t.isClosed()) {
            throw new IllegalStateException("This result holds no tensor: set face.detector.return=true to get face"
                    + " crops, and take each one at most once before the result is closed");
        }
        TensorTracker.transfer(t, Owner.CALLER);
        return t;
    }

    /** {@return whether a tensor is held} */
    public boolean isPresent() {
        return peek().isPresent();
    }

    @Override
    public void close() {
        Tensor t = tensor.getAndSet(null);
        if (t != null) {
            t.close();
        }
    }

    @Override
    public String toString() {
        return peek().map(Tensor::toString).orElse("none");
    }
}
