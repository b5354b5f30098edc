package ai.human.bench;

import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the load + warm-up time of {@link LoadBench} goes, model by model, in one fresh JVM: reading and parsing the
 * model files ({@code ModelLoader}), putting the graph on the backend ({@code loadModel}) and the first run on zeros
 * (what {@code warmup()} does). Not a JMH benchmark: a profile to read next to it.
 *
 * <pre>
 * java -cp "$(cat human-bench/target/bench-classpath.txt):human-bench/target/classes" ai.human.bench.LoadBreakdown djl
 * </pre>
 */
public final class LoadBreakdown {
    private static final List<String> MODELS = List.of("blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof",
            "liveness", "movenet-lightning", "handtrack", "handlandmark-lite", "centernet");

    private LoadBreakdown() {
    }

    public static void main(String[] args) {
        BenchBackend kind = BenchBackend.of(args.length > 0 ? args[0] : "tensorflow");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        long t0 = System.nanoTime();
        long c0 = cpu();
        try (Backend backend = kind.create(HumanConfig.defaults())) {
            System.out.printf(Locale.ROOT, "%s: backend created in %.0f ms (cpu %.0f ms); load average %.1f%n", kind.id(),
                    ms(t0), (cpu() - c0) / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (int round = 0; round < repeats; round++) {
                System.out.printf(Locale.ROOT, "%-18s %8s %8s %8s   %s%n", "model", "parse", "load", "first",
                        "(process CPU ms of each: the share of the machine this JVM got)");
                double[] total = new double[3];
                double[] cpuTotal = new double[3];
                List<Model> loaded = new ArrayList<>();
                ModelLoader loader = new ModelLoader();
                for (String name : MODELS) {
                    long a = System.nanoTime();
                    long ca = cpu();
                    GraphModelDef def = loader.load(ModelLoader.DEFAULT_BASE_PATH, name + ".json");
                    long b = System.nanoTime();
                    long cb = cpu();
                    Model model = kind.load(backend, def);
                    long c = System.nanoTime();
                    long cc = cpu();
                    backend.tidy(() -> model.run(zeros(backend, model)));
                    long d = System.nanoTime();
                    long cd = cpu();
                    double[] cpuParts = {(cb - ca) / 1e6, (cc - cb) / 1e6, (cd - cc) / 1e6};
                    loaded.add(model);
                    double[] parts = {(b - a) / 1e6, (c - b) / 1e6, (d - c) / 1e6};
                    for (int i = 0; i < 3; i++) {
                        total[i] += parts[i];
                        cpuTotal[i] += cpuParts[i];
                    }
                    System.out.printf(Locale.ROOT, "%-18s %8.0f %8.0f %8.0f   (cpu %.0f %.0f %.0f)%n", name, parts[0], parts[1],
                            parts[2], cpuParts[0], cpuParts[1], cpuParts[2]);
                }
                System.out.printf(Locale.ROOT, "%-18s %8.0f %8.0f %8.0f   = %.0f ms (cpu %.0f %.0f %.0f = %.0f ms)%n", "all",
                        total[0], total[1], total[2], total[0] + total[1] + total[2], cpuTotal[0], cpuTotal[1], cpuTotal[2],
                        cpuTotal[0] + cpuTotal[1] + cpuTotal[2]);
                loaded.forEach(Model::close);
            }
        }
    }

    private static Tensor zeros(Backend backend, Model model) {
        int[] dims = model.inputs().get(0).shape();
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dims[i] > 0 ? dims[i] : i == 0 ? 1 : 64;
        }
        Shape shape = Shape.of(dims);
        int size = (int) shape.size();
        DType dtype = model.inputs().get(0).dtype();
        return switch (dtype) {
            case INT32 -> backend.fromInts(new int[size], shape);
            case UINT8, BOOL -> backend.fromBytes(new byte[size], shape, dtype);
            case FLOAT32 -> backend.fromFloats(new float[size], shape);
        };
    }

    /** CPU time of the whole process (all threads, TensorFlow's and PyTorch's too), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
