package ai.human.backend.tf.bench;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.backend.tf.internal.graph.TfGraphModel;
import ai.human.config.LeakDetection;
import ai.human.model.ModelLoader;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints, per model, the ops TensorFlow really executes (after Grappler and oneDNN rewrites) on its golden input: a
 * diagnostic for fusion and remapper choices. Arguments as for {@link TfModelBench} ({@code models=...}, backend
 * options such as {@code graphRemapper=off}).
 */
public final class TfExecutedOps {
    private TfExecutedOps() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> models = ModelGoldens.models();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv[0].equals("models")) {
                models = List.of(kv[1].split(","));
            } else {
                options.put(kv[0], kv[1]);
            }
        }
        ModelLoader loader = new ModelLoader();
        try (TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, options))) {
            for (String name : models) {
                try (TfGraphModel model = (TfGraphModel) backend.loadModel(loader.load(null, name + ".json"));
                     Tensor input = ModelGoldens.load(name).input().toTensor(backend)) {
                    System.out.println(name + " (remapper " + (model.remapper() ? "on" : "off") + "): "
                            + model.executedOps(Map.of(model.inputs().get(0).name(), input)));
                }
            }
        }
    }
}
