package ai.human.internal.face;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnchorsTest {

    @Test
    void blazeFaceHas512AnchorsOnA16GridThen384OnAn8Grid() {
        float[] anchors = Anchors.generate(256);
        assertThat(anchors).hasSize(896 * 2);
        // two anchors per 16-pixel cell, centred
        assertThat(new float[] {anchors[0], anchors[1], anchors[2], anchors[3]}).containsExactly(8, 8, 8, 8);
        assertThat(new float[] {anchors[4], anchors[5]}).containsExactly(24, 8);
        // six anchors per 32-pixel cell from index 512
        assertThat(new float[] {anchors[1024], anchors[1025], anchors[1034], anchors[1035]}).containsExactly(16, 16, 16, 16);
        assertThat(new float[] {anchors[1036], anchors[1037]}).containsExactly(48, 16);
        assertThat(new float[] {anchors[1790], anchors[1791]}).containsExactly(240, 240);
    }

    @Test
    void theMeshDetectorVariantHasOneAnchorPer4Pixels() {
        float[] anchors = Anchors.generate(192);
        assertThat(anchors).hasSize(48 * 48 * 2);
        assertThat(new float[] {anchors[0], anchors[1], anchors[2], anchors[3]}).containsExactly(2, 2, 6, 2);
    }
}
