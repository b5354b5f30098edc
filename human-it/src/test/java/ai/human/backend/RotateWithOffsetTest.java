package ai.human.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default {@link RotateWithOffset}, checked against small examples worked out by hand. */
class RotateWithOffsetTest {
    private final ReferenceBackend backend = new ReferenceBackend();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void zeroRadiansKeepsTheImage() {
        Tensor image = backend.fromFloats(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(2, 2, 2, 1));
        Tensor rotated = RotateWithOffset.apply(backend, image, 0f, -1f, 0.5f, 0.5f);
        assertThat(rotated.shape()).isEqualTo(Shape.of(2, 2, 2, 1));
        assertThat(rotated.toFloats()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void halfTurnOfATwoByThreeImageAroundItsCentre() {
        // image [[1, 2, 3], [4, 5, 6]] with two channels (10 * value + channel); centre (0.5 * 3, 0.5 * 2) = (1.5, 1).
        // cos(pi) = -1, sin(pi) ~ 0: output (x, y) reads source (round(3 - x), round(2 - y)).
        // Row 0 reads source row 2, outside: filled. Row 1 reads source row 1 at x = 3 (outside), 2, 1.
        float[] pixels = new float[12];
        for (int i = 0; i < 6; i++) {
            pixels[2 * i] = 10 * (i + 1);
            pixels[2 * i + 1] = 10 * (i + 1) + 1;
        }
        Tensor image = backend.fromFloats(pixels, Shape.of(1, 2, 3, 2));
        Tensor rotated = RotateWithOffset.apply(backend, image, (float) Math.PI, 0.5f, 0.5f, 0.5f);
        assertThat(rotated.shape()).isEqualTo(Shape.of(1, 2, 3, 2));
        assertThat(rotated.toFloats()).containsExactly(
                0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f,
                0.5f, 0.5f, 60, 61, 50, 51);
    }

    @Test
    void quarterTurnAroundAnOffCentrePoint() {
        // 3x3 image 0..8, centre (0 * 3, 0 * 3) = the top-left corner; cos(pi/2) ~ 0, sin(pi/2) = 1:
        // output (x, y) reads source (round(-y), round(x)); only y = 0 stays inside: output row 0 reads column 0.
        Tensor image = backend.fromFloats(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(1, 3, 3, 1));
        Tensor rotated = RotateWithOffset.apply(backend, image, (float) (Math.PI / 2), -1f, 0f, 0f);
        assertThat(rotated.toFloats()).containsExactly(0, 3, 6, -1, -1, -1, -1, -1, -1);
    }

    @Test
    void keepsTheDtypeAndLeavesNoIntermediateBehind() {
        Tensor image = backend.fromInts(new int[] {1, 2, 3, 4}, Shape.of(1, 2, 2, 1));
        long before = backend.memory().tensors();
        Tensor rotated = RotateWithOffset.apply(backend, image, 0f, 0f, 0.5f, 0.5f);
        assertThat(rotated.dtype()).isEqualTo(DType.INT32);
        assertThat(rotated.toInts()).containsExactly(1, 2, 3, 4);
        assertThat(backend.memory().tensors()).isEqualTo(before + 1);
    }

    @Test
    void refusesAnImageThatIsNotRankFour() {
        Tensor flat = backend.fromFloats(new float[4], Shape.of(2, 2));
        assertThatThrownBy(() -> RotateWithOffset.apply(backend, flat, 1f, 0f, 0.5f, 0.5f)).isInstanceOf(BackendException.class)
                .hasMessageContaining("rank 4").hasMessageContaining("[2, 2]");
    }
}
