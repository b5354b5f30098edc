package ai.human.graph.docs;

import ai.human.backend.Backend;
import ai.human.graph.GraphExecutor;
import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/** Runs Human's emotion model through the generic graph executor on any backend: the seven emotion scores. */
public final class EmotionOnAnyBackend {
    private EmotionOnAnyBackend() {
    }

    public static float[] scores(Backend backend, float grey) {
        // model.json and its weight shards, here from the human-models jar on the classpath
        GraphModelDef def = new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, "emotion.json");
        try (GraphExecutor model = GraphExecutor.compile(backend, def)) { // the weights go onto the backend once
            int[] dims = model.inputs().get(0).shape().clone();             // [-1, 64, 64, 1]
            dims[0] = 1;
            float[] pixels = new float[(int) Shape.of(dims).size()];
            Arrays.fill(pixels, grey);
            return backend.tidy(() -> {                                     // closes every tensor made inside
                Tensor face = backend.fromFloats(pixels, Shape.of(dims));
                Map<String, Tensor> outputs = model.run(Map.of(model.inputs().get(0).name(), face));
                return outputs.values().iterator().next().toFloats();      // read back into Java
            });
        } // the model releases its weights: nothing is left open
    }
}
