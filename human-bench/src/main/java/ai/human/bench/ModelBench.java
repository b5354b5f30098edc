package ai.human.bench;

import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds per raw inference of each of Human's eleven models on each backend, on the input Human 3.3.6 fed it
 * ({@code golden/models/<model>/}) and fetching the outputs Human fetches (handtrack's pre-NMS boxes and scores,
 * CenterNet's detections); outputs are closed at once, as in a pipeline stage.
 *
 * <pre>
 * java -cp "$(cat human-bench/target/bench-classpath.txt):human-bench/target/classes" org.openjdk.jmh.Main \
 *     ModelBench -p backend=tensorflow,djl -p model=blazeface
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ModelBench {
    /** {@link BenchBackend} id. */
    @Param({"tensorflow", "tensorflow-executor", "djl"})
    public String backend;

    /** Model file name without {@code .json}. */
    @Param({"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness", "movenet-lightning",
        "handtrack", "handlandmark-lite", "centernet"})
    public String model;

    private Backend on;
    private Model loaded;
    private Map<String, Tensor> inputs;
    private List<String> outputs;

    @Setup
    public void setup() {
        BenchBackend kind = BenchBackend.of(backend);
        on = kind.create(HumanConfig.defaults());
        loaded = kind.load(on, new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, model + ".json"));
        GoldenInput golden = GoldenInput.load(model);
        String name = golden.name() != null ? golden.name() : loaded.inputs().get(0).name();
        inputs = Map.of(name, golden.toTensor(on, loaded.inputs().get(0).dtype()));
        outputs = golden.outputs();
    }

    @TearDown
    public void tearDown() {
        inputs.values().forEach(Tensor::close);
        loaded.close();
        on.close();
    }

    /** One run of the model. */
    @Benchmark
    public int infer() {
        Map<String, Tensor> out = outputs.isEmpty() ? loaded.run(inputs) : loaded.run(inputs, outputs);
        out.values().forEach(Tensor::close);
        return out.size();
    }
}
