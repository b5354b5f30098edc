package ai.human.backend.tf.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.backend.tf.internal.graph.TfGraphModel;
import ai.human.config.LeakDetection;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.model.TensorSpec;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.testing.ModelGoldens;
import ai.human.testing.ModelGoldens.Golden;
import ai.human.testing.ModelGoldens.GoldenTensor;
import ai.human.testing.ModelRatchet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every output of each of Human's eleven models, run natively in TensorFlow, against what TensorFlow.js 4.22 computed
 * for the same input (golden/models): within 2e-3 absolute or 1e-4 relative, element by element, and within the ratchet
 * of the worst difference measured on this backend ({@link ModelRatchet}, {@code golden/models/ratchet.json}).
 */
class TfModelGoldenTest {
    private static final Logger LOG = LoggerFactory.getLogger(TfModelGoldenTest.class);
    private static TfBackend backend;
    private static final ModelLoader LOADER = new ModelLoader();

    @BeforeAll
    static void createBackend() {
        backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));
    }

    @AfterAll
    static void closeBackend() {
        backend.close();
    }

    static List<String> models() {
        return ModelGoldens.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyOutputMatchesTensorFlowJs(String name) {
        Golden golden = ModelGoldens.load(name);
        GraphModelDef def = LOADER.load(null, name + ".json");
        List<String> fetched = golden.outputs().stream().map(GoldenTensor::name).toList();
        try (Model model = backend.loadModel(def); TensorScope scope = backend.scope()) {
            TensorSpec input = model.inputs().get(0);
            Tensor inputTensor = golden.input().toTensor(backend);
            Map<String, Tensor> outputs = ((TfGraphModel) model).run(Map.of(input.name(), inputTensor), fetched);

            assertThat(outputs.keySet()).containsExactlyElementsOf(fetched);
            assertThat(scope.size()).as("tensors left in the scope: the input and the outputs").isEqualTo(
                    1 + fetched.size());
            for (GoldenTensor expected : golden.outputs()) {
                Tensor actual = outputs.get(expected.name());
                assertThat(actual.shape()).as(expected.name()).isEqualTo(expected.tensorShape());
                float[] values = actual.toFloats();
                ModelGoldens.Difference d = ModelGoldens.assertClose(name + " " + expected.name(),
                        expected.floats(), values, expected.shape());
                ModelRatchet.Measured m = ModelRatchet.assertWithin(backend.name(), name, expected.name(),
                        expected.floats(), values);
                LOG.info("{} {}: max |diff| {}, max relative diff {}", name, expected.name(), d.maxAbsDiff(), m.maxRel());
            }
        }
    }
}
