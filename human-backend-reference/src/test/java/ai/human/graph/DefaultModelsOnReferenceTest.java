package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import ai.human.backend.reference.ReferenceBackend;
import ai.human.testing.ModelRatchet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Human's eleven default models through the executor on the pure-Java reference backend, against the TensorFlow.js
 * goldens (and the ratchet of the worst difference measured on it, {@link ModelRatchet}), with the memory bounds: few tensors alive at any time during a run, nothing left after it, nothing after
 * the model is closed.
 */
class DefaultModelsOnReferenceTest {
    /** Intermediates alive at once during a run: at most a tenth of the graph's nodes (and 4 for tiny graphs). */
    private static long peakBound(int nodes) {
        return Math.max(4, nodes / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness",
        "movenet-lightning", "handlandmark-lite", "handtrack", "centernet"})
    void matchesTheGoldensAndFreesEveryIntermediate(String model) {
        ModelGoldens.Golden golden = ModelGoldens.load(model);
        GraphModelDef def = new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, model + ".json");
        try (ReferenceBackend backend = new ReferenceBackend()) {
            LiveTensorPeak peak = LiveTensorPeak.watch(backend, backend.tracker());
            GraphExecutor executor = GraphExecutor.compile(backend, def);
            long weights = backend.memory().tensors();
            assertThat(backend.memory().of(Owner.MODEL).tensors()).isEqualTo(weights)
                    .isEqualTo(executor.weightCount());

            Tensor input = golden.input().toTensor(backend);
            List<String> names = golden.outputs().stream().map(ModelGoldens.GoldenTensor::name).toList();
            long baseline = backend.memory().tensors();
            peak.reset();
            long start = System.nanoTime();
            Map<String, Tensor> outputs = executor.run(Map.of(golden.input().name(), input), names);
            long millis = (System.nanoTime() - start) / 1_000_000;

            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "%-18s %5d ms on reference, %4d nodes, %4d tensors"
                    + " made, peak %3d intermediates, %3d weights, %s schedule", model, millis, def.nodes().size(),
                    peak.created(), peak.peak() - baseline, weights, executor.isDynamic() ? "dynamic" : "static"));
            for (ModelGoldens.GoldenTensor expected : golden.outputs()) {
                ModelGoldens.Difference d = ModelGoldens.assertClose(model + " " + expected.name(), expected,
                        outputs.get(expected.name()));
                ModelRatchet.Measured m = ModelRatchet.assertWithin(backend.name(), model, expected.name(),
                        expected.floats(), outputs.get(expected.name()).toFloats());
                report.append(String.format(Locale.ROOT, "%n    %-55s max |diff| %.3g, max rel %.3g", expected.name(), d.maxAbsDiff(),
                        m.maxRel()));
            }
            System.out.println(report);

            assertThat(peak.peak() - baseline).as("intermediates alive at once")
                    .isLessThanOrEqualTo(peakBound(def.nodes().size()));
            assertThat(backend.memory().tensors()).isEqualTo(baseline + outputs.size());
            outputs.values().forEach(Tensor::close);
            assertThat(backend.memory().tensors()).isEqualTo(baseline);
            input.close();
            executor.close();
            assertThat(backend.memory().tensors()).isZero();
        }
    }
}
