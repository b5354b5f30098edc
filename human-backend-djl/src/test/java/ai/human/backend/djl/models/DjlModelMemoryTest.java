package ai.human.backend.djl.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.backend.spi.LeakReport;
import ai.human.graph.GraphExecutor;
import ai.human.model.Model;
import ai.human.config.LeakDetection;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Memory of the eleven default models on DJL: weights are counted under {@link Owner#MODEL}, a hundred runs leave
 * count and bytes where they were, DJL's own array count agrees with the framework's before and after, and closing
 * the model frees everything it held.
 */
class DjlModelMemoryTest {
    private static final int RUNS = 100;
    private static final List<LeakReport> LEAKS = new CopyOnWriteArrayList<>();
    private static DjlBackend backend;

    @BeforeAll
    static void open() {
        backend = new DjlBackend(new BackendOptions(LeakDetection.ALL, Map.of()));
        backend.tracker().addLeakListener(LEAKS::add);
    }

    @AfterAll
    static void close() {
        backend.close();
        assertThat(backend.engineLiveArrays()).isZero();
    }

    static List<String> models() {
        return DefaultModels.ALL;
    }

    @ParameterizedTest
    @MethodSource("models")
    void hundredRunsReturnToTheBaselineAndClosingTheModelFreesItsWeights(String model) {
        ModelGoldens.Golden golden = ModelGoldens.load(model);
        MemoryInfo beforeLoad = backend.memory();
        assertEngineAgrees(beforeLoad);

        Model loaded = backend.loadModel(DefaultModels.load(model));
        GraphExecutor executor = (GraphExecutor) loaded;
        MemoryInfo afterLoad = backend.memory();
        assertThat(afterLoad.of(Owner.MODEL).tensors() - beforeLoad.of(Owner.MODEL).tensors())
                .as("%s weights counted under MODEL", model).isEqualTo(executor.weightCount());
        assertThat(afterLoad.of(Owner.MODEL).bytes() - beforeLoad.of(Owner.MODEL).bytes())
                .as("%s weight bytes under MODEL", model).isEqualTo(executor.weightBytes());
        assertThat(afterLoad.tensors() - beforeLoad.tensors()).isEqualTo(executor.weightCount());
        assertEngineAgrees(afterLoad);

        Tensor input = golden.input().toTensor(backend);
        Map<String, Tensor> feed = Map.of(golden.input().name(), input);
        List<String> fetches = DefaultModels.humanFetches(model);
        MemoryInfo baseline = backend.memory();
        assertEngineAgrees(baseline);
        for (int i = 0; i < RUNS; i++) {
            // alternate the signature outputs with the outputs Human fetches, where they differ
            Map<String, Tensor> outputs = fetches != null && i % 2 == 1 ? executor.run(feed, fetches)
                    : executor.run(feed);
            MemoryInfo during = backend.memory();
            assertThat(during.tensors()).as("%s run %d: live tensors are the baseline plus the outputs", model, i)
                    .isEqualTo(baseline.tensors() + outputs.size());
            assertEngineAgrees(during);
            for (Tensor t : outputs.values()) {
                t.toFloats();
                t.close();
            }
            MemoryInfo after = backend.memory();
            assertThat(after.tensors()).as("%s tensors after run %d", model, i).isEqualTo(baseline.tensors());
            assertThat(after.bytes()).as("%s bytes after run %d", model, i).isEqualTo(baseline.bytes());
        }
        assertEngineAgrees(backend.memory());

        input.close();
        loaded.close();
        MemoryInfo afterClose = backend.memory();
        assertThat(afterClose.tensors()).as("%s: closing the model frees its weights", model)
                .isEqualTo(beforeLoad.tensors());
        assertThat(afterClose.bytes()).isEqualTo(beforeLoad.bytes());
        assertThat(afterClose.of(Owner.MODEL)).isEqualTo(beforeLoad.of(Owner.MODEL));
        assertEngineAgrees(afterClose);
        assertThat(LEAKS).as("tensors found unreachable while open").isEmpty();
    }

    /** DJL's own count of live arrays and their bytes equal the framework's. */
    private static void assertEngineAgrees(MemoryInfo memory) {
        assertThat(backend.engineLiveArrays()).as("DJL's managed arrays").isEqualTo(memory.tensors());
        assertThat(backend.engineLiveBytes()).as("bytes of DJL's managed arrays").isEqualTo(memory.bytes());
    }
}
