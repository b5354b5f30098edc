package ai.human.backend.tf.bench;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.backend.tf.internal.graph.TfGraphModel;
import ai.human.config.LeakDetection;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times Human's eleven models on the TensorFlow backend: how long each takes from a parsed {@link GraphModelDef} to a
 * ready session ({@code loadModel}), its first run (TensorFlow optimises the graph and builds kernels then), and the
 * median and 90th percentile of its steady runs on its golden input. Not a unit test. One JVM per setting:
 *
 * <pre>
 * mvn -o -q -pl human-backend-tf test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp human-backend-tf/target/test-classes:human-backend-tf/target/classes:$(cat human-backend-tf/target/cp.txt) \
 *     ai.human.backend.tf.bench.TfModelBench runs=50 threads=1
 * </pre>
 * Arguments {@code key=value}: {@code runs} (timed runs per model, default 50), {@code warmup} (untimed runs after the
 * first, default 5), {@code models} (comma-separated, default all); anything else is a backend option.
 */
public final class TfModelBench {
    /** The outputs Human 3.3.6 itself fetches where they are not the signature's (handtrack: two inner nodes). */
    private static final Map<String, List<String>> HUMAN_FETCHES = Map.of(
            "handtrack", List.of("StatefulPartitionedCall/Postprocessor/Slice",
                    "StatefulPartitionedCall/Postprocessor/ExpandDims_1"),
            "centernet", List.of("tower_0/detections"));

    private TfModelBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        int runs = 50;
        int warmup = 5;
        List<String> models = ModelGoldens.models();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "runs" -> runs = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "models" -> models = List.of(kv[1].split(","));
                default -> options.put(kv[0], kv[1]);
            }
        }
        ModelLoader loader = new ModelLoader();
        long parseStart = System.nanoTime();
        List<GraphModelDef> defs = new ArrayList<>();
        for (String name : models) {
            defs.add(loader.load(null, name + ".json"));
        }
        double parseMs = millis(parseStart);

        long backendStart = System.nanoTime();
        try (TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, options))) {
            double backendMs = millis(backendStart);
            System.out.printf(Locale.ROOT,
                    "options %s; parsing %d model files %.0f ms; backend %.0f ms%n", options, defs.size(),
                    parseMs, backendMs);
            System.out.printf(Locale.ROOT,
                    "%-18s %8s %8s %9s %9s %8s%n", "model", "load ms", "first ms", "median ms", "p90 ms",
                    "remapper");
            double totalLoad = 0;
            double totalFirst = 0;
            List<Model> loaded = new ArrayList<>();
            for (GraphModelDef def : defs) {
                ModelGoldens.Golden golden = ModelGoldens.load(def.name());
                long loadStart = System.nanoTime();
                Model model = backend.loadModel(def);
                double loadMs = millis(loadStart);
                loaded.add(model);
                try (Tensor input = golden.input().toTensor(backend)) {
                    Map<String, Tensor> feed = Map.of(model.inputs().get(0).name(), input);
                    double firstMs = time(model, feed);
                    for (int i = 0; i < warmup; i++) {
                        time(model, feed);
                    }
                    double[] times = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        times[i] = time(model, feed);
                    }
                    Arrays.sort(times);
                    System.out.printf(Locale.ROOT, "%-18s %8.0f %8.0f %9.2f %9.2f %8s%n", def.name(), loadMs, firstMs,
                            times[runs / 2], times[(int) Math.min(runs - 1, Math.ceil(runs * 0.9) - 1)],
                            ((TfGraphModel) model).remapper() ? "on" : "off");
                    List<String> humanFetches = HUMAN_FETCHES.get(def.name());
                    if (humanFetches != null) {
                        TfGraphModel tfModel = (TfGraphModel) model;
                        double first = timeFetching(tfModel, feed, humanFetches);
                        for (int i = 0; i < warmup; i++) {
                            timeFetching(tfModel, feed, humanFetches);
                        }
                        for (int i = 0; i < runs; i++) {
                            times[i] = timeFetching(tfModel, feed, humanFetches);
                        }
                        Arrays.sort(times);
                        System.out.printf(Locale.ROOT,
                                "%-18s %8s %8.0f %9.2f %9.2f   (Human's fetches %s)%n", "", "", first,
                                times[runs / 2], times[(int) Math.min(runs - 1, Math.ceil(runs * 0.9) - 1)],
                                humanFetches);
                    }
                    totalLoad += loadMs;
                    totalFirst += firstMs;
                }
            }
            System.out.printf(Locale.ROOT,
                    "all %d: load %.0f ms + first runs %.0f ms = %.0f ms (backend creation %.0f ms more)%n",
                    defs.size(), totalLoad, totalFirst, totalLoad + totalFirst, backendMs);
            loaded.forEach(Model::close);
        }
    }

    /** One run, its outputs closed at once (part of the time, as in a pipeline stage). */
    private static double time(Model model, Map<String, Tensor> feed) {
        long start = System.nanoTime();
        model.run(feed).values().forEach(Tensor::close);
        return millis(start);
    }

    private static double timeFetching(TfGraphModel model, Map<String, Tensor> feed, List<String> outputs) {
        long start = System.nanoTime();
        model.run(feed, outputs).values().forEach(Tensor::close);
        return millis(start);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
