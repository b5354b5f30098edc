package ai.human.backend.tf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.backend.tf.internal.graph.TfGraphModel;
import ai.human.config.LeakDetection;
import ai.human.model.GraphModelDef;
import ai.human.model.ModelException;
import ai.human.model.ModelLoader;
import ai.human.model.TensorSpec;
import ai.human.model.WeightData;
import ai.human.tensor.DType;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.testing.ModelGoldens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.internal.c_api.TF_Operation;

/** How a natively run model takes its inputs, gives its outputs and shows its weights. */
class TfModelRunTest {
    private static final ModelLoader LOADER = new ModelLoader();
    private static TfBackend backend;

    @BeforeAll
    static void createBackend() {
        backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));
    }

    @AfterAll
    static void closeBackend() {
        backend.close();
    }

    @Test
    void anInputMayBeKeyedByTensorNameSignatureKeyOrNodeName() {
        ModelGoldens.Golden golden = ModelGoldens.load("facemesh");
        try (TfGraphModel model = (TfGraphModel) backend.loadModel(LOADER.load(null, "facemesh.json"));
             TensorScope scope = backend.scope()) {
            TensorSpec spec = model.inputs().get(0);
            Tensor input = golden.input().toTensor(backend);
            float[] byName = model.run(Map.of(spec.name(), input)).get("Identity_2:0").toFloats();

            for (String key : List.of(spec.key(), spec.node())) {
                assertThat(model.run(Map.of(key, input)).get("Identity_2:0").toFloats()).containsExactly(byName);
            }
            assertThat(scope.size()).isEqualTo(1 + 3 * model.outputs().size());
        }
    }

    @Test
    void aMissingOrUnknownInputIsRefusedNamingWhatTheModelTakes() {
        try (TfGraphModel model = (TfGraphModel) backend.loadModel(LOADER.load(null, "liveness.json"));
             Tensor input = ModelGoldens.load("liveness").input().toTensor(backend)) {
            String name = model.inputs().get(0).name();
            assertThatThrownBy(() -> model.run(Map.of())).isInstanceOf(ModelException.class)
                    .hasMessageContaining("liveness needs input '" + name + "'");
            assertThatThrownBy(() -> model.run(Map.of(name, input, "extra:0", input)))
                    .isInstanceOf(ModelException.class).hasMessageContaining("no input [extra:0]");
            assertThat(backend.memory().of(Owner.IN_FLIGHT).tensors()).isZero();
            assertThat(backend.memory().of(Owner.CALLER).tensors()).isEqualTo(1);
        }
    }

    @Test
    void anyNodeCanBeFetchedByNodeNameOrTensorNameEachOnce() {
        ModelGoldens.Golden golden = ModelGoldens.load("handtrack");
        String slice = "StatefulPartitionedCall/Postprocessor/Slice";
        try (TfGraphModel model = (TfGraphModel) backend.loadModel(LOADER.load(null, "handtrack.json"));
             TensorScope scope = backend.scope()) {
            Map<String, Tensor> feed = Map.of(model.inputs().get(0).name(), golden.input().toTensor(backend));

            Map<String, Tensor> byNode = model.run(feed, List.of(slice));
            Map<String, Tensor> byTensor = model.run(feed, List.of(slice + ":0"));

            assertThat(byNode.keySet()).containsExactly(slice);
            assertThat(byNode.get(slice).toFloats()).containsExactly(byTensor.get(slice + ":0").toFloats());
            assertThatThrownBy(() -> model.run(feed, List.of(slice, slice))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("repeat");
            assertThatThrownBy(() -> model.run(feed, List.of(slice + ":3"))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("has 1 outputs");
            assertThat(scope.size()).isEqualTo(3);
        }
    }

    @Test
    void weightsReadBackAsLoadedAndUnwrapToTheirGraphNode() {
        GraphModelDef def = LOADER.load(null, "emotion.json");
        try (TfGraphModel model = (TfGraphModel) backend.loadModel(def)) {
            Map<String, Tensor> weights = model.weights();
            assertThat(weights.keySet()).containsExactlyInAnyOrderElementsOf(def.weights().keySet());
            for (Map.Entry<String, Tensor> entry : weights.entrySet()) {
                WeightData expected = def.weights().get(entry.getKey());
                Tensor weight = entry.getValue();
                assertThat(weight.owner()).isEqualTo(Owner.MODEL);
                assertThat(weight.shape()).isEqualTo(expected.shape());
                assertThat(weight.dtype()).isEqualTo(expected.dtype());
                if (expected.dtype() == DType.FLOAT32) {
                    assertThat(weight.toFloats()).containsExactly(expected.floats());
                } else {
                    assertThat(weight.toInts()).containsExactly(expected.ints());
                }
                assertThat(weight.unwrap(TF_Operation.class)).isNotNull();
            }
        }
    }

    @Test
    void oneModelRunsOnSeveralThreadsAtOnceWithTheSameResults() throws Exception {
        ModelGoldens.Golden golden = ModelGoldens.load("blazeface");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (TfGraphModel model = (TfGraphModel) backend.loadModel(LOADER.load(null, "blazeface.json"));
             Tensor input = golden.input().toTensor(backend)) {
            Map<String, Tensor> feed = Map.of(model.inputs().get(0).name(), input);
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int task = 0; task < 6; task++) {
                results.add(pool.submit(() -> {
                    List<float[]> out = new ArrayList<>();
                    for (int run = 0; run < 10; run++) {
                        try (TensorScope scope = backend.scope()) {
                            out.add(model.run(feed).get("Identity_2:0").toFloats());
                            assertThat(scope.size()).isEqualTo(model.outputs().size());
                        }
                    }
                    return out;
                }));
            }
            float[] expected = golden.output("Identity_2:0").floats();
            for (Future<List<float[]>> result : results) {
                for (float[] values : result.get()) {
                    assertThat(ModelGoldens.compare(expected, values).matches()).isTrue();
                }
            }
            assertThat(backend.memory().tensors()).isEqualTo(1 + model.weights().size());
            assertThat(backend.engineLiveHandles()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
