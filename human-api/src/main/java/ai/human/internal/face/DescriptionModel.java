package ai.human.internal.face;

import ai.human.backend.Backend;
import ai.human.backend.BinaryOp;
import ai.human.model.Model;
import ai.human.tensor.Tensor;
import java.util.List;

/**
 * Human's face description ({@code faceres.ts}): the face crop resized to the model input (bilinear, legacy
 * coordinates) and scaled to 0..255; age from the 100-bucket softmax interpolated with the stronger neighbour,
 * gender when its confidence {@code trunc(200 * |p - 0.5|) / 100} exceeds {@code minConfidence}, and the
 * 1024-value embedding as the model gives it.
 */
final class DescriptionModel {

    /**
     * @param age         years, rounded to one decimal; {@code NaN} when Human gives none
     * @param gender      {@code female}, {@code male} or Human's {@code unknown}
     * @param genderScore 0..0.99; 0 when unknown
     * @param embedding   the descriptor
     */
    record Description(double age, String gender, double genderScore, float[] embedding) {
    }

    private final Model model;
    private final int width;
    private final int height;

    DescriptionModel(Model model) {
        this.model = model;
        int[] shape = model.inputs().get(0).shape();
        // Human passes [shape[2], shape[1]] as [height, width]; the model is square, so the order does not matter
        this.height = shape[2];
        this.width = shape[1];
    }

    /** Runs on the face crop (0..1) in the open scope. */
    Description describe(Backend backend, Tensor face, double minConfidence) {
        Tensor resized = backend.resizeBilinear(face, height, width, false, false);
        Tensor input = backend.binary(BinaryOp.MUL, resized, backend.scalar(255f));
        List<Tensor> outputs = model.run(input);
        float genderValue = ModelOutputs.bySecondAxis(model, outputs, 1).toFloats()[0];
        float[] ages = ModelOutputs.bySecondAxis(model, outputs, 100).toFloats();
        float[] embedding = ModelOutputs.bySecondAxis(model, outputs, 1024).toFloats();

        String gender = "unknown";
        double genderScore = 0;
        double confidence = Math.floor(200 * Math.abs(genderValue - 0.5)) / 100;
        if (confidence > minConfidence) {
            gender = genderValue <= 0.5 ? "female" : "male";
            genderScore = Math.min(0.99, confidence);
        }
        return new Description(age(ages), gender, genderScore, embedding);
    }

    /** Human's age: bucket {@code i} of the arg-max, moved toward the stronger neighbour (JavaScript rules at the ends). */
    static double age(float[] buckets) {
        int best = 0;
        for (int i = 1; i < buckets.length; i++) {
            if (buckets[i] > buckets[best]) {
                best = i;
            }
        }
        boolean hasBelow = best > 0;
        boolean hasAbove = best + 1 < buckets.length;
        // JavaScript: a comparison with a missing neighbour is false, arithmetic with it is NaN
        if (hasBelow && hasAbove && buckets[best - 1] > buckets[best + 1]) {
            return Math.round(10.0 * best - 100.0 * buckets[best - 1]) / 10.0;
        }
        if (!hasAbove) {
            return Double.NaN;
        }
        return Math.round(10.0 * best + 100.0 * buckets[best + 1]) / 10.0;
    }
}
