package ai.human.internal.face;

import ai.human.backend.Backend;
import ai.human.model.Model;
import ai.human.tensor.Tensor;

/**
 * Human's anti-spoofing and liveness stages ({@code antispoof.ts}, {@code liveness.ts}): the face crop resized to
 * the model input (bilinear, legacy coordinates, values 0..1), the first output value rounded to two decimals.
 */
final class ScoreModel {
    private final Model model;
    private final int height;
    private final int width;

    ScoreModel(Model model) {
        this.model = model;
        int[] shape = model.inputs().get(0).shape();
        this.height = shape[2];
        this.width = shape[1];
    }

    /** Runs on the face crop (0..1) in the open scope. */
    double score(Backend backend, Tensor face) {
        Tensor resized = backend.resizeBilinear(face, height, width, false, false);
        float value = model.run(resized).get(0).toFloats()[0];
        return Math.round(100.0 * value) / 100.0;
    }
}
