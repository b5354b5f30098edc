package ai.human.tck;

import ai.human.backend.NonMaxSuppression;
import ai.human.backend.NmsResult;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules {@code OP-NMS-*}: greedy non-maximum suppression with TensorFlow's {@code NonMaxSuppressionV5} semantics.
 * Boxes are {@code [y1, x1, y2, x2]}; expected values are worked out by hand (soft-NMS in closed form).
 */
abstract class NmsRules extends RuleGroup {
    private static final String HINT = "candidates in score order (lower index first on ties); a candidate is "
            + "suppressed when its IoU with a kept box is strictly greater than iouThreshold; scores must be strictly "
            + "greater than scoreThreshold";

    /** Four boxes: b1 overlaps b0 with IoU exactly 0.5, b2 overlaps b0 with IoU 0.9, b3 is apart. */
    private static final float[] OVERLAPPING = {0, 0, 1, 1, 0, 0, 1, 0.5f, 0, 0, 1, 0.9f, 2, 2, 3, 3};
    /** Four boxes that do not touch. */
    private static final float[] APART = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7};

    NmsRules(BackendCompatibilityKit kit) {
        super(kit, Capability.NMS, true);
    }

    private NmsResult nms(TestTensors t, float[] boxes, float[] scores, int maxOutput, float iou, float minScore,
                          float sigma) {
        Tensor b = t.floats(boxes, scores.length, 4);
        Tensor s = t.floats(scores, scores.length);
        return t.result(NonMaxSuppression.apply(backend, b, s, maxOutput, iou, minScore, sigma));
    }

    private void expect(String rule, String what, String hint, NmsResult result, int[] indices, float[] scores) {
        check(rule, what + ": selected indices", hint, result.selectedIndices()).dtype(DType.INT32).shape(indices.length)
                .ints(indices);
        check(rule, what + ": selected scores", hint, result.selectedScores()).shape(scores.length).floats(scores);
    }

    @Test
    @DisplayName("OP-NMS-01 hard NMS suppresses boxes whose IoU is strictly above the threshold, keeps IoU equal to it")
    void hardSuppression() {
        try (TestTensors t = tensors()) {
            float[] scores = {0.9f, 0.8f, 0.7f, 0.6f};
            expect("OP-NMS-01", "IoU threshold 0.5 (box 1 has IoU exactly 0.5 with box 0, box 2 has 0.9)", HINT,
                    nms(t, OVERLAPPING, scores, 10, 0.5f, 0f, 0f), new int[] {0, 1, 3}, new float[] {0.9f, 0.8f, 0.6f});
            expect("OP-NMS-01", "IoU threshold 0.4", HINT, nms(t, OVERLAPPING, scores, 10, 0.4f, 0f, 0f),
                    new int[] {0, 3}, new float[] {0.9f, 0.6f});
        }
    }

    @Test
    @DisplayName("OP-NMS-02 only scores strictly above scoreThreshold are candidates")
    void scoreThreshold() {
        try (TestTensors t = tensors()) {
            expect("OP-NMS-02", "scores [0.9, 0.5, 0.4, 0.6] with scoreThreshold 0.5", HINT,
                    nms(t, APART, new float[] {0.9f, 0.5f, 0.4f, 0.6f}, 10, 0.5f, 0.5f, 0f), new int[] {0, 3},
                    new float[] {0.9f, 0.6f});
        }
    }

    @Test
    @DisplayName("OP-NMS-03 equal scores are taken lower index first")
    void ties() {
        try (TestTensors t = tensors()) {
            expect("OP-NMS-03", "separate boxes with scores [0.7, 0.9, 0.7]", HINT,
                    nms(t, new float[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, new float[] {0.7f, 0.9f, 0.7f}, 10, 0.5f, 0f, 0f),
                    new int[] {1, 0, 2}, new float[] {0.9f, 0.7f, 0.7f});
            expect("OP-NMS-03", "two identical boxes with equal scores", HINT,
                    nms(t, new float[] {0, 0, 1, 1, 0, 0, 1, 1}, new float[] {0.8f, 0.8f}, 10, 0.5f, 0f, 0f),
                    new int[] {0}, new float[] {0.8f});
        }
    }

    @Test
    @DisplayName("OP-NMS-04 at most maxOutput boxes are kept; no boxes or maxOutput 0 give empty results")
    void maxOutput() {
        try (TestTensors t = tensors()) {
            float[] scores = {0.1f, 0.4f, 0.3f, 0.2f};
            expect("OP-NMS-04", "maxOutput 2 of four separate boxes", HINT, nms(t, APART, scores, 2, 0.5f, 0f, 0f),
                    new int[] {1, 2}, new float[] {0.4f, 0.3f});
            expect("OP-NMS-04", "maxOutput 0", HINT, nms(t, APART, scores, 0, 0.5f, 0f, 0f), new int[0], new float[0]);
            expect("OP-NMS-04", "no boxes ([0, 4])", HINT, nms(t, new float[0], new float[0], 5, 0.5f, 0f, 0f),
                    new int[0], new float[0]);
        }
    }

    @Test
    @DisplayName("OP-NMS-05 soft-NMS decays overlapping scores by exp(-0.5 * iou^2 / sigma) and re-ranks them")
    void softNms() {
        String hint = HINT + "; with softNmsSigma > 0 an overlapping candidate's score is multiplied by "
                + "exp(-0.5 * iou^2 / sigma), it goes back in the queue and is dropped when no longer above scoreThreshold";
        float[] boxes = {0, 0, 1, 1, 0, 0, 1, 0.5f, 2, 2, 3, 3};
        float[] scores = {0.9f, 0.8f, 0.7f};
        float decayed = (float) (0.8 * Math.exp(-0.5 * 0.25 / 0.5)); // box 1 has IoU 0.5 with box 0
        try (TestTensors t = tensors()) {
            expect("OP-NMS-05", "soft-NMS with sigma 0.5: box 1 decays to 0.8 * exp(-0.25) and falls behind box 2", hint,
                    nms(t, boxes, scores, 10, 1f, 0f, 0.5f), new int[] {0, 2, 1}, new float[] {0.9f, 0.7f, decayed});
            expect("OP-NMS-05", "soft-NMS with sigma 0.5 and scoreThreshold 0.65: the decayed box drops out", hint,
                    nms(t, boxes, scores, 10, 1f, 0.65f, 0.5f), new int[] {0, 2}, new float[] {0.9f, 0.7f});
        }
    }

    @Test
    @DisplayName("OP-NMS-06 boxes with no area overlap nothing; corners may come in either order")
    void degenerateBoxes() {
        try (TestTensors t = tensors()) {
            expect("OP-NMS-06", "box 1 a point inside box 0, box 2 equal to box 0 given as [y2, x2, y1, x1]",
                    HINT + "; IoU is 0 when a box has no area; use min/max of the corners",
                    nms(t, new float[] {0, 0, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f, 1, 1, 0, 0}, new float[] {0.9f, 0.8f, 0.7f},
                            10, 0.5f, 0f, 0f), new int[] {0, 1}, new float[] {0.9f, 0.8f});
        }
    }
}
