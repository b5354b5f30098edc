package ai.human.backend;

import ai.human.tensor.Tensor;
import ai.human.tensor.TensorContainer;
import java.util.stream.Stream;

/**
 * Result of {@link Backend#topK}: the {@code k} largest values along the last axis and their int32 indices.
 * The caller owns both.
 */
public record TopK(Tensor values, Tensor indices) implements TensorContainer, AutoCloseable {
    @Override
    public Stream<Tensor> tensors() {
        return Stream.of(values, indices);
    }

    @Override
    public void close() {
        values.close();
        indices.close();
    }
}
