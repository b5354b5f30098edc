package ai.human.backend.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BackendException;
import ai.human.backend.BinaryOp;
import ai.human.backend.UnaryOp;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.backend.reference.ReferenceBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrossBackendTest {
    private final ReferenceBackend backend = new ReferenceBackend();
    private final ReferenceBackend other = new ReferenceBackend();

    @AfterEach
    void closeBackends() {
        backend.close();
        other.close();
    }

    @Test
    void aTensorOfAnotherBackendInstanceIsRefusedWithWhatToDo() {
        Tensor own = backend.fromFloats(new float[] {1}, Shape.of(1));
        Tensor foreign = other.fromFloats(new float[] {2}, Shape.of(1));
        assertThatThrownBy(() -> backend.binary(BinaryOp.ADD, own, foreign)).isInstanceOf(BackendException.class)
                .hasMessageContaining("Tensor #" + foreign.id() + " float32[1] belongs to backend reference")
                .hasMessageContaining("another instance").hasMessageContaining("copy it with toFloats()");
        assertThat(foreign.toFloats()).containsExactly(2f);
        assertThat(backend.memory().tensors()).isEqualTo(1);
    }

    @Test
    void aScopeRefusesToKeepAForeignTensor() {
        Tensor foreign = other.fromFloats(new float[] {2}, Shape.of(1));
        try (TensorScope scope = backend.scope()) {
            assertThatThrownBy(() -> scope.keep(foreign)).isInstanceOf(BackendException.class);
        }
        assertThat(foreign.isClosed()).isFalse();
    }

    @Test
    void aNullTensorIsRefused() {
        // a null argument is a programming error: NullPointerException (HumanException's Javadoc), naming the backend
        assertThatThrownBy(() -> backend.unary(UnaryOp.RELU, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null");
    }

    @Test
    void nativeOfChecksTheNativeType() {
        Tensor tensor = backend.fromFloats(new float[] {1}, Shape.of(1));
        assertThatThrownBy(() -> TrackedTensor.nativeOf(tensor, backend, OtherNative.class))
                .isInstanceOf(BackendException.class).hasMessageContaining(OtherNative.class.getName());
    }

    private interface OtherNative extends NativeTensor {
    }
}
