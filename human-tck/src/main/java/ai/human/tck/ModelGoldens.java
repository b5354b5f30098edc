package ai.human.tck;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The per-model goldens the kit checks models against: for each of Human's default models one input exactly as Human
 * 3.3.6 feeds it and every output TensorFlow.js 4.22 (CPU backend) computed for it. They are made in the repository by
 * {@code golden/models/make-goldens.mjs} and packaged into this jar under {@value #RESOURCES} ({@code index.json}, and
 * per model a {@code manifest.json} with raw little-endian gzip files), so the kit needs no checkout of the repository.
 * Every file is checked against the SHA-256 its manifest lists when it is read.
 *
 * <pre>{@code
 * ModelGoldens.Golden golden = ModelGoldens.load("blazeface");
 * try (Model model = backend.loadModel(new ModelLoader().load(null, "blazeface.json"));
 *      TensorScope scope = backend.scope()) {
 *     Tensor input = golden.input().toTensor(backend);
 *     Map<String, Tensor> outputs = model.run(Map.of(model.inputs().get(0).name(), input));
 *     for (ModelGoldens.GoldenTensor expected : golden.signatureOutputs()) {
 *         ModelGoldens.Difference d = ModelGoldens.compare(expected.floats(), outputs.get(expected.name()).toFloats());
 *     }
 * }
 * }</pre>
 */
public final class ModelGoldens {
    /** Where the goldens are on the classpath. */
    public static final String RESOURCES = "/ai/human/tck/goldens/";
    /** An element matches when it is within this absolute difference of the golden value... */
    public static final double ABSOLUTE_TOLERANCE = 2e-3;
    /** ...or within this fraction of the golden value's magnitude. */
    public static final double RELATIVE_TOLERANCE = 1e-4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Golden> CACHE = new ConcurrentHashMap<>();

    private ModelGoldens() {
    }

    /** One model's golden data: its input and every stored output. */
    public record Golden(String model, GoldenTensor input, List<GoldenTensor> outputs) {
        /**
         * Copies the list of outputs.
         *
         * @param model the model's name
         * @param input the input the outputs were computed from
         * @param outputs every stored output
         */
        public Golden {
            outputs = List.copyOf(outputs);
        }

        /**
         * {@return the output whose graph tensor ({@code Identity:0}) or graph node ({@code Identity}) is {@code name}}
         *
         * @param name a graph tensor or node name
         */
        public GoldenTensor output(String name) {
            return outputs.stream().filter(o -> o.name().equals(name) || o.graphNode().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The goldens of " + model + " have no output '" + name
                            + "'; they have " + outputs.stream().map(GoldenTensor::name).toList()));
        }

        /** {@return the outputs of the model's signature, which {@code Model.run(inputs)} returns} */
        public List<GoldenTensor> signatureOutputs() {
            return outputs.stream().filter(o -> !o.internal()).toList();
        }

