package ai.human.backend.djl.bench;

import ai.human.backend.Activation;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.WeightUse;
import ai.human.backend.djl.DjlBackend;
import ai.human.backend.djl.internal.DjlEngine;
import ai.human.config.LeakDetection;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: times a BlazeFace-like stack of convolutions (5x5 stride-2 stem, then depthwise 3x3 + pointwise 1x1
 * residual blocks, stride-2 reductions) on the DJL backend with 1 and 2 PyTorch intra-op threads, alternating, with
 * warm-up, and prints medians. Run:
 *
 * <pre>
 * java -cp "$(cat cp.txt):target/classes:target/test-classes" ai.human.backend.djl.bench.DjlThreadsBench [size] [rounds]
 * </pre>
 */
public final class DjlThreadsBench {
    private DjlThreadsBench() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int passes = 15;
        try (DjlBackend backend = new DjlBackend(new BackendOptions(LeakDetection.OFF, Map.of("threads", "1")))) {
            Network net = new Network(backend, new Random(1));
            Tensor input = backend.fromFloats(random(size * size * 3, new Random(2)), Shape.of(1, size, size, 3));
            List<Double> one = new ArrayList<>();
            List<Double> two = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (int threads : r % 2 == 0 ? new int[] {1, 2} : new int[] {2, 1}) {
                    DjlEngine.setThreads(threads);
                    for (int w = 0; w < 3; w++) {
                        net.run(input);
                    }
                    for (int p = 0; p < passes; p++) {
                        long t0 = System.nanoTime();
                        net.run(input);
                        (threads == 1 ? one : two).add((System.nanoTime() - t0) / 1e6);
                    }
                }
            }
            System.out.printf(Locale.ROOT,
                    "input %dx%dx3, %d passes per setting: median %.2f ms with 1 thread, %.2f ms with 2 threads"
                            + " (min %.2f / %.2f); load average %.2f on %d cores%n", size, size, one.size(), median(one),
                    median(two), min(one), min(two), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Stem conv, then blocks of depthwise 3x3 + pointwise 1x1 with a residual add and ReLU. */
    private static final class Network {
        private final DjlBackend backend;
        private final Tensor stem;
        private final Tensor stemBias;
        private final List<Tensor[]> blocks = new ArrayList<>();

        Network(DjlBackend backend, Random random) {
            this.backend = backend;
            stem = backend.weight(random(5 * 5 * 3 * 24, random), Shape.of(5, 5, 3, 24), WeightUse.CONV2D_FILTER);
            stemBias = backend.fromFloats(random(24, random), Shape.of(24));
            int channels = 24;
            int[] widths = {24, 28, 32, 36, 42, 48, 56, 64, 72, 80, 88, 96, 96, 96, 96};
            for (int width : widths) {
                Tensor depthwise = backend.weight(random(9 * channels, random), Shape.of(3, 3, channels, 1),
                        WeightUse.DEPTHWISE_FILTER);
                Tensor pointwise = backend.weight(random(channels * width, random), Shape.of(1, 1, channels, width),
                        WeightUse.CONV2D_FILTER);
                Tensor bias = backend.fromFloats(random(width, random), Shape.of(width));
                blocks.add(new Tensor[] {depthwise, pointwise, bias});
                channels = width;
            }
        }

        void run(Tensor input) {
            try (TensorScope scope = backend.scope()) {
                Tensor x = backend.conv2d(input, stem, ConvSpec.of(2, Padding.SAME), Fused.of(stemBias, Activation.RELU));
                for (int i = 0; i < blocks.size(); i++) {
                    Tensor[] b = blocks.get(i);
                    int stride = i == 4 || i == 9 ? 2 : 1;
                    Tensor d = backend.depthwiseConv2d(x, b[0], ConvSpec.of(stride, Padding.SAME), Fused.NONE);
                    Tensor p = backend.conv2d(d, b[1], ConvSpec.of(1, Padding.SAME), Fused.bias(b[2]));
                    x = p.shape().equals(x.shape()) ? backend.binary(BinaryOp.ADD, p, x) : p;
                }
                x.toFloats();
                scope.size();
            }
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static float[] random(int n, Random random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat() * 0.2f - 0.1f;
        }
        return values;
    }
}
