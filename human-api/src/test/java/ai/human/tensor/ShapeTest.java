package ai.human.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeTest {

    @Test
    void rankSizeAndDimensionsOfAnImageShape() {
        Shape shape = Shape.of(1, 256, 128, 3);
        assertThat(shape.rank()).isEqualTo(4);
        assertThat(shape.size()).isEqualTo(256L * 128 * 3);
        assertThat(shape.dim(1)).isEqualTo(256);
        assertThat(shape.dim(-1)).isEqualTo(3);
        assertThat(shape.dim(-4)).isEqualTo(1);
        assertThat(shape).hasToString("[1, 256, 128, 3]");
    }

    @Test
    void scalarHasRankZeroAndOneElement() {
        assertThat(Shape.scalar().rank()).isZero();
        assertThat(Shape.scalar().size()).isEqualTo(1);
        assertThat(Shape.of()).isEqualTo(Shape.scalar()).hasToString("[]");
        assertThat(Shape.of(new long[0])).isEqualTo(Shape.scalar());
    }

    @Test
    void anAxisOfSizeZeroMakesAnEmptyShape() {
        Shape empty = Shape.of(0, 3);
        assertThat(empty.size()).isZero();
        assertThat(empty.rank()).isEqualTo(2);
    }

    @Test
    void sizeDoesNotOverflowInt() {
        assertThat(Shape.of(65_536, 65_536).size()).isEqualTo(4_294_967_296L);
    }

    @Test
    void negativeDimensionIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> Shape.of(2, -1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Dimension 1").hasMessageContaining("[2, -1, 3]");
    }

    @Test
    void longDimensionsConvertAndTooLargeOnesAreRejected() {
        assertThat(Shape.of(2L, 3L)).isEqualTo(Shape.of(2, 3));
        assertThatThrownBy(() -> Shape.of(1L, 3_000_000_000L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void equalityAndHashFollowTheDimensions() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
        assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2)).isNotEqualTo(Shape.of(2, 3, 1));
    }

    @Test
    void shapeIsImmutable() {
        int[] dims = {4, 5};
        Shape shape = Shape.of(dims);
        dims[0] = 99;
        shape.toArray()[1] = 99;
        shape.toLongArray()[1] = 99;
        assertThat(shape.toArray()).containsExactly(4, 5);
        assertThat(shape.toLongArray()).containsExactly(4L, 5L);
    }
}
