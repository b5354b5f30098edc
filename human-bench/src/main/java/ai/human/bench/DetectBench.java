package ai.human.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds per image of {@code human.detect} on the six face-api samples ({@link #pipeline}), and of the same
 * images' model calls replayed on their own ({@link #floor}): the sum of the pipeline's raw model inference on the same
 * backend, recorded from a detect of each sample during setup. {@code pipeline / floor} is the pipeline's overhead
 * above its models. One invocation processes all six samples, so each score is the mean over them.
 *
 * <pre>
 * java -cp "$(cat human-bench/target/bench-classpath.txt):human-bench/target/classes" org.openjdk.jmh.Main \
 *     DetectBench -p backend=tensorflow -p config=full
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xss4m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class DetectBench {
    /** {@link BenchBackend} id. */
    @Param({"tensorflow", "djl"})
    public String backend;

    /** {@link BenchConfig} id. */
    @Param({"face-default", "face-multi", "full", "full-multi"})
    public String config;

    private PipelineFixture fixture;
    private final List<ModelCall.Prepared> calls = new ArrayList<>();

    @Setup
    public void setup() {
        fixture = PipelineFixture.open(BenchBackend.of(backend), BenchConfig.of(config));
        fixture.detectAll();
        for (List<ModelCall> imageCalls : fixture.recordCalls()) {
            for (ModelCall call : imageCalls) {
                calls.add(call.prepare(fixture.backend()));
            }
        }
        Map<String, Integer> perModel = new TreeMap<>();
        calls.forEach(c -> perModel.merge(c.modelName(), 1, Integer::sum));
        System.out.println("model calls in one pass over the six samples (" + backend + ", " + config + "): " + perModel);
    }

    @TearDown
    public void tearDown() {
        calls.forEach(ModelCall.Prepared::close);
        calls.clear();
        fixture.close();
    }

    /** The six samples through {@code detect}. */
    @Benchmark
    @OperationsPerInvocation(6)
    public int pipeline() {
        return fixture.detectAll();
    }

    /** The six samples' model calls replayed on their own. */
    @Benchmark
    @OperationsPerInvocation(6)
    public int floor() {
        int outputs = 0;
        for (ModelCall.Prepared call : calls) {
            outputs += call.run();
        }
        return outputs;
    }
}
