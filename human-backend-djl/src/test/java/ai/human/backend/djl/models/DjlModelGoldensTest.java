package ai.human.backend.djl.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.graph.GraphExecutor;
import ai.human.model.Model;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import ai.human.testing.ModelRatchet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Human's eleven default models loaded with {@code DjlBackend.loadModel} (the generic graph executor over this
 * backend's ops) against the outputs Human 3.3.6 computed on TensorFlow.js, including the internal tensors Human
 * fetches from handtrack; each output also within the ratchet of its worst difference measured on DJL
 * ({@link ModelRatchet}, {@code golden/models/ratchet.json}).
 */
class DjlModelGoldensTest {
    private static DjlBackend backend;

    @BeforeAll
    static void open() {
        backend = new DjlBackend(BackendOptions.defaults());
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    static List<String> models() {
        return DefaultModels.ALL;
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyGoldenOutputMatchesWithinTolerance(String model) {
        ModelGoldens.Golden golden = ModelGoldens.load(model);
        List<String> names = DefaultModels.goldenOutputNames(golden);
        try (Model loaded = backend.loadModel(DefaultModels.load(model));
             Tensor input = golden.input().toTensor(backend)) {
            assertThat(loaded).as("DJL runs models through the generic executor").isInstanceOf(GraphExecutor.class);
            Map<String, Tensor> outputs = ((GraphExecutor) loaded).run(Map.of(golden.input().name(), input), names);
            try {
                StringBuilder report = new StringBuilder(model + " on DJL");
                for (ModelGoldens.GoldenTensor expected : golden.outputs()) {
                    Tensor actual = outputs.get(expected.name());
                    assertThat(actual).as("%s output %s", model, expected.name()).isNotNull();
                    ModelGoldens.Difference d = ModelGoldens.assertClose(model + " " + expected.name(), expected,
                            actual);
                    ModelRatchet.Measured m = ModelRatchet.assertWithin(backend.name(), model, expected.name(),
                            expected.floats(), actual.toFloats());
                    report.append(String.format(Locale.ROOT, "%n    %-55s max |diff| %.3g (worst at %d: %s vs %s), max rel %.3g",
                            expected.name(), d.maxAbsDiff(), d.worstIndex(), d.expected(), d.actual(), m.maxRel()));
                }
                System.out.println(report);
            } finally {
                outputs.values().forEach(Tensor::close);
            }
        }
    }
}
