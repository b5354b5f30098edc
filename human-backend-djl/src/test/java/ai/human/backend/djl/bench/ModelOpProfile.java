package ai.human.backend.djl.bench;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.backend.djl.models.DefaultModels;
import ai.human.backend.spi.TensorTracker;
import ai.human.backend.tf.TfBackend;
import ai.human.graph.GraphExecutor;
import ai.human.config.LeakDetection;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a model's time goes, backend op by backend op, through the generic executor on DJL and on TensorFlow's eager
 * ops side by side (not a test). Arguments {@code key=value}: {@code models} (comma-separated, default blazeface),
 * {@code runs} (default 20), {@code warmup} (default 5), {@code top} (rows, default 15), {@code shapes} (key by
 * argument shapes too, default false), {@code backends} ({@code djl,tf}); anything else is a backend option.
 *
 * <pre>
 * java -cp ... ai.human.backend.djl.bench.ModelOpProfile models=blazeface shapes=true
 * </pre>
 */
public final class ModelOpProfile {
    private ModelOpProfile() {
    }

    public static void main(String[] args) {
        List<String> models = List.of("blazeface");
        List<String> backends = List.of("djl", "tf");
        int runs = 20;
        int warmup = 5;
        int top = 15;
        boolean shapes = false;
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "models" -> models = List.of(kv[1].split(","));
                case "backends" -> backends = List.of(kv[1].split(","));
                case "runs" -> runs = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "top" -> top = Integer.parseInt(kv[1]);
                case "shapes" -> shapes = Boolean.parseBoolean(kv[1]);
                default -> options.put(kv[0], kv[1]);
            }
        }
        BackendOptions backendOptions = new BackendOptions(LeakDetection.OFF, options);
        for (String which : backends) {
            try (Backend backend = "tf".equals(which) ? new TfBackend(backendOptions) : new DjlBackend(backendOptions)) {
                TensorTracker tracker = backend instanceof TfBackend tf ? tf.tracker() : ((DjlBackend) backend).tracker();
                for (String model : models) {
                    OpTimes times = new OpTimes(backend, shapes);
                    ModelGoldens.Golden golden = ModelGoldens.load(model);
                    List<String> fetches = DefaultModels.humanFetches(model);
                    try (GraphExecutor executor = times.compile(DefaultModels.load(model), tracker);
                         Tensor input = golden.input().toTensor(backend)) {
                        Map<String, Tensor> feed = Map.of(golden.input().name(), input);
                        for (int i = 0; i < warmup; i++) {
                            run(executor, feed, fetches);
                        }
                        times.reset();
                        long start = System.nanoTime();
                        for (int i = 0; i < runs; i++) {
                            run(executor, feed, fetches);
                        }
                        double ms = (System.nanoTime() - start) / 1e6 / runs;
                        System.out.printf(Locale.ROOT,
                                "%s on %s: %.2f ms per run (mean of %d)%n", model, which, ms, runs);
                        times.print(System.out, top, runs);
                    }
                }
            }
        }
    }

    private static void run(GraphExecutor executor, Map<String, Tensor> feed, List<String> fetches) {
        Map<String, Tensor> out = fetches == null ? executor.run(feed) : executor.run(feed, fetches);
        for (Tensor t : out.values()) {
            t.toFloats();
            t.close();
        }
    }
}
