package ai.human.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fidelity ratchet of the pipeline contracts: for every field the contracts compare with Human 3.3.6's results
 * ({@link FaceFidelity}, {@code full.FullFidelity}, {@link FaceCropContract}) the worst difference each backend
 * measured, committed as data in {@value #FILE} under the {@code golden/} folder, and the limit a run must stay within:
 *
 * <pre>
 * limit = min(spec, max(2 x measured worst, Human's wasm-vs-cpu noise, floor))
 * </pre>
 *
 * <ul>
 * <li>{@code spec}: the first issue's tolerance ({@link FaceFidelity.Tolerances#DEFAULT},
 *     {@code FullFidelity.Tolerances.DEFAULT}, the crop contract's constants); a ratchet is never looser. Fields without
 *     a spec have none.</li>
 * <li>{@code noise}: how far Human's own wasm and cpu backends differ on the field, from
 *     {@code golden/pipeline/wasm-vs-cpu/} (two correct implementations differ this much, so it is never a regression).</li>
 * <li>{@code floor}: for a field measured at exactly 0, one float32 ulp at the field's magnitude (2^-23 for fractions,
 *     scores, cosines and IoUs; 2^-12 px for pixel coordinates below 2048; 2^-16 years for ages; 2^-21 rad for angles;
 *     2^-20 m for distances): the smallest difference float32 arithmetic can show there. A field Human rounds (box and
 *     mesh pixels, scores to 0.01, age to 0.1) that measured 0 therefore fails on any change of a rounded value; one
 *     that moves on purpose is re-measured, within the spec. The crop values have their own floor: the golden rounds
 *     them to 1e-5, so an exact crop measures up to 5e-6.</li>
 * <li>Counts: identical faces (everything Human rounds equal) may not fall below the count measured; body keypoints
 *     found on one side only at the confidence limit may not rise above it.</li>
 * </ul>
 *
 * <p>Measured values are stored per backend ({@code backend.name()}) and per configuration (the golden, e.g.
 * {@code face-multi}, {@code full}, {@code options/mask}, {@code crops/sample1-default}), rounded up to three
 * significant digits. A backend with no entry (a third party's) is held to the spec only, with a notice;
 * {@code FidelityRatchetTest} makes sure the entries of this project's backends are all there.
 *
 * <p>Re-measure (writes the file instead of checking the ratchet; the spec is still checked):
 * <pre>
 * mvn -B -pl human-backend-tf,human-backend-djl -am verify -Dhuman.ratchet.record=true \
 *     -Dtest='TfFaceFidelityTest,TfFaceOptionsTest,TfFaceCropTest,TfFullFidelityTest,DjlFaceFidelityTest,DjlFaceOptionsTest,DjlFaceCropTest,DjlFullFidelityTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
public final class FidelityRatchet {
    /** System property: {@code true} records the measured worst values into {@value #FILE} instead of checking them. */
    public static final String RECORD_PROPERTY = "human.ratchet.record";
    /** The data file, relative to the {@code golden/} folder. */
    public static final String FILE = "pipeline/ratchet.json";
    /** The margin over the measured worst value. */
    public static final double MARGIN = 2;
    /** The command that re-measures the file (also written into it). */
    public static final String COMMAND = "mvn -B -pl human-backend-tf,human-backend-djl -am verify"
            + " -Dhuman.ratchet.record=true -Dtest='TfFaceFidelityTest,TfFaceOptionsTest,TfFaceCropTest,TfFullFidelityTest,"
            + "DjlFaceFidelityTest,DjlFaceOptionsTest,DjlFaceCropTest,DjlFullFidelityTest'"
            + " -Dsurefire.failIfNoSpecifiedTests=false";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double NONE = Double.NaN;
    /** float32 ulps at the magnitudes of the fields: fractions and scores, pixels, years, radians, metres. */
    static final double ULP_FRACTION = Math.ulp(1f);
    static final double ULP_PIXEL = Math.ulp(2048f);
    static final double ULP_YEARS = Math.ulp(128f);
    static final double ULP_RADIANS = Math.ulp(4f);
    static final double ULP_METRES = Math.ulp(8f);

    /** How a field is held. */
    public enum Kind {
        /** A difference: at most its limit. */
        DIFFERENCE,
        /** A count that may only grow (identical faces): at least the measured count. */
        AT_LEAST,
        /** A count that may only shrink (borderline keypoints): at most the measured count. */
        AT_MOST
    }

    /**
     * One compared field.
     *
     * @param key   the name in the data file, e.g. {@code face.mesh.mean.px}
     * @param unit  what its values are
     * @param kind  how it is held
     * @param spec  the spec's limit (NaN: none)
     * @param noise Human's wasm-vs-cpu difference on it (0: none seen)
     * @param floor the smallest limit of a field measured at 0
     * @param about what is measured, for the table
     */
    public record Field(String key, String unit, Kind kind, double spec, double noise, double floor, String about) {
        /** The limit for a measured worst value. */
        public double limit(double measured) {
            if (kind != Kind.DIFFERENCE) {
                return measured;
            }
            double ratchet = Math.max(MARGIN * measured, Math.max(noise, floor));
            return Double.isNaN(spec) ? ratchet : Math.min(spec, ratchet);
        }

        /** Whether {@code value} is within {@code limit}; NaN never is. */
        public boolean within(double value, double limit) {
            return switch (kind) {
                case AT_LEAST -> value >= limit;
                case DIFFERENCE, AT_MOST -> value <= limit;
            };
        }

        /** Whether {@code a} is worse than {@code b} (for merging measurements). */
        boolean worse(double a, double b) {
            return kind == Kind.AT_LEAST ? a < b : a > b || Double.isNaN(a);
        }
    }

    /** Every field, in table order. */
    public static final Map<String, Field> FIELDS = catalog();

    private FidelityRatchet() {
    }

    private static Map<String, Field> catalog() {
        Map<String, Field> f = new LinkedHashMap<>();
        FaceFidelity.Tolerances face = FaceFidelity.Tolerances.DEFAULT;
        add(f, "face.identical", "faces", Kind.AT_LEAST, NONE, 0, 0,
                "faces with everything Human rounds equal (box, scores, mesh, age, gender, emotions, real, live, distance)");
        add(f, "face.box.1-iou", "1-IoU", Kind.DIFFERENCE, 1 - face.minIou(), 0, ULP_FRACTION, "1 - box IoU");
        add(f, "face.box.px", "px", Kind.DIFFERENCE, NONE, 0, ULP_PIXEL, "box x, y, width, height");
        add(f, "face.boxRaw", "fraction", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "boxRaw");
        add(f, "face.mesh.mean.px", "px", Kind.DIFFERENCE, face.maxMeshError(), 0, ULP_PIXEL,
                "mean x-y distance of the mesh points");
        add(f, "face.mesh.px", "px", Kind.DIFFERENCE, NONE, 0, ULP_PIXEL, "any mesh coordinate (x, y, z)");
        add(f, "face.meshRaw", "fraction", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "any meshRaw coordinate");
        add(f, "face.iris.px", "px", Kind.DIFFERENCE, NONE, 0, ULP_PIXEL, "any iris point coordinate (x, y, z)");
        add(f, "face.distance", "m", Kind.DIFFERENCE, NONE, 0, ULP_METRES, "distance (from the iris size)");
        add(f, "face.age", "years", Kind.DIFFERENCE, face.maxAge(), 0, ULP_YEARS, "age");
        add(f, "face.genderScore", "score", Kind.DIFFERENCE, face.maxScore(), 0, ULP_FRACTION, "genderScore");
        add(f, "face.emotion.score", "score", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION,
                "score of each emotion (0 where listed on one side only)");
        add(f, "face.embedding.1-cos", "1-cos", Kind.DIFFERENCE, 1 - face.minCosine(), 0, ULP_FRACTION,
                "1 - cosine similarity of the embedding");
        add(f, "face.embedding.abs", "value", Kind.DIFFERENCE, NONE, 1.72e-5, ULP_FRACTION, "any embedding value");
        add(f, "face.rotation.angle", "rad", Kind.DIFFERENCE, face.maxAngle(), 0, ULP_RADIANS, "roll, yaw, pitch");
        add(f, "face.rotation.matrix", "value", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "rotation matrix");
        add(f, "face.gaze.bearing", "rad", Kind.DIFFERENCE, NONE, 0, ULP_RADIANS, "gaze bearing");
        add(f, "face.gaze.strength", "value", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "gaze strength");
        add(f, "face.score", "score", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "score");
        add(f, "face.boxScore", "score", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "boxScore");
        add(f, "face.faceScore", "score", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "faceScore");
        add(f, "face.real", "score", Kind.DIFFERENCE, face.maxScore(), 0, ULP_FRACTION, "real (anti-spoofing)");
        add(f, "face.live", "score", Kind.DIFFERENCE, face.maxScore(), 0, ULP_FRACTION, "live (liveness)");

        ai.human.testing.full.FullFidelity.Tolerances full = ai.human.testing.full.FullFidelity.Tolerances.DEFAULT;
        add(f, "body.keypoint.positionRaw", "fraction", Kind.DIFFERENCE, full.bodyPositionRaw(), 1.03e-3, ULP_FRACTION,
                "keypoint positionRaw x, y");
        add(f, "body.keypoint.position.px", "px", Kind.DIFFERENCE, NONE, 1.4, ULP_PIXEL, "keypoint position x, y");
        add(f, "body.keypoint.score", "score", Kind.DIFFERENCE, full.bodyScore(), 0.01, ULP_FRACTION, "keypoint score");
        add(f, "body.borderline", "keypoints", Kind.AT_MOST, NONE, 0, 0,
                "keypoints found on one side only, scored at body.minConfidence");
        add(f, "body.box.px", "px", Kind.DIFFERENCE, NONE, 0, ULP_PIXEL, "box");
        add(f, "body.boxRaw", "fraction", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "boxRaw");
        add(f, "body.score", "score", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "body score");
        add(f, "hand.keypoint.px", "px", Kind.DIFFERENCE, full.handKeypointPx(), 0.412, ULP_PIXEL,
                "x-y distance of each keypoint (noise: Human's per-coordinate figure)");
        add(f, "hand.box.1-iou", "1-IoU", Kind.DIFFERENCE, 1 - full.handIou(), 0, ULP_FRACTION, "1 - box IoU");
        add(f, "hand.box.px", "px", Kind.DIFFERENCE, NONE, 0.398, ULP_PIXEL, "box");
        add(f, "hand.boxRaw", "fraction", Kind.DIFFERENCE, NONE, 2.75e-4, ULP_FRACTION, "boxRaw");
        add(f, "hand.score", "score", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "score");
        add(f, "hand.boxScore", "score", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "boxScore");
        add(f, "hand.fingerScore", "score", Kind.DIFFERENCE, NONE, 0, ULP_FRACTION, "fingerScore");
        add(f, "object.box.1-iou", "1-IoU", Kind.DIFFERENCE, 1 - full.objectIou(), 0, ULP_FRACTION,
                "1 - boxRaw IoU");
        add(f, "object.box.px", "px", Kind.DIFFERENCE, NONE, 0, ULP_PIXEL, "box");
        add(f, "object.boxRaw", "fraction", Kind.DIFFERENCE, NONE, 6.85e-7, ULP_FRACTION, "boxRaw");
        add(f, "object.score", "score", Kind.DIFFERENCE, full.objectScore(), 0, ULP_FRACTION, "score");

        add(f, "crop.values", "value", Kind.DIFFERENCE, FaceCropContract.VALUE_TOLERANCE, 1e-5,
                FaceCropContract.GOLDEN_ROUNDING / 2, "every 97th crop value, min and max (golden rounded to 1e-5)");
        add(f, "crop.mean", "value", Kind.DIFFERENCE, FaceCropContract.MEAN_TOLERANCE, 3.3e-8, ULP_FRACTION,
                "channel means of the crop");
        return Collections.unmodifiableMap(f);
    }

    private static void add(Map<String, Field> fields, String key, String unit, Kind kind, double spec, double noise,
                            double floor, String about) {
        fields.put(key, new Field(key, unit, kind, spec, noise, floor, about));
    }

    /** The field named {@code key}; fails for a name not in {@link #FIELDS}. */
    public static Field field(String key) {
        Field field = FIELDS.get(key);
        if (field == null) {
            throw new IllegalArgumentException("No ratchet field '" + key + "'; known: " + FIELDS.keySet());
        }
        return field;
    }

    /**
     * Collects the worst value of each field over faces, images and parts of one configuration: differences keep their
     * largest value, counts add up.
     */
    public static final class Worst {
        private final Map<String, Double> values = new LinkedHashMap<>();

        /** Keeps {@code value} if it is worse than what {@code key} holds (any NaN is worst). */
        public Worst max(String key, double value) {
            Field field = field(key);
            values.merge(key, value, (a, b) -> field.worse(b, a) ? b : a);
            return this;
        }

        /** Adds {@code count} to a count field. */
        public Worst add(String key, double count) {
            field(key);
            values.merge(key, count, Double::sum);
            return this;
        }

        /** Merges another collection: worst of differences, sum of counts. */
        public Worst addAll(Worst other) {
            return addAll(other.values);
        }

        /** Merges values as {@link #addAll(Worst)} does. */
        public Worst addAll(Map<String, Double> other) {
            other.forEach((key, value) -> {
                if (field(key).kind() == Kind.DIFFERENCE) {
                    max(key, value);
                } else {
                    add(key, value);
                }
            });
            return this;
        }

        /** The values, by field. */
        public Map<String, Double> values() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** Whether this run records measurements instead of checking them. */
    public static boolean recording() {
        return Boolean.getBoolean(RECORD_PROPERTY);
    }

    /** The data file. */
    public static Path file() {
        return FaceGoldens.root().resolve(FILE);
    }

    /** The measured worst values per backend and configuration, as committed. */
    public static Map<String, Map<String, Map<String, Double>>> load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the fidelity ratchet's measured values are part of the"
                    + " goldens; re-measure with " + COMMAND);
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, Map<String, Map<String, Double>>> out = new TreeMap<>();
            root.path("backends").properties().forEach(backend -> {
                Map<String, Map<String, Double>> configs = new TreeMap<>();
                backend.getValue().properties().forEach(config -> {
                    Map<String, Double> values = new LinkedHashMap<>();
                    config.getValue().properties().forEach(v -> values.put(v.getKey(), v.getValue().asDouble()));
                    configs.put(config.getKey(), values);
                });
                out.put(backend.getKey(), configs);
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The measured worst values of one backend and configuration, if recorded. */
    public static Optional<Map<String, Double>> measured(String backend, String config) {
        return Optional.ofNullable(load().getOrDefault(backend, Map.of()).get(config));
    }

    /**
     * Holds {@code worst} (one configuration of a contract on one backend) to the ratchet: the failures, one line per
     * field beyond its limit; empty when all are within. While {@linkplain #recording() recording} it writes them into
     * the data file instead and returns no failure.
     */
    public static List<String> check(String backend, String config, Worst worst) {
        Map<String, Double> values = worst.values();
        if (recording()) {
            record(backend, config, values);
            return List.of();
        }
        Optional<Map<String, Double>> measured = measured(backend, config);
        if (measured.isEmpty()) {
            System.out.printf(Locale.ROOT, "No fidelity ratchet recorded for backend '%s', %s (recorded: %s): held to the"
                    + " spec only%n", backend, config, load().keySet());
            return List.of();
        }
        return check(backend, config, values, measured.get());
    }

    /** {@link #check(String, String, Worst)} against given measured values. */
    public static List<String> check(String backend, String config, Map<String, Double> values,
                                     Map<String, Double> measured) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            Field field = field(e.getKey());
            Double recorded = measured.get(e.getKey());
            if (recorded == null) {
                failures.add(String.format(Locale.ROOT, "%s, %s: %s was measured (%s) but has no ratchet value in %s;"
                        + " re-measure with -D%s=true", backend, config, field.key(), e.getValue(), FILE,
                        RECORD_PROPERTY));
                continue;
            }
            double limit = field.limit(recorded);
            if (!field.within(e.getValue(), limit)) {
                failures.add(String.format(Locale.ROOT, "%s, %s: %s %s %.4g %s, beyond its ratchet %s %.4g (measured"
                                + " worst %.4g, spec %s); a regression, or re-measure on purpose (%s)", backend, config,
                        field.key(), field.about(), e.getValue(), field.unit(), field.kind() == Kind.AT_LEAST ? ">=" : "<=",
                        limit, recorded, Double.isNaN(field.spec()) ? "none" : String.format(Locale.ROOT, "%.4g",
                                field.spec()), "FidelityRatchet"));
            }
        }
        return failures;
    }

    /** Writes the measured values of one backend and configuration into the data file (others kept). */
    static synchronized void record(String backend, String config, Map<String, Double> values) {
        Path file = file();
        try {
            ObjectNode root = Files.isRegularFile(file) ? (ObjectNode) JSON.readTree(file.toFile())
                    : JSON.createObjectNode();
            ObjectNode out = JSON.createObjectNode();
            out.put("about", "Fidelity ratchet: the worst difference from Human 3.3.6's goldens each backend measured,"
                    + " per configuration and field (rounded up to 3 significant digits). The contracts hold each field to"
                    + " min(spec, max(2 x this, Human's wasm-vs-cpu noise, float32 floor)); see"
                    + " human-api/src/test/java/ai/human/testing/FidelityRatchet.java and golden/pipeline/README.md.");
            out.put("command", COMMAND);
            ObjectNode backends = out.putObject("backends");
            Map<String, JsonNode> sortedBackends = new TreeMap<>();
            root.path("backends").properties().forEach(b -> sortedBackends.put(b.getKey(), b.getValue()));
            ObjectNode mine = JSON.createObjectNode();
            Map<String, JsonNode> configs = new TreeMap<>();
            JsonNode existing = sortedBackends.get(backend);
            if (existing != null) {
                existing.properties().forEach(c -> configs.put(c.getKey(), c.getValue()));
            }
            ObjectNode entry = JSON.createObjectNode();
            for (String key : FIELDS.keySet()) {
                if (values.containsKey(key)) {
                    entry.put(key, roundUp(values.get(key)));
                }
            }
            configs.put(config, entry);
            configs.forEach(mine::set);
            sortedBackends.put(backend, mine);
            sortedBackends.forEach(backends::set);
            Files.writeString(file, JSON.writeValueAsString(out) + "\n");
            System.out.printf(Locale.ROOT, "Recorded the fidelity ratchet of %s, %s into %s%n", backend, config, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Rounded up to 3 significant digits, so that the stored value is never below the measured one. */
    static double roundUp(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(3, RoundingMode.UP)).doubleValue();
    }

    /**
     * A markdown table of every field: per backend the worst value measured over all configurations and the limit that
     * follows, with spec, noise and floor. {@code FidelityRatchetTest} prints it; {@code golden/pipeline/README.md}
     * holds a copy.
     */
    public static String markdownTable(Map<String, Map<String, Map<String, Double>>> data) {
        List<String> backends = new ArrayList<>(data.keySet());
        StringBuilder out = new StringBuilder("| field | what | unit | spec | wasm-vs-cpu | floor |");
        for (String b : backends) {
            out.append(" ").append(b).append(" worst | ").append(b).append(" ratchet |");
        }
        out.append("\n|---|---|---|---|---|---|").append("---|---|".repeat(backends.size())).append('\n');
        for (Field field : FIELDS.values()) {
            out.append("| `").append(field.key()).append("` | ").append(field.about()).append(" | ").append(field.unit())
                    .append(" | ").append(fmt(field.spec())).append(" | ").append(fmt(field.noise())).append(" | ")
                    .append(field.kind() == Kind.DIFFERENCE ? fmt(field.floor()) : "-").append(" |");
            for (String b : backends) {
                Double worst = null;
                String where = null;
                for (Map.Entry<String, Map<String, Double>> config : data.get(b).entrySet()) {
                    Double v = config.getValue().get(field.key());
                    if (v != null && (worst == null || field.worse(v, worst))) {
                        worst = v;
                        where = config.getKey();
                    }
                }
                if (worst == null) {
                    out.append(" - | - |");
                } else if (field.kind() == Kind.AT_LEAST) {
                    out.append(" per configuration | ≥ measured |");
                } else {
                    out.append(" ").append(fmt(worst)).append(worst == 0 ? "" : " (" + where + ")").append(" | ")
                            .append(fmt(field.limit(worst))).append(" |");
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A markdown table of the identical faces per configuration (rows) and backend (columns). */
    public static String identicalFacesTable(Map<String, Map<String, Map<String, Double>>> data) {
        List<String> backends = new ArrayList<>(data.keySet());
        StringBuilder out = new StringBuilder("| configuration |");
        backends.forEach(b -> out.append(' ').append(b).append(" |"));
        out.append("\n|---|").append("---|".repeat(backends.size())).append('\n');
        Set<String> configs = new TreeSet<>();
        data.values().forEach(c -> c.forEach((config, values) -> {
            if (values.containsKey("face.identical")) {
                configs.add(config);
            }
        }));
        for (String config : configs) {
            out.append("| `").append(config).append("` |");
            for (String b : backends) {
                Double v = data.get(b).getOrDefault(config, Map.of()).get("face.identical");
                out.append(' ').append(v == null ? "-" : fmt(v)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.valueOf((long) v);
        }
        if (Math.abs(v) >= 1e-3) {
            return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
