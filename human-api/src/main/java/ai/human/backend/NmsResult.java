package ai.human.backend;

import ai.human.tensor.Tensor;
import ai.human.tensor.TensorContainer;
import java.util.stream.Stream;

/**
 * Result of {@link Backend#nonMaxSuppression}: int32 indices of the kept boxes, best first, and their (possibly
 * soft-NMS-decayed) float scores; both of shape {@code [kept]}. The caller owns both.
 */
public record NmsResult(Tensor selectedIndices, Tensor selectedScores) implements TensorContainer, AutoCloseable {
    @Override
    public Stream<Tensor> tensors() {
        return Stream.of(selectedIndices, selectedScores);
    }

    @Override
    public void close() {
        selectedIndices.close();
        selectedScores.close();
    }
}
