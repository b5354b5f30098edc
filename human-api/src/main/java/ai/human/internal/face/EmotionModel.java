package ai.human.internal.face;

import ai.human.backend.Backend;
import ai.human.backend.BinaryOp;
import ai.human.backend.ReduceOp;
import ai.human.model.Model;
import ai.human.result.EmotionScore;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Human's emotion stage ({@code gear/emotion.ts}): the face crop resized to the model input (bilinear, legacy
 * coordinates); for Human's default grey-scale model, grey = {@code 0.2989 R + 0.5870 G + 0.1140 B} scaled to
 * -1..1; for an RGB model, {@code 255 x} minus the channel means. Scores above {@code minConfidence}, truncated to
 * two decimals and capped at 0.99, best first (ties keep the class order).
 */
final class EmotionModel {
    private static final String[] GREY_CLASSES = {"angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"};
    private static final String[] RGB_CLASSES = {"angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"};
    private static final float[] GREY_WEIGHTS = {0.2989f, 0.5870f, 0.1140f};
    private static final float[] RGB_MEANS = {103.939f, 116.779f, 123.68f};

    private final Model model;
    private final int inputSize;
    private final boolean rgb;

    EmotionModel(Model model) {
        this.model = model;
        int[] shape = model.inputs().get(0).shape();
        this.inputSize = shape.length == 4 ? shape[2] : 0;
        this.rgb = shape.length == 4 && shape[3] == 3;
    }

    /** Runs on the face crop (0..1) in the open scope. */
    List<EmotionScore> classify(Backend backend, Tensor face, double minConfidence) {
        Tensor resized = backend.resizeBilinear(face, inputSize, inputSize, false, false);
        Tensor input;
        if (rgb) {
            Tensor scaled = backend.binary(BinaryOp.MUL, resized, backend.scalar(255f));
            input = backend.binary(BinaryOp.SUB, scaled, backend.fromFloats(RGB_MEANS, Shape.of(3)));
        } else {
            Tensor weighted = backend.binary(BinaryOp.MUL, resized, backend.fromFloats(GREY_WEIGHTS, Shape.of(3)));
            Tensor grey = backend.reduce(ReduceOp.SUM, weighted, new int[] {3}, true);
            Tensor centred = backend.binary(BinaryOp.SUB, grey, backend.scalar(0.5f));
            input = backend.binary(BinaryOp.MUL, centred, backend.scalar(2f));
        }
        float[] scores = model.run(input).get(0).toFloats();
        String[] classes = rgb ? RGB_CLASSES : GREY_CLASSES;
        List<EmotionScore> out = new ArrayList<>();
        for (int i = 0; i < scores.length && i < classes.length; i++) {
            if (scores[i] > minConfidence) {
                out.add(new EmotionScore(Math.min(0.99, Math.floor(100.0 * scores[i]) / 100), classes[i]));
            }
        }
        out.sort(Comparator.comparingDouble(EmotionScore::score).reversed());
        return out;
    }
}
