package ai.human.backend.djl.bench;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.backend.djl.models.DefaultModels;
import ai.human.backend.tf.TfBackend;
import ai.human.graph.GraphExecutor;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.config.LeakDetection;
import ai.human.tensor.Tensor;
import ai.human.testing.ModelGoldens;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Human's eleven models on DJL (generic executor over this backend's ops) next to TensorFlow native
 * ({@code TfBackend.loadModel}) and TensorFlow through the generic executor, in one process, interleaved run by run so
 * that a loaded machine slows all three alike. Prints each model's median and the ratios. Not a test:
 *
 * <pre>
 * mvn -o -q -pl human-backend-djl test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true \
 *     -cp human-backend-djl/target/test-classes:human-backend-djl/target/classes:$(cat human-backend-djl/target/cp.txt) \
 *     ai.human.backend.djl.bench.DjlModelBench runs=30 warmup=5
 * </pre>
 * Arguments {@code key=value}: {@code runs} (timed rounds, default 30), {@code warmup} (untimed rounds after the first
 * run, default 5), {@code models} (comma-separated, default all eleven), {@code signature} ({@code true} adds rows
 * for the signature outputs of the models where Human fetches inner nodes), {@code native} ({@code false} leaves
 * TensorFlow's native runs out); {@code djl.<option>} and {@code tf.<option>} are backend options (both default to
 * {@code threads=1}). Models are timed on the outputs Human fetches (handtrack's pre-NMS boxes and scores, CenterNet's
 * detections). When {@code TfBackend.loadModel} is the executor too (a build without the native path), the native
 * column says n/a.
 */
public final class DjlModelBench {
    private static final Set<String> FACE_ONLY = Set.of("blazeface", "facemesh", "iris", "emotion", "faceres",
            "antispoof", "liveness");

    private DjlModelBench() {
    }