        /** {@return inner graph nodes Human fetches by name (handtrack's pre-NMS boxes and scores); empty for most models} */
        public List<GoldenTensor> internalOutputs() {
            return outputs.stream().filter(GoldenTensor::internal).toList();
        }
    }

    /**
     * One stored tensor.
     *
     * @param name      the graph tensor name, e.g. {@code Identity:0}
     * @param graphNode the graph node, e.g. {@code Identity}
     * @param internal  true for an inner node that is not a signature output
     * @param dtype     element type as stored
     * @param shape     dimensions
     * @param values    {@code float[]} for FLOAT32, {@code int[]} for INT32
     */
    public record GoldenTensor(String name, String graphNode, boolean internal, DType dtype, int[] shape,
                               Object values) {
        /**
         * Copies the shape.
         *
         * @param name the graph tensor name, e.g. {@code Identity:0}
         * @param graphNode the graph node, e.g. {@code Identity}
         * @param internal true for an inner node that is not a signature output
         * @param dtype element type as stored
         * @param shape dimensions
         * @param values {@code float[]} for FLOAT32, {@code int[]} for INT32
         */
        public GoldenTensor {
            shape = shape.clone();
        }

        /** {@return the dimensions (a copy)} */
        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** {@return the dimensions as a {@link Shape}} */
        public Shape tensorShape() {
            return Shape.of(shape);
        }

        /** {@return the values as floats (a copy)} */
        public float[] floats() {
            if (values instanceof float[] floats) {
                return floats.clone();
            }
            int[] ints = (int[]) values;
            float[] out = new float[ints.length];
            for (int i = 0; i < ints.length; i++) {
                out[i] = ints[i];
            }
            return out;
        }

        /**
         * {@return a new tensor of {@code backend} with these values, in the stored dtype; the caller owns it}
         *
         * @param backend the backend to make the tensor on
         */
        public Tensor toTensor(Backend backend) {
            return toTensor(backend, dtype);
        }

        /**
         * {@return a new tensor of {@code backend} with these values in {@code dtype} (the model's input type; integer images
         * are stored as INT32 and fed as UINT8 where the signature asks for it)} The caller owns it.
         *
         * @param backend the backend to make the tensor on
         * @param dtype the tensor's element type
         */
        public Tensor toTensor(Backend backend, DType dtype) {
            float[] floats = floats();
            return switch (dtype) {
                case FLOAT32 -> backend.fromFloats(floats, tensorShape());
                case INT32 -> {
                    int[] ints = new int[floats.length];
                    for (int i = 0; i < ints.length; i++) {
                        ints[i] = (int) floats[i];
                    }
                    yield backend.fromInts(ints, tensorShape());
                }
                case UINT8, BOOL -> {
                    byte[] bytes = new byte[floats.length];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) (int) floats[i];
                    }
                    yield backend.fromBytes(bytes, tensorShape(), dtype);
                }
            };
        }

        @Override
        public String toString() {
            return name + " " + dtype.name().toLowerCase(Locale.ROOT) + Arrays.toString(shape);
        }
    }

    /**
     * How far computed values are from the golden ones.
     *
     * @param maxAbsDiff the largest absolute difference (NaN when an element is NaN on one side only)
     * @param worstIndex the element that exceeds its tolerance by the largest factor, -1 when there are no elements
     * @param expected   the golden value there
     * @param actual     the computed value there
     * @param mismatches how many elements are outside the tolerance
     */
    public record Difference(double maxAbsDiff, int worstIndex, float expected, float actual, int mismatches) {
        /** {@return whether every element is within the tolerance} */
        public boolean matches() {
            return mismatches == 0;
        }
    }

    /** {@return the models with goldens, from {@code index.json}} */
    public static List<String> models() {
        JsonNode index = readJson(RESOURCES + "index.json");
        List<String> names = new ArrayList<>();
        index.path("models").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * {@return the goldens of {@code model} (read once, then cached)}
     *
     * @param model the model's name, as in {@link #models()}
     */
    public static Golden load(String model) {
        return CACHE.computeIfAbsent(model, ModelGoldens::read);
    }

    /**
     * Compares element by element: an element matches when it is within {@value #ABSOLUTE_TOLERANCE} absolute or
     * {@value #RELATIVE_TOLERANCE} relative of the golden value; NaN and infinities must match exactly.
     *
     * @param expected the golden values
     * @param actual the computed values, as many
     * @return the largest difference, the worst element and the count of mismatches
     */
    public static Difference compare(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("Expected " + expected.length + " values, got " + actual.length);
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
            if (!Double.isFinite(e) || !Double.isFinite(a)) {
                boolean same = Double.compare(e, a) == 0;
                diff = same ? 0 : Double.NaN;
                ratio = same ? 0 : Double.POSITIVE_INFINITY;
            } else {
                diff = Math.abs(a - e);
                ratio = diff / Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(e));
            }
            maxAbs = Double.isNaN(maxAbs) ? maxAbs : Double.isNaN(diff) ? diff : Math.max(maxAbs, diff);
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

    /** The position of flat index {@code index} in {@code shape}, for messages. */
    static int[] position(int index, int[] shape) {
        if (shape.length == 0) {
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

    private static Golden read(String model) {
        String dir = RESOURCES + model + "/";
        JsonNode manifest = readJson(dir + "manifest.json");
        JsonNode inputs = manifest.path("inputs");
        if (inputs.size() != 1) {
            throw new IllegalStateException(dir + "manifest.json lists " + inputs.size() + " inputs; expected one");
        }
        JsonNode in = inputs.get(0);
        GoldenTensor input = tensor(dir, in, text(in, "graphTensor"), text(in, "graphNode"), false);
        List<GoldenTensor> outputs = new ArrayList<>();
        for (JsonNode out : manifest.path("outputs")) {
            outputs.add(tensor(dir, out, text(out, "graphTensor"), text(out, "graphNode"),
                    out.path("internalNode").asBoolean(false)));
        }
        return new Golden(model, input, outputs);
    }

    private static GoldenTensor tensor(String dir, JsonNode entry, String name, String node, boolean internal) {
        DType dtype = switch (entry.path("dtype").asText()) {
            case "float32" -> DType.FLOAT32;
            case "int32" -> DType.INT32;
            default -> throw new IllegalStateException(dir + "manifest.json: dtype '" + entry.path("dtype").asText()
                    + "' of " + name + " is neither float32 nor int32");
        };
        JsonNode dims = entry.path("shape");
        int[] shape = new int[dims.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).asInt();
            count *= shape[i];
        }
        String file = dir + entry.path("file").asText();
        byte[] raw = gunzip(file);
        if (raw.length != count * 4) {
            throw new IllegalStateException(file + " holds " + raw.length + " bytes; " + dtype + Arrays.toString(shape)
                    + " needs " + count * 4);
        }
        String sha256 = sha256(raw);
        if (!sha256.equals(entry.path("sha256").asText())) {
            throw new IllegalStateException(file + " has SHA-256 " + sha256 + " but its manifest lists "
                    + entry.path("sha256").asText() + "; the human-tck jar is damaged: rebuild or download it again");
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        Object values;
        if (dtype == DType.FLOAT32) {
            float[] floats = new float[(int) count];
            buffer.asFloatBuffer().get(floats);
            values = floats;
        } else {
            int[] ints = new int[(int) count];
            buffer.asIntBuffer().get(ints);
            values = ints;
        }
        return new GoldenTensor(name, node, internal, dtype, shape, values);
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalStateException("A golden manifest entry has no '" + field + "': " + node);
        }
        return value;
    }

    private static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static byte[] gunzip(String resource) {
        try (InputStream in = new GZIPInputStream(open(resource), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read golden file " + resource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ModelGoldens.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No " + resource + " on the classpath: the human-tck jar carries the model "
                    + "goldens; use the jar as built by Maven (an IDE that compiles human-tck itself must also copy "
                    + "golden/models/ as resources, see human-tck/pom.xml)");
        }
        return in;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
