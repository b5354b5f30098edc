package ai.human.internal.pipeline;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelException;
import ai.human.model.TensorSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What each config section's pipeline needs from its model's signature: an image input {@code [n, h, w, channels]}
 * and outputs whose last axes have given sizes (the sizes the pipelines select outputs by). Checked when the model
 * file has been read, before it goes on the backend, so that another model's file under a section's name (a swapped
 * or mislabelled file) fails at start-up naming the file, instead of failing or giving nonsense in {@code detect}.
 * Sections not listed here are not checked.
 *
 * <pre>{@code
 * ModelSignatures.check("face.iris", loader.load(basePath, "iris.json"));
 * }</pre>
 */
final class ModelSignatures {

    /** The input channels and the output last-axis sizes a section's pipeline relies on. */
    private record Needs(String model, int inputChannels, int... outputLastAxes) {
    }

    private static final Map<String, Needs> BY_SECTION = Map.ofEntries(
            Map.entry("face.detector", new Needs("BlazeFace", 3, 16, 1)),
            Map.entry("face.mesh", new Needs("FaceMesh", 3, 1404)),
            Map.entry("face.iris", new Needs("Iris", 3, 228)),
            Map.entry("face.emotion", new Needs("Emotion", 1, 7)),
            Map.entry("face.description", new Needs("FaceRes", 3, 1024, 100, 1)),
            Map.entry("face.antispoof", new Needs("AntiSpoof", 3, 1)),
            Map.entry("face.liveness", new Needs("Liveness", 3, 2)),
            Map.entry("body", new Needs("MoveNet", 3, 3)),
            Map.entry("hand.detector", new Needs("HandTrack", 3, 4, 8)),
            Map.entry("hand.skeleton", new Needs("HandLandmark", 3, 63)),
            Map.entry("object", new Needs("CenterNet", 3, 80, 4, 6)));

    private ModelSignatures() {
    }

    /**
     * Checks that {@code def} has the signature the pipeline of {@code section} needs.
     *
     * @throws ModelException naming the section, the file, what it needs and what the file has
     */
    public static void check(String section, GraphModelDef def) {
        Needs needs = BY_SECTION.get(section);
        if (needs == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<TensorSpec> inputs = def.inputs();
        int[] input = inputs.isEmpty() ? new int[0] : inputs.get(0).shape();
        if (input.length != 4 || input[3] != needs.inputChannels()) {
            problems.add("its input is " + (inputs.isEmpty() ? "missing" : Arrays.toString(input)) + ", not an image [n, h, w, "
                    + needs.inputChannels() + "]");
        }
        for (int size : needs.outputLastAxes()) {
            boolean found = def.outputs().stream().anyMatch(o -> o.shape().length > 0 && o.shape()[o.shape().length - 1] == size);
            if (!found) {
                problems.add("no output has a last axis of " + size);
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelException("The model of " + section + " (" + def.source() + ") is not a " + needs.model()
                    + " model as " + section + " needs: " + String.join(" and ", problems) + " (outputs: "
                    + def.outputs().stream().map(o -> Arrays.toString(o.shape())).toList() + "). The file is another"
                    + " model's, or " + section + ".modelPath names the wrong file: fix it, or restore the file");
        }
    }
}
