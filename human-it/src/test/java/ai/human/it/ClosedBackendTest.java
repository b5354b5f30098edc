package ai.human.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendSelector;
import ai.human.backend.UnaryOp;
import ai.human.error.AlreadyClosedException;
import ai.human.model.ModelLoader;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every backend refuses to be used once closed, with the one type {@link AlreadyClosedException}, because the checks
 * live once in {@code AbstractBackend}: before it, TensorFlow's {@code scope()} still opened a scope on a closed
 * backend while DJL's refused, and the reference backend threw a {@code BackendException}.
 */
class ClosedBackendTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tensorflow", "djl", "reference"})
    void aClosedBackendRefusesScopesTensorsOpsAndModels(String name) {
        Backend backend = BackendSelector.fromEnvironment().select(name).provider().create(BackendOptions.defaults());
        Tensor x = backend.fromFloats(new float[] {-1, 2}, Shape.of(2));
        backend.close();

        assertThat(x.isClosed()).as("closing the backend closes its tensors").isTrue();
        assertThat(backend.memory().tensors()).isZero();
        assertThatThrownBy(backend::scope).isInstanceOf(AlreadyClosedException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> backend.fromFloats(new float[] {1}, Shape.of(1)))
                .isInstanceOf(AlreadyClosedException.class);
        assertThatThrownBy(() -> backend.fromInts(new int[] {1}, Shape.of(1)))
                .isInstanceOf(AlreadyClosedException.class);
        assertThatThrownBy(() -> backend.unary(UnaryOp.RELU, x)).isInstanceOf(AlreadyClosedException.class);
        assertThatThrownBy(x::toFloats).isInstanceOf(AlreadyClosedException.class);
        assertThatThrownBy(() -> backend.loadModel(new ModelLoader().load(null, "liveness.json")))
                .isInstanceOf(AlreadyClosedException.class);
        assertThatCode(backend::close).as("closing twice is harmless").doesNotThrowAnyException();
    }
}
