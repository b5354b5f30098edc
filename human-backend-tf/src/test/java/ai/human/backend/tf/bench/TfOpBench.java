package ai.human.backend.tf.bench;

import ai.human.backend.Activation;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.WeightUse;
import ai.human.backend.tf.TfBackend;
import ai.human.config.LeakDetection;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Times a few ops of {@link TfBackend} (warm-up, then the median of many runs) to choose its thread defaults.
 * Not a unit test. TensorFlow sizes its CPU thread pool once per process, so run one JVM per setting:
 *
 * <pre>
 * mvn -o -q -pl human-backend-tf test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp human-backend-tf/target/test-classes:human-backend-tf/target/classes:$(cat human-backend-tf/target/cp.txt) \
 *     ai.human.backend.tf.bench.TfOpBench threads=1 interOpThreads=1 nativeFusion=true
 * </pre>
 * Each argument {@code key=value} becomes a backend option. Prints one line per op: median and p90 in ms, and the
 * process CPU time over wall time while it ran (about 1 when one core works, about 2 when two do).
 */
public final class TfOpBench {
    private static final int WARMUP = 30;
    private static final int RUNS = 150;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private TfOpBench() {
    }

    public static void main(String[] args) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            properties.put(kv[0], kv[1]);
        }
        Random random = new Random(42);
        try (TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, properties))) {
            System.out.println("options " + properties);
            Tensor image = backend.fromFloats(randoms(random, 1 * 128 * 128 * 32), Shape.of(1, 128, 128, 32));
            Tensor filter = backend.weight(randoms(random, 3 * 3 * 32 * 32), Shape.of(3, 3, 32, 32),
                    WeightUse.CONV2D_FILTER);
            Tensor depthFilter = backend.weight(randoms(random, 3 * 3 * 32), Shape.of(3, 3, 32, 1),
                    WeightUse.DEPTHWISE_FILTER);
            Tensor bias = backend.fromFloats(randoms(random, 32), Shape.of(32));
            Tensor alpha = backend.fromFloats(randoms(random, 32), Shape.of(32));
            Tensor big = backend.fromFloats(randoms(random, 1 * 480 * 640 * 3), Shape.of(1, 480, 640, 3));
            Tensor matrix = backend.fromFloats(randoms(random, 256 * 256), Shape.of(256, 256));
            Tensor rowBias = backend.fromFloats(randoms(random, 256), Shape.of(256));
            Tensor small = backend.fromFloats(randoms(random, 4), Shape.of(4));

            time("add float32[4] (per-op overhead)", () -> backend.binary(BinaryOp.ADD, small, small));
            time("conv2d 3x3 128x128x32->32 SAME", () -> backend.conv2d(image, filter, ConvSpec.of(1, Padding.SAME),
                    Fused.NONE));
            time("conv2d +bias+relu", () -> backend.conv2d(image, filter, ConvSpec.of(1, Padding.SAME),
                    Fused.of(bias, Activation.RELU)));
            time("conv2d +bias+prelu", () -> backend.conv2d(image, filter, ConvSpec.of(1, Padding.SAME),
                    Fused.prelu(bias, alpha)));
            time("conv2d stride 2 +bias+relu6", () -> backend.conv2d(image, filter, ConvSpec.of(2, Padding.SAME),
                    Fused.of(bias, Activation.RELU6)));
            time("depthwise 3x3 128x128x32 +bias+relu", () -> backend.depthwiseConv2d(image, depthFilter,
                    ConvSpec.of(1, Padding.SAME), Fused.of(bias, Activation.RELU)));
            time("matMul 256x256", () -> backend.matMul(matrix, matrix, false, false, Fused.NONE));
            time("matMul 256x256 +bias+relu", () -> backend.matMul(matrix, matrix, false, false,
                    Fused.of(rowBias, Activation.RELU)));
            time("resizeBilinear 480x640x3 -> 256x256", () -> backend.resizeBilinear(big, 256, 256, false, true));
            time("cropAndResize 4 boxes -> 192x192", () -> backend.cropAndResize(big,
                    new float[][] {{0, 0, 1, 1}, {0.1f, 0.1f, 0.5f, 0.5f}, {0.2f, 0.3f, 0.9f, 0.8f}, {0, 0, 0.5f, 1}},
                    new int[4], 192, 192));
            time("maxPool 2x2 128x128x32", () -> backend.maxPool(image, 2, 2, ConvSpec.of(2, Padding.SAME)));
            MiniNet net = new MiniNet(backend, random);
            Tensor face = backend.fromFloats(randoms(random, 1 * 128 * 128 * 3), Shape.of(1, 128, 128, 3));
            time("mini net: 7 conv/depthwise layers on 128x128x3", () -> net.run(face));
            System.out.println("live after bench: tracker " + backend.memory().tensors() + ", engine "
                    + backend.engineLiveHandles());
        }
    }

    /** A BlazeFace-like stack of convolutions, to time op sequences as the models run them. */
    private static final class MiniNet {
        private final TfBackend backend;
        private final Tensor[] filters;
        private final Tensor[] biases;
        private final boolean[] depthwise = {false, true, false, true, false, true, false};
        private final int[] strides = {2, 1, 1, 2, 1, 1, 1};

        MiniNet(TfBackend backend, Random random) {
            this.backend = backend;
            int[][] shapes = {{5, 5, 3, 24}, {3, 3, 24, 1}, {1, 1, 24, 28}, {3, 3, 28, 1}, {1, 1, 28, 32},
                {3, 3, 32, 1}, {1, 1, 32, 48}};
            filters = new Tensor[shapes.length];
            biases = new Tensor[shapes.length];
            for (int i = 0; i < shapes.length; i++) {
                Shape shape = Shape.of(shapes[i]);
                filters[i] = backend.fromFloats(randoms(random, (int) shape.size()), shape);
                int out = depthwise[i] ? shapes[i][2] : shapes[i][3];
                biases[i] = backend.fromFloats(randoms(random, out), Shape.of(out));
            }
        }

        Tensor run(Tensor input) {
            return backend.tidy(() -> {
                Tensor x = input;
                for (int i = 0; i < filters.length; i++) {
                    ConvSpec spec = ConvSpec.of(strides[i], Padding.SAME);
                    Fused fused = Fused.of(biases[i], Activation.RELU);
                    x = depthwise[i] ? backend.depthwiseConv2d(x, filters[i], spec, fused)
                            : backend.conv2d(x, filters[i], spec, fused);
                }
                return x;
            });
        }
    }

    private static void time(String name, Supplier<Tensor> op) {
        for (int i = 0; i < WARMUP; i++) {
            op.get().close();
        }
        double[] ms = new double[RUNS];
        long cpuStart = PROCESS.getProcessCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Tensor result = op.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
            result.close();
        }
        double cores = (PROCESS.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-42s median %8.3f ms   p90 %8.3f ms   cpu/wall %4.2f%n", name, ms[RUNS / 2],
                ms[RUNS * 9 / 10], cores);
    }

    private static float[] randoms(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
