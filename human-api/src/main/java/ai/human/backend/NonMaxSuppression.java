package ai.human.backend;

import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Greedy non-maximum suppression with optional soft-NMS, with TensorFlow's {@code NonMaxSuppressionV5} semantics:
 * candidates need a score strictly above the score threshold, equal scores keep the lower index first, a box is
 * suppressed when its IoU with a selected box is strictly above the IoU threshold, and with {@code softNmsSigma > 0}
 * overlapping scores decay by {@code exp(-0.5 * iou^2 / sigma)} instead.
 *
 * <p>A host-side helper, not a backend op: it reads the boxes and scores once and works in Java (a few hundred boxes
 * cost less than the native calls an op would take). The pipelines use {@link #select} on arrays; the graph
 * executor's {@code NonMaxSuppressionV5} uses {@link #apply} on tensors.
 *
 * <pre>{@code
 * NonMaxSuppression.Selection kept = NonMaxSuppression.select(boxes, scores, 10, 0.3f, 0.2f, 0f);
 * try (NmsResult result = NonMaxSuppression.apply(backend, boxTensor, scoreTensor, 10, 0.3f, 0.2f, 0f)) {
 *     int[] indices = result.selectedIndices().toInts();
 * }
 * }</pre>
 */
public final class NonMaxSuppression {

    /** Kept boxes (indices into the input, best first) and their final scores. */
    public record Selection(int[] indices, float[] scores) {
    }

    private record Candidate(int index, float score, int suppressBegin) {
    }

    private NonMaxSuppression() {
    }

    /**
     * NMS of {@code boxes [n, 4]} ({@code [y1, x1, y2, x2]}) with {@code scores [n]} on {@code backend}: the kept
     * indices (int32) and their scores (float32) as new tensors of {@code backend}, owned by the caller.
     *
     * @param backend        the backend the results are made on
     * @param boxes          FLOAT32 {@code [n, 4]}, corners {@code [y1, x1, y2, x2]} per box (either corner order)
     * @param scores         FLOAT32 {@code [n]}
     * @param maxOutput      most boxes to keep
     * @param iouThreshold   overlap above which a box is suppressed
     * @param scoreThreshold boxes must score strictly above this
     * @param softNmsSigma   0 for hard NMS
     * @return the kept indices and scores, owned by the caller
     */
    public static NmsResult apply(Backend backend, Tensor boxes, Tensor scores, int maxOutput, float iouThreshold,
                                  float scoreThreshold, float softNmsSigma) {
        Selection kept = select(boxes.toFloats(), scores.toFloats(), maxOutput, iouThreshold, scoreThreshold,
                softNmsSigma);
        Tensor indices = backend.fromInts(kept.indices(), Shape.of(kept.indices().length));
        try {
            return new NmsResult(indices, backend.fromFloats(kept.scores(), Shape.of(kept.scores().length)));
        } catch (RuntimeException e) {
            indices.close();
            throw e;
        }
    }

    /**
     * NMS on arrays: the same selection as {@link #apply}, without a backend.
     *
     * @param boxes          {@code n * 4} corners {@code [y1, x1, y2, x2]} per box (either corner order)
     * @param scores         {@code n} scores
     * @param maxOutput      most boxes to keep
     * @param iouThreshold   overlap above which a box is suppressed
     * @param scoreThreshold boxes must score strictly above this
     * @param softNmsSigma   0 for hard NMS
     * @return the kept indices, best first, and their final scores
     */
    public static Selection select(float[] boxes, float[] scores, int maxOutput, float iouThreshold,
                                   float scoreThreshold, float softNmsSigma) {
        if (boxes.length != scores.length * 4) {
            throw new IllegalArgumentException("NMS needs 4 box coordinates per score: got " + boxes.length
                    + " coordinates for " + scores.length + " scores");
        }
        boolean soft = softNmsSigma > 0f;
        float scale = soft ? -0.5f / softNmsSigma : 0f;
        PriorityQueue<Candidate> queue = new PriorityQueue<>((a, b) -> a.score != b.score
                ? Float.compare(b.score, a.score) : Integer.compare(a.index, b.index));
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scoreThreshold) {
                queue.add(new Candidate(i, scores[i], 0));
            }
        }
        int[] selected = new int[Math.min(Math.max(maxOutput, 0), scores.length)];
        float[] selectedScores = new float[selected.length];
        int count = 0;
        while (count < selected.length && !queue.isEmpty()) {
            Candidate next = queue.poll();
            float score = next.score;
            boolean suppressed = false;
            for (int j = count - 1; j >= next.suppressBegin; j--) {
                float iou = iou(boxes, next.index, selected[j]);
                score *= iou <= iouThreshold ? (float) Math.exp(scale * iou * iou) : 0f;
                if (!soft && iou > iouThreshold) {
                    suppressed = true;
                    break;
                }
                if (score <= scoreThreshold) {
                    break;
                }
            }
            if (suppressed) {
                continue;
            }
            if (score == next.score) {
                selected[count] = next.index;
                selectedScores[count] = score;
                count++;
            } else if (score > scoreThreshold) {
                queue.add(new Candidate(next.index, score, count));
            }
        }
        return new Selection(Arrays.copyOf(selected, count), Arrays.copyOf(selectedScores, count));
    }

    /**
     * Intersection over union of boxes {@code i} and {@code j}; 0 when either has no area.
     *
     * @param boxes {@code n * 4} corners {@code [y1, x1, y2, x2]} per box (either corner order)
     * @param i     the first box's index
     * @param j     the second box's index
     * @return the IoU, in {@code [0, 1]}
     */
    public static float iou(float[] boxes, int i, int j) {
        float yMinI = Math.min(boxes[i * 4], boxes[i * 4 + 2]);
        float xMinI = Math.min(boxes[i * 4 + 1], boxes[i * 4 + 3]);
        float yMaxI = Math.max(boxes[i * 4], boxes[i * 4 + 2]);
        float xMaxI = Math.max(boxes[i * 4 + 1], boxes[i * 4 + 3]);
        float yMinJ = Math.min(boxes[j * 4], boxes[j * 4 + 2]);
        float xMinJ = Math.min(boxes[j * 4 + 1], boxes[j * 4 + 3]);
        float yMaxJ = Math.max(boxes[j * 4], boxes[j * 4 + 2]);
        float xMaxJ = Math.max(boxes[j * 4 + 1], boxes[j * 4 + 3]);
        float areaI = (yMaxI - yMinI) * (xMaxI - xMinI);
        float areaJ = (yMaxJ - yMinJ) * (xMaxJ - xMinJ);
        if (areaI <= 0 || areaJ <= 0) {
            return 0f;
        }
        float interH = Math.max(Math.min(yMaxI, yMaxJ) - Math.max(yMinI, yMinJ), 0f);
        float interW = Math.max(Math.min(xMaxI, xMaxJ) - Math.max(xMinI, xMinJ), 0f);
        float inter = interH * interW;
        return inter / (areaI + areaJ - inter);
    }
}
