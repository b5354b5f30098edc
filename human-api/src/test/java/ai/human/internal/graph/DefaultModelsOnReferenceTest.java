package ai.human.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.testing.ModelGoldens;
import ai.human.testing.ReferenceBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultModelsOnReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness",
        "movenet-lightning", "handlandmark-lite", "handtrack", "centernet"})
    @SuppressWarnings("try")
    void matchesGoldens(String model) {
        ModelGoldens.Golden golden = ModelGoldens.load(model);
        GraphModelDef def = new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, model + ".json");
        try (ReferenceBackend backend = new ReferenceBackend();
             GraphExecutor executor = GraphExecutor.compile(backend, def);
             TensorScope scope = backend.scope()) {
            Tensor input = golden.input().toTensor(backend);
            List<String> names = golden.outputs().stream().map(ModelGoldens.GoldenTensor::name).toList();
            long t0 = System.nanoTime();
            Map<String, Tensor> outputs = executor.run(Map.of(golden.input().name(), input), names);
            long t1 = System.nanoTime();
            StringBuilder report = new StringBuilder(model + " " + (t1 - t0) / 1_000_000 + " ms, dynamic="
                    + executor.isDynamic() + ", folded=" + executor.foldedNodeCount() + ", weights="
                    + executor.weightCount());
            for (ModelGoldens.GoldenTensor expected : golden.outputs()) {
                Tensor actual = outputs.get(expected.name());
                assertThat(actual).as(expected.name()).isNotNull();
                ModelGoldens.Difference d = ModelGoldens.compare(expected.floats(), actual.toFloats());
                report.append("\n  ").append(expected.name()).append(" max|diff| ").append(d.maxAbsDiff())
                        .append(" mismatches ").append(d.mismatches());
            }
            System.out.println(report);
        }
    }
}
