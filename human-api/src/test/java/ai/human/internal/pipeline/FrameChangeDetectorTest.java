package ai.human.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameChangeDetectorTest {
    private final FrameChangeDetector detector = new FrameChangeDetector();

    private static FramePixels frame(int width, int height, int value) {
        byte[] rgb = new byte[width * height * 3];
        java.util.Arrays.fill(rgb, (byte) value);
        return FramePixels.ofBytes(width, height, rgb);
    }

    @Test
    void theFirstFrameIsNeverARepeat() {
        assertThat(detector.unchanged(frame(4, 4, 10), 0.7)).isFalse();
    }

    @Test
    void anIdenticalFrameIsARepeat() {
        detector.unchanged(frame(4, 4, 10), 0.7);
        assertThat(detector.unchanged(frame(4, 4, 10), 0.7)).isTrue();
    }

    @Test
    void theChangeIsTheMeanSquaredDifferencePerValueOver255() {
        detector.unchanged(frame(4, 4, 10), 1);
        // every value differs by 16: 256 / 255 = 1.0039 > 1
        assertThat(detector.unchanged(frame(4, 4, 26), 1)).isFalse();
        // every value differs by 15 from the previous frame: 225 / 255 = 0.88 <= 1
        assertThat(detector.unchanged(frame(4, 4, 11), 1)).isTrue();
    }

    @Test
    void floatAndByteFramesOfTheSameValuesCompareEqual() {
        detector.unchanged(frame(2, 2, 200), 0.1);
        float[] floats = new float[12];
        java.util.Arrays.fill(floats, 200f);
        assertThat(detector.unchanged(FramePixels.ofFloats(2, 2, floats), 0.1)).isTrue();
    }

    @Test
    void aNewSizeIsNotARepeat() {
        detector.unchanged(frame(4, 4, 10), 0.7);
        assertThat(detector.unchanged(frame(4, 5, 10), 0.7)).isFalse();
        assertThat(detector.unchanged(frame(4, 5, 10), 0.7)).isTrue();
    }

    @Test
    void sensitivityZeroAndHumansSizeLimitsTurnCachingOff() {
        assertThat(FrameChangeDetector.applies(0, 100, 100)).isFalse();
        assertThat(FrameChangeDetector.applies(0.7, 2160, 3840)).isTrue();
        assertThat(FrameChangeDetector.applies(0.7, 2161, 100)).isFalse();
        assertThat(FrameChangeDetector.applies(0.7, 100, 3841)).isFalse();
        detector.unchanged(frame(4, 4, 10), 0);
        assertThat(detector.unchanged(frame(4, 4, 10), 0)).isFalse();
    }
}
