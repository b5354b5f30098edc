package ai.human.bench;

import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Images per second through one shared {@code Human} when {@code detect} is called from 1 and from 2 threads at once
 * (caching is off, so calls run in parallel). Each thread passes over the six samples with its own image tensors.
 *
 * <pre>
 * java -cp "$(cat human-bench/target/bench-classpath.txt):human-bench/target/classes" org.openjdk.jmh.Main \
 *     ThroughputBench -p backend=tensorflow -p config=full
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xss4m"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class ThroughputBench {
    /** {@link BenchBackend} id. */
    @Param({"tensorflow", "djl"})
    public String backend;

    /** {@link BenchConfig} id. */
    @Param({"full"})
    public String config;

    private PipelineFixture fixture;

    /** One calling thread's copy of the images. */
    @State(Scope.Thread)
    public static class Caller {
        private final List<Tensor> images = new ArrayList<>();

        @Setup
        public void copyImages(ThroughputBench bench) {
            for (Tensor image : bench.fixture.images()) {
                images.add(bench.fixture.backend().reshape(image, image.shape()));
            }
        }

        @TearDown
        public void close() {
            images.forEach(Tensor::close);
        }
    }

    @Setup
    public void setup() {
        fixture = PipelineFixture.open(BenchBackend.of(backend), BenchConfig.of(config));
        fixture.detectAll();
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    /** Six detects from one thread. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(6)
    public int oneThread(Caller caller) {
        return detectAll(caller);
    }

    /** Six detects per thread, from two threads at once. */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(6)
    public int twoThreads(Caller caller) {
        return detectAll(caller);
    }

    private int detectAll(Caller caller) {
        int found = 0;
        for (Tensor image : caller.images) {
            found += fixture.detect(image);
        }
        return found;
    }
}
