package ai.human.backend.tf.executor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.config.LeakDetection;
import ai.human.graph.GraphExecutor;
import ai.human.model.GraphModelDef;
import ai.human.tensor.Owner;
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
 * Human's eleven models through the generic graph executor on the TensorFlow backend's ops (not its native graph
 * path), against the TensorFlow.js goldens: the executor carries no assumption of the pure-Java reference backend. Also
 * held to the ratchet of the worst differences measured on this path ({@link ModelRatchet}, entry
 * {@value #RATCHET_NAME}).
 */
class GenericExecutorOnTfTest {
    /** This path's entry in {@code golden/models/ratchet.json} (the native path is {@code tensorflow}). */
    static final String RATCHET_NAME = "tensorflow-executor";
    private static TfBackend backend;

    @BeforeAll
    static void open() {
        backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    static String[] models() {
        return ExecutorModels.ALL;
    }

    @ParameterizedTest
    @MethodSource("models")
    void matchesTheGoldensOnTensorFlowOps(String model) {
        ModelGoldens.Golden golden = ModelGoldens.load(model);
        GraphModelDef def = ExecutorModels.load(model);
        long beforeLoad = backend.memory().tensors();
        GraphExecutor executor = GraphExecutor.compile(backend, def, backend.tracker());
        assertThat(backend.memory().of(Owner.MODEL).tensors()).isEqualTo(executor.weightCount());
        assertThat(backend.memory().of(Owner.MODEL).bytes()).isEqualTo(executor.weightBytes());

        Tensor input = golden.input().toTensor(backend);
        List<String> names = golden.outputs().stream().map(ModelGoldens.GoldenTensor::name).toList();
        long baseline = backend.memory().tensors();
        Map<String, Tensor> outputs = executor.run(Map.of(golden.input().name(), input), names);

        StringBuilder report = new StringBuilder(model + " on TensorFlow ops (" + (executor.isDynamic() ? "dynamic"
                : "static") + " schedule)");
        for (ModelGoldens.GoldenTensor expected : golden.outputs()) {
            ModelGoldens.Difference d = ModelGoldens.assertClose(model + " " + expected.name(), expected,
                    outputs.get(expected.name()));
            ModelRatchet.Measured m = ModelRatchet.assertWithin(RATCHET_NAME, model, expected.name(), expected.floats(),
                    outputs.get(expected.name()).toFloats());
            report.append(String.format(Locale.ROOT, "%n    %-55s max |diff| %.3g (worst at %d: %s vs %s), max rel %.3g",
                    expected.name(), d.maxAbsDiff(), d.worstIndex(), d.expected(), d.actual(), m.maxRel()));
        }
        System.out.println(report);

        assertThat(backend.memory().tensors()).isEqualTo(baseline + outputs.size());
        outputs.values().forEach(Tensor::close);
        assertThat(backend.memory().tensors()).isEqualTo(baseline);
        assertThat(backend.engineLiveHandles()).as("native handles").isEqualTo(baseline);
        input.close();
        executor.close();
        assertThat(backend.memory().tensors()).isEqualTo(beforeLoad);
        assertThat(backend.engineLiveHandles()).isEqualTo(beforeLoad);
    }
}
