package ai.human.backend.tf.executor;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.config.LeakDetection;
import ai.human.graph.GraphExecutor;
import ai.human.model.GraphModelDef;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times Human's eleven models through the generic graph executor on the TensorFlow backend's eager ops: load, first
 * run, then median and 90th percentile of steady runs on each golden input. Not a unit test; run it alone on a quiet
 * machine, one JVM per setting:
 *
 * <pre>
 * mvn -o -q -pl human-backend-tf dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp human-backend-tf/target/test-classes:human-backend-tf/target/classes:$(cat human-backend-tf/target/cp.txt) \
 *     ai.human.backend.tf.executor.ExecutorModelBench runs=50 warmup=5
 * </pre>
 * Arguments {@code key=value}: {@code runs}, {@code warmup}, {@code models} (comma-separated); anything else is a
 * backend option. Handtrack and CenterNet are timed on the outputs Human fetches (handtrack's pre-NMS boxes and
 * scores, which skip the model's own NMS loop) and on all signature outputs.
 */
public final class ExecutorModelBench {
    private static final Map<String, List<String>> HUMAN_FETCHES = Map.of(
            "handtrack", List.of("StatefulPartitionedCall/Postprocessor/Slice",
                    "StatefulPartitionedCall/Postprocessor/ExpandDims_1"),
            "centernet", List.of("tower_0/detections"));

    private ExecutorModelBench() {
    }

    public static void main(String[] args) {
        int runs = 50;
        int warmup = 5;
        List<String> models = List.of(ExecutorModels.ALL);
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "runs" -> runs = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "models" -> models = List.of(kv[1].split(","));
                default -> options.put(kv[0], kv[1]);
            }
        }
        try (TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, options))) {
            System.out.printf(Locale.ROOT,
                    "generic executor on TensorFlow eager ops, options %s, %d runs after %d warm-up%n",
                    options, runs, warmup);
            System.out.printf(Locale.ROOT,
                    "%-28s %8s %8s %9s %9s %6s%n", "model", "load ms", "first ms", "median ms", "p90 ms",
                    "nodes");
            for (String name : models) {
                GraphModelDef def = ExecutorModels.load(name);
                ModelGoldens.Golden golden = ModelGoldens.load(name);
                long loadStart = System.nanoTime();
                try (GraphExecutor executor = GraphExecutor.compile(backend, def, backend.tracker());
                     Tensor input = golden.input().toTensor(backend)) {
                    double loadMs = (System.nanoTime() - loadStart) / 1e6;
                    Map<String, Tensor> feed = Map.of(golden.input().name(), input);
                    time(name, executor, feed, null, loadMs, runs, warmup, def.nodes().size());
                    if (HUMAN_FETCHES.containsKey(name)) {
                        time(name + " (Human's outputs)", executor, feed, HUMAN_FETCHES.get(name), 0, runs, warmup,
                                def.nodes().size());
                    }
                }
            }
        }
    }

    private static void time(String label, GraphExecutor executor, Map<String, Tensor> feed, List<String> outputs,
            double loadMs, int runs, int warmup, int nodes) {
        long firstStart = System.nanoTime();
        runOnce(executor, feed, outputs);
        double firstMs = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 0; i < warmup; i++) {
            runOnce(executor, feed, outputs);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            runOnce(executor, feed, outputs);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-28s %8.0f %8.1f %9.2f %9.2f %6d%n", label, loadMs, firstMs, ms[runs / 2],
                ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1)], nodes);
    }

    private static void runOnce(GraphExecutor executor, Map<String, Tensor> feed, List<String> outputs) {
        Map<String, Tensor> out = outputs == null ? executor.run(feed) : executor.run(feed, outputs);
        for (Tensor t : out.values()) {
            t.toFloats(); // wait for the values, as a caller would
            t.close();
        }
    }
}
