package ai.human;

import ai.human.backend.Backend;
import ai.human.backend.BackendSelector;
import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.result.Result;
import ai.human.tensor.Tensor;
import ai.human.testing.FacePreset;
import ai.human.testing.SampleImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times the face pipeline on the six samples: per call, the time spent inside each model (measured around
 * {@code Model.run} in the pipeline) and the rest (image ops, read-backs, Java post-processing), as medians over
 * repeated calls after a warm-up. Not a unit test; run one JVM at a time on a quiet machine:
 *
 * <pre>
 * mvn -o -q -pl human-backend-tf test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp human-backend-tf/target/test-classes:human-backend-tf/target/classes:$(cat human-backend-tf/target/cp.txt) \
 *     ai.human.FaceTimings tensorflow 20 10
 * </pre>
 * Arguments: backend name, {@code maxDetected}, timed calls per image, {@code float} to pass a float32 image instead of
 * the uint8 one {@code decodeImage} gives (default: tensorflow 1 10).
 */
public final class FaceTimings {
    private FaceTimings() {
    }

    /** A model that adds the time of each run to a shared table. */
    private record TimedModel(Model model, Map<String, List<Double>> times) implements Model {
        @Override
        public String name() {
            return model.name();
        }

        @Override
        public List<TensorSpec> inputs() {
            return model.inputs();
        }

        @Override
        public List<TensorSpec> outputs() {
            return model.outputs();
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs) {
            long t0 = System.nanoTime();
            Map<String, Tensor> out = model.run(inputs);
            times.computeIfAbsent(name(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
            return out;
        }

        @Override
        public long weightBytes() {
            return model.weightBytes();
        }

        @Override
        public void close() {
            model.close();
        }
    }

    public static void main(String[] args) {
        String backendName = args.length > 0 ? args[0] : "tensorflow";
        int maxDetected = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        boolean floatInput = args.length > 3 && args[3].equals("float");
        HumanConfig config = FacePreset.config(maxDetected).withOverrides(List.of("backend=" + backendName, "cacheSensitivity=0"));
        Map<String, List<Double>> modelTimes = new ConcurrentHashMap<>();
        Map<String, double[]> opTimes = new ConcurrentHashMap<>();
        try (Backend backend = BackendSelector.fromEnvironment().select(config.backend()).provider()
                .create(Human.backendOptions(config));
             Human human = Human.create(config, timed(backend, opTimes),
                     def -> new TimedModel(backend.loadModel(def), modelTimes), Clock.SYSTEM)) {
            System.out.printf(Locale.ROOT, "backend %s, maxDetected %d, %d timed calls per image, medians in ms%n",
                    backendName, maxDetected, runs);
            System.out.printf(Locale.ROOT, "%-12s %5s %8s %8s %8s %8s   %s%n", "image", "faces", "detect", "models",
                    "other", "ratio", "per model (sum per call)");
            for (int n = 1; n <= 6; n++) {
                byte[] jpeg = SampleImages.bytes("sample" + n + ".jpg");
                try (Tensor decoded = human.decodeImage(jpeg);
                     Tensor image = floatInput ? backend.cast(decoded, ai.human.tensor.DType.FLOAT32) : backend.reshape(decoded, decoded.shape())) {
                    for (int i = 0; i < 3; i++) {
                        human.detect(image).close();
                    }
                    modelTimes.clear();
                    opTimes.clear();
                    double[] detect = new double[runs];
                    Map<String, double[]> perModel = new LinkedHashMap<>();
                    Map<String, List<Long>> perf = new LinkedHashMap<>();
                    int faces = 0;
                    for (int r = 0; r < runs; r++) {
                        Map<String, Double> before = sums(modelTimes);
                        long t0 = System.nanoTime();
                        try (Result result = human.detect(image)) {
                            detect[r] = (System.nanoTime() - t0) / 1e6;
                            faces = result.face().size();
                            result.performance().forEach((k, v) -> perf.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                        }
                        Map<String, Double> after = sums(modelTimes);
                        for (String model : after.keySet()) {
                            perModel.computeIfAbsent(model, k -> new double[runs])[r] = after.get(model) - before.getOrDefault(model, 0.0);
                        }
                    }
                    double[] modelsPerRun = new double[runs];
                    StringBuilder detail = new StringBuilder();
                    for (Map.Entry<String, double[]> e : perModel.entrySet()) {
                        for (int r = 0; r < runs; r++) {
                            modelsPerRun[r] += e.getValue()[r];
                        }
                        detail.append(String.format(Locale.ROOT, "%s %.1f  ", e.getKey(), median(e.getValue())));
                    }
                    double[] other = new double[runs];
                    for (int r = 0; r < runs; r++) {
                        other[r] = detect[r] - modelsPerRun[r];
                    }
                    System.out.printf(Locale.ROOT, "%-12s %5d %8.1f %8.1f %8.1f %8.3f   %s%n", "sample" + n + ".jpg", faces,
                            median(detect), median(modelsPerRun), median(other), median(detect) / median(modelsPerRun), detail);
                    double minModels = Arrays.stream(modelsPerRun).min().orElse(0);
                    double minOther = Arrays.stream(other).min().orElse(0);
                    System.out.printf(Locale.ROOT, "             least disturbed: models %.1f, other %.1f, ratio %.3f (minimum of each over the runs)%n",
                            minModels, minOther, (minModels + minOther) / minModels);
                    StringBuilder keys = new StringBuilder("             performance:");
                    perf.forEach((k, v) -> keys.append(' ').append(k).append('=').append(medianLong(v)));
                    System.out.println(keys);
                    StringBuilder ops = new StringBuilder("             backend calls per detect (count, ms):");
                    opTimes.forEach((k, v) -> ops.append(String.format(Locale.ROOT, " %s %.0f/%.2f", k, v[0] / runs, v[1] / runs)));
                    System.out.println(ops);
                }
            }
        }
    }

    /** {@code backend} with the count and time of every call added to {@code times} (method name: count, ms). */
    private static Backend timed(Backend backend, Map<String, double[]> times) {
        return (Backend) java.lang.reflect.Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    long t0 = System.nanoTime();
                    try {
                        return method.invoke(backend, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        double[] entry = times.computeIfAbsent(method.getName(), k -> new double[2]);
                        synchronized (entry) {
                            entry[0]++;
                            entry[1] += (System.nanoTime() - t0) / 1e6;
                        }
                    }
                });
    }

    private static Map<String, Double> sums(Map<String, List<Double>> times) {
        Map<String, Double> out = new LinkedHashMap<>();
        times.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).sum()));
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long medianLong(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
