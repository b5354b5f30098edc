package ai.human.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DTypeTest {

    @Test
    void elementSizesAreThoseOfTensorFlow() {
        assertThat(DType.FLOAT32.byteSize()).isEqualTo(4);
        assertThat(DType.INT32.byteSize()).isEqualTo(4);
        assertThat(DType.UINT8.byteSize()).isEqualTo(1);
        assertThat(DType.BOOL.byteSize()).isEqualTo(1);
    }

    @Test
    void everyDtypeHasAPositiveSize() {
        assertThat(DType.values()).allMatch(d -> d.byteSize() > 0);
    }
}
