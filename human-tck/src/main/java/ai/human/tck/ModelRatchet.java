package ai.human.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The ratchet of the model rules ({@code MOD-01}, {@code MOD-06}, {@code MOD-07}) for the backends that were measured:
 * per backend ({@code Backend.name()}), model and output the worst difference from the TensorFlow.js goldens, from
 * {@code golden/models/ratchet.json} of the repository, packaged into this jar next to the goldens
 * ({@value #RESOURCE}). A listed backend's output must stay within {@value #MARGIN} times its measured worst
 *
 * <ul>
 * <li>absolute difference of any element (floor: one float32 ulp of the output's largest golden magnitude), and</li>
 * <li>relative difference of the elements with {@code |golden| >= 1} (floor: 2^-23),</li>
 * </ul>
 *
 * <p>on top of the spec's {@value ModelGoldens#ABSOLUTE_TOLERANCE} absolute or {@value ModelGoldens#RELATIVE_TOLERANCE}
 * relative per element, which stays the outer bound and is all a backend the file does not list (a third party's) is
 * held to. The repository's tests that re-measure the file are named in it ({@code command}).
 */
final class ModelRatchet {
    /** Where the data is on the classpath. */
    static final String RESOURCE = ModelGoldens.RESOURCES + "ratchet.json";
    /** The margin over the measured worst difference. */
    static final double MARGIN = 2;
    /** Elements at least this large in magnitude count for the relative difference. */
    static final double RELATIVE_FROM = 1;
    /** The floor of the relative limit. */
    static final double RELATIVE_FLOOR = Math.ulp(1f);

    private static volatile JsonNode data;

    private final String backend;
    private final JsonNode models;

    private ModelRatchet(String backend, JsonNode models) {
        this.backend = backend;
        this.models = models;
    }

    /** The ratchet of {@code backend}, or empty when the file does not list it (the spec alone then applies). */
    static Optional<ModelRatchet> of(String backend) {
        JsonNode models = data().path("backends").path(backend);
        return models.isObject() ? Optional.of(new ModelRatchet(backend, models)) : Optional.empty();
    }

    /**
     * How far an output is from its golden.
     *
     * @param maxAbs       largest absolute difference (NaN when a value is NaN on one side only)
     * @param maxRel       largest relative difference of the elements with {@code |expected| >= 1}; NaN when none is
     * @param maxMagnitude largest finite {@code |expected|}
     */
    record Measured(double maxAbs, double maxRel, double maxMagnitude) {
    }

    static Measured measure(float[] expected, float[] actual) {
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

    static double absoluteLimit(double recorded, double magnitude) {
        return Math.max(MARGIN * recorded, Math.ulp((float) magnitude));
    }

    static double relativeLimit(double recorded) {
        return Math.max(MARGIN * recorded, RELATIVE_FLOOR);
    }

    /** The failure of one output against its ratchet, or empty when it is within. */
    Optional<String> check(String model, ModelGoldens.GoldenTensor expected, float[] actual) {
        JsonNode recorded = models.path(model).path(expected.name());
        if (!recorded.isObject()) {
            return Optional.of(String.format(Locale.ROOT, "%s: no ratchet value for backend '%s' in %s (the file lists"
                    + " this backend, so every output must be there; re-measure it in the repository)", expected,
                    backend, RESOURCE));
        }
        Measured m = measure(expected.floats(), actual);
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
        return failure.length() == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "%s on '%s': %s, within the spec but a regression against what this backend measured", expected,
                backend, failure));
    }

    private static JsonNode data() {
        JsonNode read = data;
        if (read == null) {
            read = read();
            data = read;
        }
        return read;
    }

    private static JsonNode read() {
        try (InputStream in = ModelRatchet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the classpath: the human-tck jar carries the "
                        + "model ratchet next to the goldens; use the jar as built by Maven (see human-tck/pom.xml)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
