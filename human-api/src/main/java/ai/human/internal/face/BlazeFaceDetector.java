package ai.human.internal.face;

import ai.human.backend.Backend;
import ai.human.backend.BinaryOp;
import ai.human.config.FaceDetectorConfig;
import ai.human.backend.NonMaxSuppression;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Human's BlazeFace stage ({@code blazeface.ts getBoxes}): the whole image resized to the detector's input
 * (bilinear, TensorFlow's legacy coordinates), scaled to -1..1, run, then in Java: box and keypoint decoding
 * against the anchors (float32 arithmetic, as TensorFlow.js computes it), sigmoid scores, non-maximum suppression,
 * scaling to image pixels, enlargement by {@code scale}, squaring and the {@code minSize} filter.
 */
final class BlazeFaceDetector {
    /** Values per anchor in the model output: score logit, box (cx, cy, w, h), six keypoints (x, y). */
    private static final int ROW = 17;
    private static final int KEYPOINTS = 6;

    private final Model model;
    private final int inputSize;
    private final float[] anchors;

    BlazeFaceDetector(Model model) {
        this.model = model;
        int[] shape = model.inputs().get(0).shape();
        this.inputSize = shape.length == 4 && shape[2] > 0 ? shape[2] : 256;
        this.anchors = Anchors.generate(inputSize);
    }

    int inputSize() {
        return inputSize;
    }

    /** Face boxes in image pixels, best first. {@code image} is FLOAT32 or UINT8 {@code [1, h, w, 3]}, 0..255. */
    @SuppressWarnings("try") // the scope closes the intermediates
    List<FaceBox> detect(Backend backend, Tensor image, FaceDetectorConfig config) {
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        double[] scale = {1, 1};
        double[] pad = {0, 0};
        float[] rows;
        try (TensorScope scope = backend.scope()) {
            Tensor padded = image;
            if (config.square()) {
                // Human's square option; its unpadding arithmetic is kept as Human has it (flagged unfinished there)
                int side = Math.max(width, height);
                int padX = (side - width) / 2;
                int padY = (side - height) / 2;
                padded = backend.pad(image, new int[][] {{0, 0}, {padY, padY}, {padX, padX}, {0, 0}}, 0f);
                scale = new double[] {(double) width / side, (double) height / side};
                pad = new double[] {(double) padX / inputSize, (double) padY / inputSize};
            }
            Tensor resized = backend.resizeBilinear(padded, inputSize, inputSize, false, false);
            Tensor normalized = backend.binary(BinaryOp.SUB, backend.binary(BinaryOp.DIV, resized, backend.scalar(127.5f)),
                    backend.scalar(1f));
            rows = readRows(model.run(normalized));
        }
        int count = rows.length / ROW;
        if (count * 2 != anchors.length) {
            throw new ModelException("Face detector " + model.name() + " gave " + count + " anchors, expected "
                    + anchors.length / 2 + " for input size " + inputSize);
        }
        float[] boxes = decodeBoxes(rows, count);
        float[] scores = new float[count];
        for (int i = 0; i < count; i++) {
            scores[i] = sigmoid(rows[i * ROW]);
        }
        float minConfidence = (float) config.minConfidence();
        NonMaxSuppression.Selection kept = NonMaxSuppression.select(boxes, scores, config.maxDetected(),
                (float) config.iouThreshold(), minConfidence, 0f);
        List<FaceBox> faces = new ArrayList<>();
        double factorX = (double) width / inputSize;
        double factorY = (double) height / inputSize;
        for (int index : kept.indices()) {
            double confidence = scores[index];
            if (!(confidence > config.minConfidence())) {
                continue;
            }
            double[] p = {boxes[index * 4], boxes[index * 4 + 1], boxes[index * 4 + 2], boxes[index * 4 + 3]};
            double[] unpadded = {p[0] * scale[0] - pad[0], p[1] * scale[1] - pad[1], p[2] * scale[0] - pad[0], p[3] * scale[1] - pad[1]};
            double anchorX = anchors[index * 2];
            double anchorY = anchors[index * 2 + 1];
            double[][] landmarks = new double[KEYPOINTS][];
            for (int k = 0; k < KEYPOINTS; k++) {
                double x = rows[index * ROW + 5 + 2 * k];
                double y = rows[index * ROW + 6 + 2 * k];
                landmarks[k] = new double[] {(x + anchorX) * factorX, (y + anchorY) * factorY};
            }
            FaceBox scaled = new FaceBox(unpadded[0] * factorX, unpadded[1] * factorY, unpadded[2] * factorX,
                    unpadded[3] * factorY, landmarks, confidence, 0, 0);
            FaceBox squared = FaceGeometry.squarify(FaceGeometry.enlarge(scaled, config.scale()));
            if (squared.sizeX() > config.minSize() && squared.sizeY() > config.minSize()) {
                faces.add(squared);
            }
        }
        return faces;
    }

    /**
     * The detector's output as {@code [anchors, 17]} rows. Human's model has four outputs (scores and regressors for
     * the 16x16 and the 8x8 grid), joined as Human does: ordered by size, 16x16 grid first; a single {@code [1, n, 17]}
     * output is used as it is.
     */
    private float[] readRows(List<Tensor> outputs) {
        if (outputs.size() == 1) {
            return outputs.get(0).toFloats();
        }
        if (outputs.size() != 4) {
            throw new ModelException("Face detector " + model.name() + " has " + outputs.size()
                    + " outputs; expected BlazeFace's 4 (or one [1, anchors, 17])");
        }
        List<Tensor> sorted = new ArrayList<>(outputs);
        sorted.sort(Comparator.comparingLong(Tensor::size));
        Tensor scoresSmall = sorted.get(0);
        Tensor scoresLarge = sorted.get(1);
        Tensor boxesSmall = sorted.get(2);
        Tensor boxesLarge = sorted.get(3);
        int large = (int) scoresLarge.size();
        int small = (int) scoresSmall.size();
        float[] rows = new float[(large + small) * ROW];
        fill(rows, 0, scoresLarge.toFloats(), boxesLarge.toFloats(), large);
        fill(rows, large, scoresSmall.toFloats(), boxesSmall.toFloats(), small);
        return rows;
    }

    private static void fill(float[] rows, int firstRow, float[] scores, float[] regressors, int count) {
        int width = ROW - 1;
        if (regressors.length != count * width) {
            throw new ModelException("Face detector output of " + regressors.length + " values does not fit " + count
                    + " anchors of " + width + " values");
        }
        for (int i = 0; i < count; i++) {
            int o = (firstRow + i) * ROW;
            rows[o] = scores[i];
            System.arraycopy(regressors, i * width, rows, o + 1, width);
        }
    }

    /** Human's {@code decodeBoxes}, step by step in float32: {@code [x1, y1, x2, y2]} per anchor, input pixels. */
    private float[] decodeBoxes(float[] rows, int count) {
        float size = inputSize;
        float[] out = new float[count * 4];
        for (int i = 0; i < count; i++) {
            int r = i * ROW;
            float centerX = (rows[r + 1] + anchors[i * 2]) / size;
            float centerY = (rows[r + 2] + anchors[i * 2 + 1]) / size;
            float halfW = rows[r + 3] / size / 2f;
            float halfH = rows[r + 4] / size / 2f;
            out[i * 4] = (centerX - halfW) * size;
            out[i * 4 + 1] = (centerY - halfH) * size;
            out[i * 4 + 2] = (centerX + halfW) * size;
            out[i * 4 + 3] = (centerY + halfH) * size;
        }
        return out;
    }

    private static float sigmoid(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    /** Shape of the detector input, for warm-up. */
    Shape inputShape() {
        return Shape.of(1, inputSize, inputSize, 3);
    }
}
