package ai.human.backend;

import ai.human.tensor.Tensor;
import ai.human.tensor.TensorContainer;
import java.util.stream.Stream;

/**
 * Result of {@link NonMaxSuppression#apply}: int32 indices of the kept boxes, best first, and their (possibly
 * soft-NMS-decayed) float scores; both of shape {@code [kept]}. The caller owns both.
 */
/**
 * @param selectedIndices INT32 {@code [kept]}: indices of the kept boxes into the input, best first
 * @param selectedScores  FLOAT32 {@code [kept]}: their scores, decayed by soft-NMS where it applies
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
