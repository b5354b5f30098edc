package ai.human.bench;

import ai.human.backend.Backend;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A model's input as Human 3.3.6 fed it (the repository's {@code golden/models/<model>/}: {@code manifest.json} and a
 * gzip file of little-endian values), and the outputs Human asked for in that call. The {@code golden/} folder is found
 * by walking up from the working directory, or named by the system property {@value #DIR_PROPERTY}.
 *
 * <pre>{@code
 * GoldenInput in = GoldenInput.load("handtrack");
 * try (Tensor t = in.toTensor(backend, model.inputs().get(0).dtype())) { model.run(Map.of(in.name(), t), in.outputs()); }
 * }</pre>
 *
 * @param name    the input's tensor name for {@code Model.run} (the signature's, else the model's first input)
 * @param dtype   the stored element type
 * @param shape   dimensions
 * @param values  {@code float[]} or {@code int[]}
 * @param outputs the outputs Human fetched, or an empty list when it ran the model's signature outputs
 */
public record GoldenInput(String name, DType dtype, Shape shape, Object values, List<String> outputs) {
    /** System property naming the repository's {@code golden/} folder. */
    public static final String DIR_PROPERTY = "human.golden.dir";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code golden/models/<model>/}. */
    public static GoldenInput load(String model) {
        Path dir = goldenDir().resolve("models").resolve(model);
        try {
            JsonNode input = JSON.readTree(dir.resolve("manifest.json").toFile()).path("inputs").get(0);
            int[] dims = new int[input.path("shape").size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = input.path("shape").get(i).asInt();
            }
            Shape shape = Shape.of(dims);
            DType dtype = input.path("dtype").asText().equals("int32") ? DType.INT32 : DType.FLOAT32;
            byte[] raw;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(input.path("file").asText())))) {
                raw = new DataInputStream(in).readAllBytes();
            }
            ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            Object values;
            if (dtype == DType.INT32) {
                int[] ints = new int[(int) shape.size()];
                buffer.asIntBuffer().get(ints);
                values = ints;
            } else {
                float[] floats = new float[(int) shape.size()];
                buffer.asFloatBuffer().get(floats);
                values = floats;
            }
            String name = input.path("signatureName").isTextual() ? input.path("signatureName").asText() : null;
            return new GoldenInput(name, dtype, shape, values, fetches(input.path("humanCall").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the golden input of " + model + " in " + dir, e);
        }
    }

    /** The output names in {@code execute(input, ["a","b"])}, none for {@code execute(input)}. */
    static List<String> fetches(String humanCall) {
        int open = humanCall.indexOf('[');
        List<String> names = new ArrayList<>();
        if (open < 0) {
            return names;
        }
        for (String part : humanCall.substring(open + 1, humanCall.indexOf(']', open)).split(",")) {
            String trimmed = part.trim().replace("\"", "");
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return names;
    }

    /** A new tensor with these values as {@code as} (Human casts, e.g. handtrack's int32 image to uint8). */
    public Tensor toTensor(Backend backend, DType as) {
        Tensor stored = dtype == DType.INT32 ? backend.fromInts((int[]) values, shape)
                : backend.fromFloats((float[]) values, shape);
        if (as == dtype) {
            return stored;
        }
        try (stored) {
            return backend.cast(stored, as);
        }
    }

    static Path goldenDir() {
        String named = System.getProperty(DIR_PROPERTY);
        if (named != null) {
            return Path.of(named);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("golden/models/index.json"))) {
                return dir.resolve("golden");
            }
        }
        throw new IllegalStateException("No golden/models/index.json above " + Path.of("").toAbsolutePath()
                + "; run from the repository or set -D" + DIR_PROPERTY + "=<repository>/golden");
    }
}
