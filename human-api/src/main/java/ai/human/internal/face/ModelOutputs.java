package ai.human.internal.face;

import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.tensor.Tensor;
import java.util.List;

/** Picks a model output the way Human does: by the size of its last (or second) axis. */
final class ModelOutputs {

    private ModelOutputs() {
    }

    /** The first output whose last axis is {@code size}. */
    static Tensor byLastAxis(Model model, List<Tensor> outputs, int size) {
        for (Tensor t : outputs) {
            if (t.shape().rank() > 0 && t.shape().dim(-1) == size) {
                return t;
            }
        }
        throw new ModelException("Model " + model.name() + " has no output with last axis " + size + "; outputs: "
                + outputs.stream().map(t -> t.shape().toString()).toList());
    }

    /** The first output whose second axis is {@code size} (Human's {@code t.shape[1] === size}). */
    static Tensor bySecondAxis(Model model, List<Tensor> outputs, int size) {
        for (Tensor t : outputs) {
            if (t.shape().rank() > 1 && t.shape().dim(1) == size) {
                return t;
            }
        }
        throw new ModelException("Model " + model.name() + " has no output with second axis " + size + "; outputs: "
                + outputs.stream().map(t -> t.shape().toString()).toList());
    }

    /** The square spatial size of a model's image input ({@code [n, size, size, c]}), or {@code fallback}. */
    static int inputSize(Model model, int fallback) {
        int[] shape = model.inputs().get(0).shape();
        return shape.length == 4 && shape[2] > 0 ? shape[2] : fallback;
    }
}
