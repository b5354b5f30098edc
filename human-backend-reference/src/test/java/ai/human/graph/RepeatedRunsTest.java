package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import ai.human.backend.reference.ReferenceBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatedRunsTest {

    @Test
    void aHundredRunsLeaveNoGrowthAndClosingTheModelReturnsToThePreLoadBaseline() {
        ModelGoldens.Golden golden = ModelGoldens.load("liveness");
        GraphModelDef def = new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, "liveness.json");
        try (ReferenceBackend backend = new ReferenceBackend()) {
            Tensor input = golden.input().toTensor(backend);
            MemoryInfo beforeLoad = backend.memory();
            GraphExecutor executor = GraphExecutor.compile(backend, def);
            MemoryInfo loaded = backend.memory();
            float[] first = null;

            for (int i = 0; i < 100; i++) {
                Map<String, Tensor> out = executor.run(Map.of(golden.input().name(), input));
                float[] values = out.get("Identity:0").toFloats();
                first = first == null ? values : first;
                assertThat(values).containsExactly(first);
                out.values().forEach(Tensor::close);
            }

            MemoryInfo after = backend.memory();
            assertThat(after.tensors()).isEqualTo(loaded.tensors());
            assertThat(after.bytes()).isEqualTo(loaded.bytes());
            assertThat(backend.liveArrays()).isEqualTo(loaded.tensors());
            executor.close();
            assertThat(backend.memory().tensors()).isEqualTo(beforeLoad.tensors());
            assertThat(backend.memory().bytes()).isEqualTo(beforeLoad.bytes());
        }
    }
}
