package ai.human.internal.face;

import ai.human.model.Model;
import ai.human.tensor.Tensor;
import java.util.List;

/** Human's face-mesh model call: the face crop in, the face score and 468 raw points (crop pixels) out. */
final class MeshModel {
    static final int POINTS = 468;

    /**
     * @param faceScore the model's confidence, rounded to 2 decimals as Human does
     * @param raw       {@code [468][3]} points in crop pixels, or null when the score was too low to read them
     */
    record Output(double faceScore, double[][] raw) {
    }

    private final Model model;
    private final int inputSize;

    MeshModel(Model model) {
        this.model = model;
        this.inputSize = ModelOutputs.inputSize(model, 256);
    }

    int inputSize() {
        return inputSize;
    }

    /** Runs the model on a crop (in the open scope); reads the points only when the score reaches {@code minScore}. */
    Output run(Tensor crop, double minScore) {
        List<Tensor> outputs = model.run(crop);
        float confidence = ModelOutputs.byLastAxis(model, outputs, 1).toFloats()[0];
        double faceScore = Math.round(100.0 * confidence) / 100.0;
        if (faceScore < minScore) {
            return new Output(faceScore, null);
        }
        float[] values = ModelOutputs.byLastAxis(model, outputs, POINTS * 3).toFloats();
        double[][] raw = new double[values.length / 3][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = new double[] {values[i * 3], values[i * 3 + 1], values[i * 3 + 2]};
        }
        return new Output(faceScore, raw);
    }
}
