package ai.human.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ratchet of the per-model goldens ({@link ModelGoldens}): for each backend, model and output the worst difference
 * from TensorFlow.js that was measured, committed in {@code golden/models/ratchet.json} (the same file the kit in
 * {@code human-tck} packages and checks in {@code MOD-01}, {@code MOD-06} and {@code MOD-07}). An output must stay within
 * {@value #MARGIN} times its measured worst difference, both
 *
 * <ul>
 * <li>{@code maxAbs}: the largest absolute difference of any element, with a floor of one float32 ulp of the output's
 *     largest golden magnitude (the smallest difference float32 can show there: an output measured exact, such as
 *     handtrack's detection count, must stay exact); and</li>
 * <li>{@code maxRel}: the largest relative difference {@code |actual - expected| / |expected|} of the elements with
 *     {@code |expected| >= 1} (below 1 the absolute difference is the meaningful one; a relative one explodes near 0),
 *     with a floor of 2^-23; absent for an output whose elements are all below 1;</li>
 * </ul>
 *
 * <p>on top of the spec's element-wise {@value ModelGoldens#ABSOLUTE_TOLERANCE} absolute or
 * {@value ModelGoldens#RELATIVE_TOLERANCE} relative ({@link ModelGoldens#assertClose}), which stays the outer bound. A
 * backend the file does not list is held to the spec only.
 *
 * <p>Re-measure (writes the file instead of checking the ratchet; the spec is still checked):
 * <pre>
 * mvn -B -pl human-backend-tf,human-backend-djl -am verify -Dhuman.ratchet.record=true \
 *     -Dtest='TfModelGoldenTest,GenericExecutorOnTfTest,DjlModelGoldensTest,DefaultModelsOnReferenceTest' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
public final class ModelRatchet {
    /** The data file, relative to the {@code golden/} folder. */
    public static final String FILE = "models/ratchet.json";
    /** The margin over the measured worst difference. */
    public static final double MARGIN = 2;
    /** Elements at least this large in magnitude count for the relative difference. */
    public static final double RELATIVE_FROM = 1;
    /** The floor of the relative limit. */
    public static final double RELATIVE_FLOOR = Math.ulp(1f);
    /** The command that re-measures the file (also written into it). */
    public static final String COMMAND = "mvn -B -pl human-backend-tf,human-backend-djl -am verify"
            + " -Dhuman.ratchet.record=true -Dtest='TfModelGoldenTest,GenericExecutorOnTfTest,DjlModelGoldensTest,DefaultModelsOnReferenceTest'"
            + " -Dsurefire.failIfNoSpecifiedTests=false";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelRatchet() {
    }

    /**
     * How far an output is from its golden.
     *
     * @param maxAbs       largest absolute difference (NaN when a value is NaN on one side only)
     * @param maxRel       largest relative difference of the elements with {@code |expected| >= 1}; NaN when none is
     * @param maxMagnitude largest {@code |expected|}
     */
    public record Measured(double maxAbs, double maxRel, double maxMagnitude) {
    }

    /** Measures {@code actual} against {@code expected}. */
    public static Measured measure(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            return new Measured(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
        }
        double maxAbs = 0;
        double maxRel = Double.NaN;
        double magnitude = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            double diff = Double.compare(e, a) == 0 ? 0 : Math.abs(a - e);
            if (Double.isNaN(diff)) {
                maxAbs = Double.NaN;
            } else if (!Double.isNaN(maxAbs)) {
                maxAbs = Math.max(maxAbs, diff);
            }
            if (Double.isFinite(e)) {
                magnitude = Math.max(magnitude, Math.abs(e));
                if (Math.abs(e) >= RELATIVE_FROM) {
                    double rel = diff / Math.abs(e);
                    maxRel = Double.isNaN(maxRel) ? rel : Double.isNaN(rel) ? rel : Math.max(maxRel, rel);
                }
            }
        }
        return new Measured(maxAbs, maxRel, magnitude);
    }

    /** The absolute limit for a recorded worst difference of an output whose largest golden magnitude is given. */
    public static double absoluteLimit(double recorded, double magnitude) {
        return Math.max(MARGIN * recorded, Math.ulp((float) magnitude));
    }

    /** The relative limit for a recorded worst relative difference. */
    public static double relativeLimit(double recorded) {
        return Math.max(MARGIN * recorded, RELATIVE_FLOOR);
    }

    /** Whether this run records measurements instead of checking them. */
    public static boolean recording() {
        return FidelityRatchet.recording();
    }

    /** The data file. */
    public static Path file() {
        return ModelGoldens.root().resolve(FILE);
    }

    /** The recorded worst difference of one output on one backend, if any. */
    public static Optional<JsonNode> recorded(String backend, String model, String output) {
        JsonNode node = read().path("backends").path(backend).path(model).path(output);
        return node.isObject() ? Optional.of(node) : Optional.empty();
    }

    /** Whether the file lists {@code backend}. */
    public static boolean lists(String backend) {
        return read().path("backends").has(backend);
    }

    /**
     * Holds one output to its ratchet (or records it while {@linkplain #recording() recording}): the failure, or empty.
     */
    public static Optional<String> check(String backend, String model, String output, float[] expected, float[] actual) {
        Measured m = measure(expected, actual);
        if (recording()) {
            record(backend, model, output, m);
            return Optional.empty();
        }
        if (!lists(backend)) {
            System.out.printf(Locale.ROOT, "No model ratchet recorded for backend '%s' in %s: held to the spec only%n",
                    backend, FILE);
            return Optional.empty();
        }
        Optional<JsonNode> recorded = recorded(backend, model, output);
        if (recorded.isEmpty()) {
            return Optional.of(String.format(Locale.ROOT, "%s %s %s: no ratchet value in %s; re-measure with -D%s=true",
                    backend, model, output, FILE, FidelityRatchet.RECORD_PROPERTY));
        }
        return compare(backend + " " + model + " " + output, m, recorded.get());
    }

    /** {@link #check} that throws the failure. */
    public static Measured assertWithin(String backend, String model, String output, float[] expected, float[] actual) {
        check(backend, model, output, expected, actual).ifPresent(failure -> {
            throw new AssertionError(failure);
        });
        return measure(expected, actual);
    }

    /** Compares a measurement with a recorded entry ({@code maxAbs}, optional {@code maxRel}). */
    static Optional<String> compare(String what, Measured m, JsonNode recorded) {
        double absLimit = absoluteLimit(recorded.path("maxAbs").asDouble(), m.maxMagnitude());
        StringBuilder failure = new StringBuilder();
        if (!(m.maxAbs() <= absLimit)) {
            failure.append(String.format(Locale.ROOT, "max |diff| %.4g beyond its ratchet %.4g (measured worst %.4g)",
                    m.maxAbs(), absLimit, recorded.path("maxAbs").asDouble()));
        }
        if (recorded.has("maxRel") && !Double.isNaN(m.maxRel())) {
            double relLimit = relativeLimit(recorded.path("maxRel").asDouble());
            if (!(m.maxRel() <= relLimit)) {
                failure.append(failure.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                        "max relative diff %.4g beyond its ratchet %.4g (measured worst %.4g)", m.maxRel(), relLimit,
                        recorded.path("maxRel").asDouble()));
            }
        }
        return failure.length() == 0 ? Optional.empty() : Optional.of(what + ": " + failure
                + "; a regression against TensorFlow.js, or re-measure on purpose (ModelRatchet)");
    }

    /**
     * A markdown table: per model and output, for each backend the measured worst absolute / relative difference and the
     * limits that follow (relative: elements {@code >= 1} only; "-" where there are none).
     */
    public static String markdownTable() {
        JsonNode backends = read().path("backends");
        java.util.List<String> names = new java.util.ArrayList<>();
        backends.fieldNames().forEachRemaining(names::add);
        StringBuilder out = new StringBuilder("| model | output |");
        names.forEach(b -> out.append(' ').append(b).append(" worst abs / rel | ratchet |"));
        out.append("\n|---|---|").append("---|---|".repeat(names.size())).append('\n');
        for (String model : ModelGoldens.models()) {
            for (ModelGoldens.GoldenTensor output : ModelGoldens.load(model).outputs()) {
                double magnitude = measure(output.floats(), output.floats()).maxMagnitude();
                out.append("| ").append(model).append(" | `").append(output.name()).append("` |");
                for (String b : names) {
                    JsonNode e = backends.path(b).path(model).path(output.name());
                    if (!e.isObject()) {
                        out.append(" - | - |");
                        continue;
                    }
                    double abs = e.path("maxAbs").asDouble();
                    boolean rel = e.has("maxRel");
                    out.append(' ').append(FidelityRatchet.fmt(abs)).append(" / ")
                            .append(rel ? FidelityRatchet.fmt(e.path("maxRel").asDouble()) : "-").append(" | ")
                            .append(FidelityRatchet.fmt(absoluteLimit(abs, magnitude))).append(" / ")
                            .append(rel ? FidelityRatchet.fmt(relativeLimit(e.path("maxRel").asDouble())) : "-")
                            .append(" |");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static JsonNode read() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the model ratchet's measured values are part of the"
                    + " goldens; re-measure with " + COMMAND);
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static synchronized void record(String backend, String model, String output, Measured m) {
        Path file = file();
        try {
            JsonNode root = Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
            Map<String, Map<String, Map<String, JsonNode>>> all = new TreeMap<>();
            root.path("backends").properties().forEach(b -> {
                Map<String, Map<String, JsonNode>> models = new TreeMap<>();
                b.getValue().properties().forEach(md -> {
                    Map<String, JsonNode> outputs = new TreeMap<>();
                    md.getValue().properties().forEach(o -> outputs.put(o.getKey(), o.getValue()));
                    models.put(md.getKey(), outputs);
                });
                all.put(b.getKey(), models);
            });
            ObjectNode entry = JSON.createObjectNode();
            entry.put("maxAbs", FidelityRatchet.roundUp(m.maxAbs()));
            if (!Double.isNaN(m.maxRel())) {
                entry.put("maxRel", FidelityRatchet.roundUp(m.maxRel()));
            }
            all.computeIfAbsent(backend, b -> new TreeMap<>()).computeIfAbsent(model, x -> new TreeMap<>())
                    .put(output, entry);
            ObjectNode out = JSON.createObjectNode();
            out.put("about", "Model ratchet: per backend, model and output the worst difference from the TensorFlow.js"
                    + " goldens that was measured (rounded up to 3 significant digits): maxAbs over all elements, maxRel"
                    + " over the elements with |golden| >= 1. Held to 2 x these (floors: a float32 ulp of the output's"
                    + " largest value, 2^-23 relative) on top of the spec; see ModelRatchet (human-api tests) and the"
                    + " kit's MOD-01 and golden/README.md.");
            out.put("command", COMMAND);
            ObjectNode backends = out.putObject("backends");
            all.forEach((b, models) -> {
                ObjectNode bn = backends.putObject(b);
                models.forEach((md, outputs) -> {
                    ObjectNode mn = bn.putObject(md);
                    outputs.forEach(mn::set);
                });
            });
            Files.writeString(file, JSON.writeValueAsString(out) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
