package ai.human.internal.hand;

import ai.human.backend.Backend;
import ai.human.backend.BinaryOp;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.result.Box;
import ai.human.result.Point;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hand landmark model as Human 3.3.6 runs it ({@code detectFingers} in {@code hand/handtrack.ts}): a bilinear
 * crop of the hand's box (unclamped; outside the image is black) at the model's input size, divided by 255; the
 * hand score is the model's logit turned into a probability truncated to 2 decimals; the 21 keypoints are mapped from
 * the crop to image pixels, depth kept as the model gives it.
 */
final class HandLandmarkModel {
    static final String SCORE = "Identity_1:0";
    static final String KEYPOINTS = "Identity:0";

    private final Model model;
    private final int inputHeight;
    private final int inputWidth;

    HandLandmarkModel(Model model) {
        this.model = model;
        int[] shape = model.inputs().get(0).shape();
        this.inputHeight = shape[1];
        this.inputWidth = shape[2];
    }

    /**
     * Landmarks of one hand.
     *
     * @param score     Human's finger score: {@code (100 - trunc(100 / (1 + e^logit))) / 100}
     * @param keypoints 21 points in pixels with the model's depth
     */
    record Landmarks(double score, List<Point> keypoints) {
    }

    /** Runs the model on {@code boxRaw} (fractions of the image) and maps the keypoints to pixels. */
    Landmarks run(Backend backend, Tensor image, Box boxRaw) {
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        float[][] output = infer(backend, image, boxRaw);
        double score = (100 - HandBoxes.trunc(100 / (1 + StrictMath.exp(output[0][0])))) / 100;
        float[] kpt = output[1];
        List<Point> keypoints = new ArrayList<>(kpt.length / 3);
        for (int i = 0; i + 2 < kpt.length; i += 3) {
            double x = kpt[i] / (double) inputWidth * boxRaw.width();
            double y = kpt[i + 1] / (double) inputHeight * boxRaw.height();
            double z = Double.isNaN(kpt[i + 2]) ? 0 : kpt[i + 2];
            keypoints.add(Point.of(width * (x + boxRaw.x()), height * (y + boxRaw.y()), z));
        }
        return new Landmarks(score, keypoints);
    }

    @SuppressWarnings("try") // the scope closes the crop and the model outputs
    private float[][] infer(Backend backend, Tensor image, Box boxRaw) {
        float[][] boxes = {{(float) boxRaw.y(), (float) boxRaw.x(), (float) (boxRaw.height() + boxRaw.y()),
                (float) (boxRaw.width() + boxRaw.x())}};
        try (TensorScope scope = backend.scope()) {
            Tensor crop = backend.cropAndResize(image, boxes, new int[] {0}, inputHeight, inputWidth);
            Tensor normalized = backend.binary(BinaryOp.DIV, crop, backend.scalar(255f));
            TensorSpec input = model.inputs().get(0);
            Map<String, Tensor> out = model.run(Map.of(input.name(), normalized), List.of(SCORE, KEYPOINTS));
            return new float[][] {out.get(SCORE).toFloats(), out.get(KEYPOINTS).toFloats()};
        }
    }
}
