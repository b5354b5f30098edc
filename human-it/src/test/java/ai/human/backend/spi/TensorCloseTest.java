package ai.human.backend.spi;

import ai.human.error.AlreadyClosedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BinaryOp;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ArrayTensor;
import ai.human.backend.reference.ReferenceBackend;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TensorCloseTest {
    private final ReferenceBackend backend = new ReferenceBackend();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void closeReleasesTheNativeArrayOnceEvenWhenCalledTwice() {
        Tensor tensor = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        ArrayTensor array = tensor.unwrap(ArrayTensor.class);
        tensor.close();
        tensor.close();
        assertThat(tensor.isClosed()).isTrue();
        assertThat(array.isReleased()).isTrue();
        assertThat(backend.liveArrays()).isZero();
        assertThat(backend.memory().tensors()).isZero();
    }

    @Test
    void readingAClosedTensorSaysWhichTensorAndWhatToDo() {
        Tensor tensor = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        tensor.close();
        assertThatThrownBy(tensor::toFloats).isInstanceOf(AlreadyClosedException.class)
                .hasMessage("Tensor #" + tensor.id() + " float32[2] of backend reference is closed and cannot be used; "
                        + "keep it open (scope.keep, or take it out of the result) until you are done with it");
        assertThatThrownBy(tensor::toInts).isInstanceOf(AlreadyClosedException.class).hasMessageContaining("#" + tensor.id());
        assertThatThrownBy(() -> tensor.unwrap(ArrayTensor.class)).isInstanceOf(AlreadyClosedException.class);
    }

    @Test
    void anOpOnAClosedTensorSaysWhichTensor() {
        Tensor open = backend.fromInts(new int[] {1}, Shape.of(1));
        Tensor closed = backend.fromInts(new int[] {2}, Shape.of(1));
        closed.close();
        assertThatThrownBy(() -> backend.binary(BinaryOp.ADD, open, closed)).isInstanceOf(AlreadyClosedException.class)
                .hasMessageContaining("Tensor #" + closed.id() + " int32[1]").hasMessageContaining("is closed");
        assertThat(backend.memory().tensors()).isEqualTo(1);
    }

    @Test
    void readsConvertBetweenDtypes() {
        Tensor floats = backend.fromFloats(new float[] {-1.7f, 2.9f}, Shape.of(2));
        Tensor bytes = backend.fromBytes(new byte[] {0, (byte) 255}, Shape.of(2), DType.UINT8);
        Tensor flags = backend.fromBytes(new byte[] {1, 0}, Shape.of(2), DType.BOOL);
        Tensor ints = backend.fromInts(new int[] {-3, 7}, Shape.of(2));
        assertThat(floats.toInts()).containsExactly(-1, 2);
        assertThat(bytes.toFloats()).containsExactly(0f, 255f);
        assertThat(bytes.toInts()).containsExactly(0, 255);
        assertThat(flags.toInts()).containsExactly(1, 0);
        assertThat(ints.toFloats()).containsExactly(-3f, 7f);
    }

    @Test
    void toBytesIsOnlyForUint8AndBool() {
        Tensor floats = backend.fromFloats(new float[] {1}, Shape.of(1));
        assertThatThrownBy(floats::toBytes).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not uint8 or bool").hasMessageContaining("toFloats()");
    }

    @Test
    void toFloatNeedsExactlyOneElement() {
        assertThat(backend.fromFloats(new float[] {4}, Shape.of(1, 1)).toFloat()).isEqualTo(4f);
        Tensor pair = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        assertThatThrownBy(pair::toFloat).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 2 elements; toFloat() needs exactly one");
    }

    @Test
    void unwrapGivesTheNativeObjectOrRefusesAnotherType() {
        Tensor tensor = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        assertThat(tensor.unwrap(ArrayTensor.class).shape()).isEqualTo(Shape.of(2));
        assertThatThrownBy(() -> tensor.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a java.lang.String");
    }

    @Test
    void messagesDoNotDependOnTheDefaultLocale() {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // lower-cases "I" to a dotless "ı"
        try {
            Tensor tensor = backend.fromInts(new int[] {1, 2}, Shape.of(2));
            tensor.close();
            assertThatThrownBy(tensor::toInts).hasMessageContaining("int32[2]");
            assertThat(tensor).hasToString("Tensor#" + tensor.id() + "[int32[2], reference, closed]");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void toStringShowsIdDtypeShapeBackendAndState() {
        Tensor tensor = backend.fromInts(new int[] {1, 2}, Shape.of(1, 2));
        assertThat(tensor).hasToString("Tensor#" + tensor.id() + "[int32[1, 2], reference, caller]");
        tensor.close();
        assertThat(tensor).hasToString("Tensor#" + tensor.id() + "[int32[1, 2], reference, closed]");
    }
}
