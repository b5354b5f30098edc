package ai.human.testing;

import ai.human.backend.Backend;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads the per-model golden data that Human 3.3.6 produced on TensorFlow.js ({@code golden/models/<model>/}: a
 * {@code manifest.json} plus raw little-endian gzip files), and compares a backend's outputs with it.
 *
 * <p>The {@code golden/} folder is found by walking up from the working directory (a module directory when Maven runs
 * the tests) until {@code golden/models/index.json} exists; the system property {@value #DIR_PROPERTY} names the
 * {@code golden/} folder explicitly.
 *
 * <pre>{@code
 * ModelGoldens.Golden golden = ModelGoldens.load("blazeface");
 * try (Tensor input = golden.input().toTensor(backend)) {
 *     Map<String, Tensor> outputs = model.run(Map.of(model.inputs().get(0).name(), input));
 *     for (ModelGoldens.GoldenTensor expected : golden.outputs()) {
 *         ModelGoldens.assertClose("blazeface " + expected.name(), expected, outputs.get(expected.name()));
 *     }
 * }
 * }</pre>
 */
public final class ModelGoldens {
    /** System property naming the repository's {@code golden/} folder, for runs outside the repository tree. */
    public static final String DIR_PROPERTY = "human.golden.dir";
    /** An element matches when it is within this absolute difference of the golden value... */
    public static final double ABSOLUTE_TOLERANCE = 2e-3;
    /** ...or within this fraction of the golden value's magnitude. */
    public static final double RELATIVE_TOLERANCE = 1e-4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelGoldens() {
    }

    /** One model's golden data: its input and every stored output. */
    public record Golden(String model, GoldenTensor input, List<GoldenTensor> outputs, JsonNode manifest) {
        public Golden {
            outputs = List.copyOf(outputs);
        }

        /** The output whose graph tensor ({@code Identity:0}) or graph node ({@code Identity}) is {@code name}. */
        public GoldenTensor output(String name) {
            return findOutput(name).orElseThrow(() -> new IllegalArgumentException("Golden data of " + model
                    + " has no output '" + name + "'; it has " + outputs.stream().map(GoldenTensor::name).toList()));
        }

        public Optional<GoldenTensor> findOutput(String name) {
            return outputs.stream().filter(o -> o.name().equals(name) || o.graphNode().equals(name)).findFirst();
        }
    }

    /**
     * One stored tensor.
     *
     * @param name         the graph tensor name ({@code Identity:0}); {@code null} for an input the manifest does not name
     * @param graphNode    the graph node ({@code Identity}), or {@code null}
     * @param signatureKey the model signature's key for it, or {@code null}
     * @param dtype        element type
     * @param shape        dimensions
     * @param values       {@code float[]} for FLOAT32, {@code int[]} for INT32, {@code byte[]} for UINT8 and BOOL
     */
    public record GoldenTensor(String name, String graphNode, String signatureKey, DType dtype, int[] shape,
            Object values) {

        public Shape tensorShape() {
            return Shape.of(shape);
        }

        public float[] floats() {
            return switch (dtype) {
                case FLOAT32 -> ((float[]) values).clone();
                case INT32 -> {
                    int[] ints = (int[]) values;
                    float[] out = new float[ints.length];
                    for (int i = 0; i < ints.length; i++) {
                        out[i] = ints[i];
                    }
                    yield out;
                }
                case UINT8, BOOL -> {
                    byte[] bytes = (byte[]) values;
                    float[] out = new float[bytes.length];
                    for (int i = 0; i < bytes.length; i++) {
                        out[i] = bytes[i] & 0xff;
                    }
                    yield out;
                }
            };
        }

        public int[] ints() {
            if (dtype != DType.INT32) {
                throw new IllegalStateException(this + " is " + dtype + ", not INT32");
            }
            return ((int[]) values).clone();
        }

        public byte[] bytes() {
            if (dtype != DType.UINT8 && dtype != DType.BOOL) {
                throw new IllegalStateException(this + " is " + dtype + ", not UINT8 or BOOL");
            }
            return ((byte[]) values).clone();
        }

        /** A new tensor of {@code backend} holding these values (the caller owns it). */
        public Tensor toTensor(Backend backend) {
            return switch (dtype) {
                case FLOAT32 -> backend.fromFloats((float[]) values, tensorShape());
                case INT32 -> backend.fromInts((int[]) values, tensorShape());
                case UINT8, BOOL -> backend.fromBytes((byte[]) values, tensorShape(), dtype);
            };
        }

        @Override
        public String toString() {
            return "GoldenTensor[" + name + ", " + dtype.name().toLowerCase(Locale.ROOT) + Arrays.toString(shape) + "]";
        }
    }

    /**
     * How far {@code actual} is from {@code expected}.
     *
     * @param maxAbsDiff  the largest absolute difference (NaN when an element is NaN on one side only)
     * @param worstIndex  the element that exceeds its tolerance by the largest factor (or, when all match, the one
     *                    closest to its limit)
     * @param expected    the golden value there
     * @param actual      the computed value there
     * @param mismatches  how many elements are outside the tolerance
     */
    public record Difference(double maxAbsDiff, int worstIndex, float expected, float actual, int mismatches) {
        public boolean matches() {
            return mismatches == 0;
        }
    }

    /** The repository's {@code golden/} folder. */
    public static Path root() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path dir = Path.of(property).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve("models/index.json"))) {
                throw new IllegalStateException("-D" + DIR_PROPERTY + "=" + property + " has no models/index.json; "
                        + "point it at the repository's golden/ folder");
            }
            return dir;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("golden");
            if (Files.isRegularFile(candidate.resolve("models/index.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No golden/models/index.json in " + start + " or any folder above it; run the"
                + " tests inside the repository (which holds golden/) or set -D" + DIR_PROPERTY + "=<repo>/golden");
    }

    /** Names of the models with golden data, from {@code golden/models/index.json}. */
    public static List<String> models() {
        JsonNode index = readJson(root().resolve("models/index.json"));
        List<String> names = new ArrayList<>();
        index.path("models").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Loads the golden data of {@code model} (e.g. {@code blazeface}). */
    public static Golden load(String model) {
        Path dir = root().resolve("models").resolve(model);
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalStateException("No golden data for model '" + model + "': " + manifestFile
                    + " does not exist; models with goldens: " + models());
        }
        JsonNode manifest = readJson(manifestFile);
        JsonNode inputs = manifest.path("inputs");
        if (inputs.size() != 1) {
            throw new IllegalStateException(manifestFile + " lists " + inputs.size() + " inputs; expected one");
        }
        JsonNode in = inputs.get(0);
        String inputName = firstText(in, "graphTensor", "name", "signatureName");
        GoldenTensor input = read(dir, in, inputName, textOrNull(in, "graphNode"), null);
        List<GoldenTensor> outputs = new ArrayList<>();
        for (JsonNode out : manifest.path("outputs")) {
            outputs.add(read(dir, out, textOrNull(out, "graphTensor"), textOrNull(out, "graphNode"),
                    textOrNull(out, "signatureKey")));
        }
        return new Golden(model, input, outputs, manifest);
    }

    /** Compares element by element; see {@link Difference}. */
    public static Difference compare(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError("Expected " + expected.length + " values, got " + actual.length);
        }
        double maxAbs = 0;
        double worstRatio = -1;
        int worst = -1;
        int mismatches = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            double diff;
            double ratio;
            if (Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e) || Double.isInfinite(a)) {
                boolean same = Double.compare(e, a) == 0;
                diff = same ? 0 : Double.NaN;
                ratio = same ? 0 : Double.POSITIVE_INFINITY;
            } else {
                diff = Math.abs(a - e);
                ratio = diff / Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(e));
            }
            maxAbs = Math.max(maxAbs, diff); // NaN sticks
            if (ratio > 1) {
                mismatches++;
            }
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = i;
            }
        }
        return worst < 0 ? new Difference(0, -1, Float.NaN, Float.NaN, 0)
                : new Difference(maxAbs, worst, expected[worst], actual[worst], mismatches);
    }

    /**
     * Asserts that {@code actual} has the golden shape and that every element is within {@value #ABSOLUTE_TOLERANCE}
     * absolute or {@value #RELATIVE_TOLERANCE} relative of the golden value; the failure names the worst element.
     *
     * @return the difference, for reporting
     */
    public static Difference assertClose(String what, GoldenTensor expected, Tensor actual) {
        if (actual == null) {
            throw new AssertionError(what + ": no tensor for golden output " + expected);
        }
        if (!actual.shape().equals(expected.tensorShape())) {
            throw new AssertionError(what + ": shape " + actual.shape() + ", golden " + expected.tensorShape());
        }
        return assertClose(what, expected.floats(), actual.toFloats(), expected.shape());
    }

    /** {@link #assertClose(String, GoldenTensor, Tensor)} over plain arrays ({@code shape} for the message). */
    public static Difference assertClose(String what, float[] expected, float[] actual, int[] shape) {
        Difference d = compare(expected, actual);
        if (!d.matches()) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "%s: %d of %d elements differ by more than %.0e absolute and %.0e relative; worst at flat index %d"
                            + " %s: expected %s, actual %s (|diff| %.6g); max |diff| %.6g",
                    what, d.mismatches(), expected.length, ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE, d.worstIndex(),
                    Arrays.toString(unflatten(d.worstIndex(), shape)), d.expected(), d.actual(),
                    Math.abs((double) d.actual() - d.expected()), d.maxAbsDiff()));
        }
        return d;
    }

    private static int[] unflatten(int index, int[] shape) {
        if (shape == null || shape.length == 0) {
            return new int[] {index};
        }
        int[] position = new int[shape.length];
        int rest = index;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            int dim = Math.max(shape[axis], 1);
            position[axis] = rest % dim;
            rest /= dim;
        }
        return position;
    }

    private static GoldenTensor read(Path dir, JsonNode entry, String name, String graphNode, String signatureKey) {
        DType dtype = dtype(entry.path("dtype").asText(), dir);
        JsonNode shapeNode = entry.path("shape");
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
            count *= shape[i];
        }
        Path file = dir.resolve(entry.path("file").asText());
        byte[] raw = gunzip(file);
        long expectedBytes = count * dtype.byteSize();
        if (raw.length != expectedBytes) {
            throw new IllegalStateException(file + " holds " + raw.length + " bytes; " + dtype + Arrays.toString(shape)
                    + " needs " + expectedBytes);
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        Object values = switch (dtype) {
            case FLOAT32 -> {
                float[] out = new float[(int) count];
                buffer.asFloatBuffer().get(out);
                yield matchStats(file, out, entry.path("stats").path("first8"));
            }
            case INT32 -> {
                int[] out = new int[(int) count];
                buffer.asIntBuffer().get(out);
                yield out;
            }
            case UINT8, BOOL -> raw;
        };
        return new GoldenTensor(name, graphNode, signatureKey, dtype, shape, values);
    }

    /** Checks float data against the manifest's {@code first8}, so a file that does not hold what it claims fails. */
    private static float[] matchStats(Path file, float[] floats, JsonNode first8) {
        if (!first8.isArray() || first8.isEmpty() || matches(floats, first8)) {
            return floats;
        }
        throw new IllegalStateException(file + " does not hold the values its manifest lists in stats.first8 " + first8);
    }

    private static boolean matches(float[] values, JsonNode first8) {
        for (int i = 0; i < first8.size() && i < values.length; i++) {
            JsonNode v = first8.get(i);
            if (v.isNumber() && Float.compare((float) v.asDouble(), values[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static DType dtype(String name, Path dir) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "int32" -> DType.INT32;
            case "uint8" -> DType.UINT8;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalStateException(dir + "/manifest.json: unknown dtype '" + name + "'");
        };
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String text = textOrNull(node, field);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read golden file " + file + ": " + e.getMessage(), e);
        }
    }
}
