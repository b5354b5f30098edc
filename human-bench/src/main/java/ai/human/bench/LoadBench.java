package ai.human.bench;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Milliseconds to load all eleven default models from the {@code human-models} jar onto a backend and warm them up
 * ({@code Human.create} with face, body, hand and object on, then {@code warmup()}: one run of each model), and to
 * create the backend itself. Single shots: the first iteration of each fork is a cold JVM (what an application's
 * start sees), later ones show the same work with classes loaded and compiled.
 *
 * <pre>
 * java -cp "$(cat human-bench/target/bench-classpath.txt):human-bench/target/classes" org.openjdk.jmh.Main \
 *     LoadBench -f 5 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Xss4m"})
@Warmup(iterations = 0)
@Measurement(iterations = 3)
public class LoadBench {
    /** The configuration: all eleven models, warm-up on. */
    static final HumanConfig CONFIG = BenchConfig.FULL.config(List.of("warmup=full"));

    /** {@link BenchBackend} id. */
    @Param({"tensorflow", "djl"})
    public String backend;

    private Backend created;
    private Human started;

    /** A backend made before the timed work, with the Human loaded on it in that work. */
    @State(Scope.Benchmark)
    public static class ExistingBackend {
        private Backend on;
        private Human human;

        @Setup(Level.Iteration)
        public void create(LoadBench bench) {
            on = BenchBackend.of(bench.backend).create(CONFIG);
        }

        @TearDown(Level.Iteration)
        public void close() {
            if (human != null) {
                human.close();
                human = null;
            }
            on.close();
        }
    }

    @TearDown(Level.Iteration)
    public void closeStarted() {
        if (started != null) {
            started.close();
            started = null;
        }
        if (created != null) {
            created.close();
            created = null;
        }
    }

    /** All eleven models loaded onto an existing backend and each run once ({@code warmup()}). */
    @Benchmark
    public int loadAndWarmUp(ExistingBackend existing) {
        BenchBackend kind = BenchBackend.of(backend);
        existing.human = Human.create(CONFIG, existing.on, def -> kind.load(existing.on, def));
        existing.human.warmup();
        return existing.human.hashCode();
    }

    /** An application's start: the backend created (in a cold JVM: its native library loaded), then as above. */
    @Benchmark
    public int startUp() {
        BenchBackend kind = BenchBackend.of(backend);
        created = kind.create(CONFIG);
        Backend on = created;
        started = Human.create(CONFIG, on, def -> kind.load(on, def));
        started.warmup();
        return started.hashCode();
    }
}
