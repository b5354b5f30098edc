package ai.human.tensor;

import java.util.stream.Stream;

/** Something that carries tensors, so {@code Backend.tidy} can keep all of them when it is returned. */
public interface TensorContainer {
    /** {@return the tensors carried, possibly none} */
    Stream<Tensor> tensors();
}
