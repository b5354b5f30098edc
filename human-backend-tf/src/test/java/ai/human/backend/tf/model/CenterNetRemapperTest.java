package ai.human.backend.tf.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.backend.tf.internal.graph.TfGraphModel;
import ai.human.config.LeakDetection;
import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import ai.human.model.WeightData;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.testing.ModelGoldens;
import ai.human.testing.ModelGoldens.Golden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CenterNet is the model on which TensorFlow's remapper (oneDNN's fusions) computes wrong numbers: it fuses the
 * hard-swish {@code x * relu6(x + 3) * c} with exactly 1/6 where the model's float16-quantised {@code c} is
 * 0.16662598. The backend turns the remapper off for it by itself; forced on, the outputs leave TensorFlow.js's.
 */
class CenterNetRemapperTest {
    private static final ModelLoader LOADER = new ModelLoader();
    private static GraphModelDef centernet;
    private static Golden golden;
    private static TfBackend auto;
    private static TfBackend forcedOn;
    private static TfBackend forcedOff;

    @BeforeAll
    static void load() {
        centernet = LOADER.load(null, "centernet.json");
        golden = ModelGoldens.load("centernet");
        auto = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));
        forcedOn = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of(TfBackend.GRAPH_REMAPPER, "on")));
        forcedOff = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of(TfBackend.GRAPH_REMAPPER, "off")));
    }

    @AfterAll
    static void close() {
        auto.close();
        forcedOn.close();
        forcedOff.close();
    }

    @Test
    void remapperIsOffForCenterNetByDefaultAndEveryOutputMatchesTensorFlowJs() {
        try (TfGraphModel model = (TfGraphModel) auto.loadModel(centernet)) {
            assertThat(model.remapper()).isFalse();
            Map<String, float[]> outputs = run(auto, model);
            for (var expected : golden.outputs()) {
                assertThat(ModelGoldens.compare(expected.floats(), outputs.get(expected.name())).matches())
                        .as(expected.name()).isTrue();
            }
        }
    }

    @Test
    void remapperForcedOnFusesHardSwishAndMovesBoxesAndDetectionsAwayFromTensorFlowJs() {
        try (TfGraphModel model = (TfGraphModel) forcedOn.loadModel(centernet)) {
            assertThat(model.remapper()).isTrue();
            assertThat(fusedHardSwishes(forcedOn, model)).isGreaterThan(0);
            Map<String, float[]> outputs = run(forcedOn, model);

            ModelGoldens.Difference wh = ModelGoldens.compare(golden.output("tower_0/wh:0").floats(),
                    outputs.get("tower_0/wh:0"));
            ModelGoldens.Difference detections = ModelGoldens.compare(
                    golden.output("tower_0/detections:0").floats(), outputs.get("tower_0/detections:0"));
            assertThat(wh.matches()).isFalse();
            assertThat(wh.maxAbsDiff()).isGreaterThan(0.5);
            assertThat(detections.matches()).isFalse();
        }
        try (TfGraphModel model = (TfGraphModel) auto.loadModel(centernet)) {
            assertThat(fusedHardSwishes(auto, model)).isZero();
        }
    }

    @Test
    void withAnExactOneSixthTheRemapperAgreesWithTheUnfusedGraphSoTheConstantIsTheCause() {
        GraphModelDef exact = withExactOneSixth(centernet);
        Map<String, float[]> fused;
        Map<String, float[]> unfused;
        try (TfGraphModel model = (TfGraphModel) forcedOn.loadModel(exact)) {
            assertThat(fusedHardSwishes(forcedOn, model)).isGreaterThan(0);
            fused = run(forcedOn, model);
        }
        try (TfGraphModel model = (TfGraphModel) forcedOff.loadModel(exact)) {
            unfused = run(forcedOff, model);
        }
        for (String output : List.of("tower_0/wh:0", "tower_0/keypoints:0", "tower_0/detections:0")) {
            assertThat(ModelGoldens.compare(unfused.get(output), fused.get(output)).matches()).as(output).isTrue();
        }
    }

    private static Map<String, float[]> run(TfBackend backend, TfGraphModel model) {
        try (TensorScope scope = backend.scope()) {
            Tensor input = golden.input().toTensor(backend);
            Map<String, float[]> out = new LinkedHashMap<>();
            model.run(Map.of(model.inputs().get(0).name(), input)).forEach((name, t) -> out.put(name, t.toFloats()));
            assertThat(scope.size()).isEqualTo(1 + out.size());
            return out;
        }
    }

    private static int fusedHardSwishes(TfBackend backend, TfGraphModel model) {
        try (Tensor input = golden.input().toTensor(backend)) {
            return model.executedOps(Map.of(model.inputs().get(0).name(), input)).entrySet().stream()
                    .filter(e -> e.getKey().contains("_FusedHardSwish")).mapToInt(Map.Entry::getValue).sum();
        }
    }

    /** CenterNet with every hard-swish constant near 1/6 set to exactly 1/6f. */
    private static GraphModelDef withExactOneSixth(GraphModelDef def) {
        Map<String, WeightData> weights = new LinkedHashMap<>(def.weights());
        int replaced = 0;
        for (Map.Entry<String, WeightData> w : def.weights().entrySet()) {
            WeightData weight = w.getValue();
            if (w.getKey().contains("hard_swish") && weight.elementCount() == 1
                    && Math.abs(weight.floatBuffer().get(0) - 1f / 6f) < 1e-3f) {
                weights.put(w.getKey(), WeightData.ofFloats(w.getKey(), weight.shape(), new float[] {1f / 6f}));
                replaced++;
            }
        }
        assertThat(replaced).isGreaterThan(0);
        return new GraphModelDef(def.name(), def.source(), def.format(), def.generatedBy(), def.convertedBy(),
                def.nodes(), def.inputs(), def.outputs(), weights, def.storedWeightBytes(), def.topologyJson());
    }
}