    /** One way to run a model: a label, the model and its input. */
    private record Variant(String label, Model model, Map<String, Tensor> feed) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 30;
        int warmup = 5;
        boolean signature = false;
        List<String> models = DefaultModels.ALL;
        Map<String, String> djlOptions = new LinkedHashMap<>(Map.of("threads", "1"));
        Map<String, String> tfOptions = new LinkedHashMap<>(Map.of("threads", "1"));
        boolean withNative = true;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "runs" -> runs = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "models" -> models = List.of(kv[1].split(","));
                case "signature" -> signature = Boolean.parseBoolean(kv[1]);
                case "native" -> withNative = Boolean.parseBoolean(kv[1]);
                default -> {
                    if (kv[0].startsWith("djl.")) {
                        djlOptions.put(kv[0].substring(4), kv[1]);
                    } else if (kv[0].startsWith("tf.")) {
                        tfOptions.put(kv[0].substring(3), kv[1]);
                    } else {
                        throw new IllegalArgumentException("Unknown argument " + arg);
                    }
                }
            }
        }
        try (DjlBackend djl = new DjlBackend(new BackendOptions(LeakDetection.OFF, djlOptions));
             TfBackend tf = new TfBackend(new BackendOptions(LeakDetection.OFF, tfOptions))) {
            System.out.printf(Locale.ROOT,
                    "DJL %s vs TensorFlow %s; medians of %d interleaved rounds after %d warm-up rounds; ms%n",
                    djlOptions, tfOptions, runs, warmup);
            System.out.printf(Locale.ROOT,
                    "%-30s %9s %9s %9s %9s %9s %9s%n", "model", "DJL", "TF native", "TF exec", "DJL/nat",
                    "DJL/exec", "DJL 1st");
            double[] faceSum = new double[3];
            double[] allSum = new double[3];
            for (String name : models) {
                GraphModelDef def = DefaultModels.load(name);
                ModelGoldens.Golden golden = ModelGoldens.load(name);
                List<List<String>> fetchSets = new ArrayList<>();
                fetchSets.add(DefaultModels.humanFetches(name));
                if (signature && DefaultModels.humanFetches(name) != null) {
                    fetchSets.add(null);
                }
                try (Model onDjl = djl.loadModel(def);
                     Model onTf = tf.loadModel(def);
                     Model onTfExec = GraphExecutor.compile(tf, def, tf.tracker());
                     Tensor djlInput = golden.input().toTensor(djl);
                     Tensor tfInput = golden.input().toTensor(tf)) {
                    boolean tfNative = withNative && !(onTf instanceof GraphExecutor);
                    List<Variant> variants = new ArrayList<>();
                    variants.add(new Variant("djl", onDjl, Map.of(golden.input().name(), djlInput)));
                    if (tfNative) {
                        variants.add(new Variant("tf", onTf, Map.of(golden.input().name(), tfInput)));
                    }
                    variants.add(new Variant("tf-exec", onTfExec, Map.of(golden.input().name(), tfInput)));
                    for (List<String> fetches : fetchSets) {
                        double[] medians = time(variants, fetches, runs, warmup);
                        double djlMs = medians[0];
                        double nativeMs = tfNative ? medians[1] : Double.NaN;
                        double execMs = medians[variants.size() - 1];
                        String label = fetches == null && DefaultModels.humanFetches(name) != null
                                ? name + " (signature)" : name;
                        System.out.printf(Locale.ROOT, "%-30s %9.2f %9s %9.2f %9s %9.2f %9.1f%n", label, djlMs,
                                tfNative ? String.format(Locale.ROOT, "%.2f", nativeMs) : "n/a", execMs,
                                tfNative ? String.format(Locale.ROOT, "%.2f", djlMs / nativeMs) : "n/a", djlMs / execMs,
                                medians[medians.length - 1]);
                        if (fetches == DefaultModels.humanFetches(name)) {
                            double[] sums = FACE_ONLY.contains(name) ? faceSum : null;
                            for (double[] s : sums == null ? List.of(allSum) : List.of(faceSum, allSum)) {
                                s[0] += djlMs;
                                s[1] += nativeMs;
                                s[2] += execMs;
                            }
                        }
                    }
                }
            }
            printSum("sum, face models", faceSum);
            printSum("sum, all models", allSum);
        }
    }

    private static void printSum(String label, double[] sum) {
        System.out.printf(Locale.ROOT, "%-30s %9.2f %9s %9.2f %9s %9.2f%n", label, sum[0],
                Double.isNaN(sum[1]) ? "n/a" : String.format(Locale.ROOT, "%.2f", sum[1]), sum[2],
                Double.isNaN(sum[1]) ? "n/a" : String.format(Locale.ROOT, "%.2f", sum[0] / sum[1]), sum[0] / sum[2]);
    }

    /** Medians per variant (in order), then DJL's first run; rounds rotate which variant goes first. */
    private static double[] time(List<Variant> variants, List<String> fetches, int runs, int warmup)
            throws ReflectiveOperationException {
        int n = variants.size();
        double[] result = new double[n + 1];
        for (int v = 0; v < n; v++) {
            long start = System.nanoTime();
            runOnce(variants.get(v), fetches);
            if (v == 0) {
                result[n] = (System.nanoTime() - start) / 1e6;
            }
        }
        for (int i = 0; i < warmup; i++) {
            for (Variant variant : variants) {
                runOnce(variant, fetches);
            }
        }
        double[][] ms = new double[n][runs];
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < n; k++) {
                int v = (r + k) % n;
                long start = System.nanoTime();
                runOnce(variants.get(v), fetches);
                ms[v][r] = (System.nanoTime() - start) / 1e6;
            }
        }
        for (int v = 0; v < n; v++) {
            Arrays.sort(ms[v]);
            result[v] = runs % 2 == 1 ? ms[v][runs / 2] : (ms[v][runs / 2 - 1] + ms[v][runs / 2]) / 2;
        }
        return result;
    }

    /** Runs once and reads every output back, as a caller would. */
    private static void runOnce(Variant variant, List<String> fetches) throws ReflectiveOperationException {
        Map<String, Tensor> out = fetches == null ? variant.model().run(variant.feed())
                : runNamed(variant.model(), variant.feed(), fetches);
        for (Tensor t : out.values()) {
            t.toFloats();
            t.close();
        }
    }

    /**
     * {@code run(inputs, outputNames)}, which the executor and TensorFlow's native model both have but {@link Model}
     * does not declare.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> runNamed(Model model, Map<String, Tensor> feed, List<String> names)
            throws ReflectiveOperationException {
        Method run = model.getClass().getMethod("run", Map.class, List.class);
        try {
            return (Map<String, Tensor>) run.invoke(model, feed, names);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
