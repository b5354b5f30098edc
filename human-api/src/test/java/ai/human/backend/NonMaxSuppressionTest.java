package ai.human.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
    /** Box 1 overlaps box 0 with IoU exactly 0.5, box 2 overlaps box 0 with IoU 0.9, box 3 is apart. */
    private static final float[] OVERLAPPING = {0, 0, 1, 1, 0, 0, 1, 0.5f, 0, 0, 1, 0.9f, 2, 2, 3, 3};

    @Test
    void iouOfIdenticalDisjointHalfAndDegenerateBoxes() {
        float[] boxes = {0, 0, 1, 1, 0, 0, 1, 1, 5, 5, 6, 6, 0, 0, 1, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 1, 1, 0, 0};
        assertThat(NonMaxSuppression.iou(boxes, 0, 1)).isEqualTo(1f);
        assertThat(NonMaxSuppression.iou(boxes, 0, 2)).isZero();
        assertThat(NonMaxSuppression.iou(boxes, 0, 3)).isEqualTo(0.5f);
        assertThat(NonMaxSuppression.iou(boxes, 0, 4)).as("a box with no area").isZero();
        assertThat(NonMaxSuppression.iou(boxes, 0, 5)).as("corners given the other way round").isEqualTo(1f);
    }

    @Test
    void suppressesOnlyAboveTheIouThreshold() {
        NonMaxSuppression.Selection kept = NonMaxSuppression.select(OVERLAPPING, new float[] {0.9f, 0.8f, 0.7f, 0.6f},
                10, 0.5f, 0f, 0f);
        assertThat(kept.indices()).containsExactly(0, 1, 3);
        assertThat(kept.scores()).containsExactly(0.9f, 0.8f, 0.6f);
        assertThat(NonMaxSuppression.select(OVERLAPPING, new float[] {0.9f, 0.8f, 0.7f, 0.6f}, 10, 0.49f, 0f, 0f)
                .indices()).containsExactly(0, 3);
    }

    @Test
    void aCandidateIsCheckedAgainstEverySelectedBox() {
        // box 2 overlaps box 1 (IoU 0.6) but not box 0, which is selected first
        float[] boxes = {5, 5, 6, 6, 0, 0, 1, 1, 0, 0, 1, 0.6f};
        assertThat(NonMaxSuppression.select(boxes, new float[] {0.9f, 0.8f, 0.7f}, 10, 0.5f, 0f, 0f).indices())
                .containsExactly(0, 1);
    }

    @Test
    void onlyScoresStrictlyAboveTheScoreThresholdCount() {
        float[] apart = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        assertThat(NonMaxSuppression.select(apart, new float[] {0.5f, 0.6f, 0.4f}, 10, 0.5f, 0.5f, 0f).indices())
                .containsExactly(1);
    }

    @Test
    void equalScoresAreTakenLowerIndexFirst() {
        float[] apart = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        assertThat(NonMaxSuppression.select(apart, new float[] {0.7f, 0.9f, 0.7f}, 10, 0.5f, 0f, 0f).indices())
                .containsExactly(1, 0, 2);
        float[] same = {0, 0, 1, 1, 0, 0, 1, 1};
        assertThat(NonMaxSuppression.select(same, new float[] {0.8f, 0.8f}, 10, 0.5f, 0f, 0f).indices())
                .containsExactly(0);
    }

    @Test
    void maxOutputLimitsTheSelection() {
        float[] apart = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        float[] scores = {0.1f, 0.3f, 0.2f};
        assertThat(NonMaxSuppression.select(apart, scores, 2, 0.5f, 0f, 0f).indices()).containsExactly(1, 2);
        assertThat(NonMaxSuppression.select(apart, scores, 0, 0.5f, 0f, 0f).indices()).isEmpty();
        assertThat(NonMaxSuppression.select(apart, scores, -3, 0.5f, 0f, 0f).indices()).isEmpty();
        assertThat(NonMaxSuppression.select(apart, scores, 99, 0.5f, 0f, 0f).indices()).containsExactly(1, 2, 0);
        assertThat(NonMaxSuppression.select(new float[0], new float[0], 5, 0.5f, 0f, 0f).indices()).isEmpty();
    }

    @Test
    void softNmsDecaysOverlappingScoresAndReRanksThem() {
        float[] boxes = {0, 0, 1, 1, 0, 0, 1, 0.5f, 2, 2, 3, 3};
        float[] scores = {0.9f, 0.8f, 0.7f};
        // box 1 has IoU 0.5 with box 0: weight exp(-0.5 * 0.5^2 / sigma) with sigma 0.5 = exp(-0.25)
        NonMaxSuppression.Selection kept = NonMaxSuppression.select(boxes, scores, 10, 1f, 0f, 0.5f);
        assertThat(kept.indices()).containsExactly(0, 2, 1);
        assertThat(kept.scores()[0]).isEqualTo(0.9f);
        assertThat(kept.scores()[1]).isEqualTo(0.7f);
        assertThat(kept.scores()[2]).isCloseTo((float) (0.8 * Math.exp(-0.25)), within(1e-6f));
    }

    @Test
    void softNmsDropsACandidateDecayedToTheScoreThreshold() {
        float[] boxes = {0, 0, 1, 1, 0, 0, 1, 0.5f, 2, 2, 3, 3};
        NonMaxSuppression.Selection kept = NonMaxSuppression.select(boxes, new float[] {0.9f, 0.8f, 0.7f}, 10, 1f, 0.65f,
                0.5f);
        assertThat(kept.indices()).containsExactly(0, 2);
    }

    @Test
    void softNmsStillSuppressesAboveTheIouThreshold() {
        NonMaxSuppression.Selection kept = NonMaxSuppression.select(OVERLAPPING, new float[] {0.9f, 0.8f, 0.7f, 0.6f},
                10, 0.6f, 0f, 0.5f);
        assertThat(kept.indices()).as("box 2 (IoU 0.9 > 0.6) is dropped; box 1 (IoU 0.5) decays to 0.62, still above "
                + "box 3's 0.6").containsExactly(0, 1, 3);
        assertThat(kept.scores()[1]).isCloseTo((float) (0.8 * Math.exp(-0.25)), within(1e-6f));
    }

    @Test
    void degenerateBoxesOverlapNothing() {
        float[] boxes = {0, 0, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f, 1, 1, 0, 0};
        assertThat(NonMaxSuppression.select(boxes, new float[] {0.9f, 0.8f, 0.7f}, 10, 0.5f, 0f, 0f).indices())
                .containsExactly(0, 1);
    }

    @Test
    void boxesAndScoresMustMatch() {
        assertThatThrownBy(() -> NonMaxSuppression.select(new float[7], new float[2], 1, 0.5f, 0f, 0f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 coordinates for 2 scores");
    }
}
