package ai.human.backend.djl.models;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import ai.human.testing.ModelGoldens;
import java.util.List;
import java.util.Map;

/** Human's eleven default models from the {@code human-models} jar, and the outputs Human fetches from each. */
public final class DefaultModels {
    /** The eleven default models, in the order of the goldens index. */
    public static final List<String> ALL = List.of("blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof",
            "liveness", "movenet-lightning", "handlandmark-lite", "handtrack", "centernet");

    /**
     * Internal tensors Human reads instead of the signature outputs: handtrack's boxes and scores before the model's
     * own NMS loop, CenterNet's detections.
     */
    public static final Map<String, List<String>> HUMAN_FETCHES = Map.of(
            "handtrack", List.of("StatefulPartitionedCall/Postprocessor/Slice",
                    "StatefulPartitionedCall/Postprocessor/ExpandDims_1"),
            "centernet", List.of("tower_0/detections"));

    private DefaultModels() {
    }

    /** The model's graph from the {@code human-models} jar. */
    public static GraphModelDef load(String model) {
        return new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, model + ".json");
    }

    /** Every output the goldens hold for {@code golden}'s model, signature outputs and named internal ones. */
    public static List<String> goldenOutputNames(ModelGoldens.Golden golden) {
        return golden.outputs().stream().map(ModelGoldens.GoldenTensor::name).toList();
    }

    /** The outputs Human reads from {@code model}, or null for the signature outputs. */
    public static List<String> humanFetches(String model) {
        return HUMAN_FETCHES.get(model);
    }
}
