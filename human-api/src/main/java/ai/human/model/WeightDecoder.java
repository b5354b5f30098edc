package ai.human.model;

import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the weights of a {@code weightsManifest}: groups in order, each group's shards ({@code paths})
 * concatenated in order, each group's weights laid one after the other, little-endian, as TensorFlow.js
 * writes them.
 *
 * <p>Dequantisation follows {@code tfjs-core}'s {@code io_utils.decodeWeight} exactly: uint8/uint16
 * values become {@code q * scale + min} computed in double precision and rounded once to float32
 * (int32 weights: {@code Math.round} of the same); float16 values are converted exactly.
 */
final class WeightDecoder {

    /** Reads one shard named by a manifest path, relative to the model's JSON. */
    public interface ShardReader {
        byte[] read(String path);

        /** Where {@code path} resolves to, for messages. */
        String locate(String path);
    }

    /**
     * The decoded weights.
     *
     * @param weights     by name, in manifest order
     * @param storedBytes bytes the weights took in the shards
     */
    public record Result(Map<String, WeightData> weights, long storedBytes) {
    }

    private record Spec(String name, int[] shape, String dtype, String quantization, double scale, double min,
            long count, long bytes) {
    }

    private WeightDecoder() {
    }

    public static Result decode(JsonNode manifest, String source, ShardReader shards) {
        Map<String, WeightData> weights = new LinkedHashMap<>();
        if (manifest == null || manifest.isNull()) {
            return new Result(weights, 0);
        }
        if (!manifest.isArray()) {
            throw new ModelException(source + ": 'weightsManifest' is not an array");
        }
        long stored = 0;
        int group = 0;
        for (JsonNode entry : manifest) {
            String where = source + ", weightsManifest group " + group;
            List<Spec> specs = specs(entry.get("weights"), where);
            List<String> paths = paths(entry.get("paths"), where);
            long expected = specs.stream().mapToLong(Spec::bytes).sum();
            if (paths.isEmpty() && expected > 0) {
                throw new ModelException(where + ": lists weights but no 'paths' to read them from");
            }
            byte[] data = concatenate(paths, shards);
            if (data.length != expected) {
                throw new ModelException(describe(paths, shards) + ": " + (data.length < expected ? "has only " : "has ")
                        + data.length + " bytes but the manifest in " + source + " needs " + expected + " for "
                        + specs.size() + " weights: the file is " + (data.length < expected ? "truncated" : "too long")
                        + " or belongs to another model");
            }
            ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            for (Spec spec : specs) {
                if (weights.containsKey(spec.name)) {
                    throw new ModelException(where + ": weight '" + spec.name + "' appears twice in the manifest");
                }
                weights.put(spec.name, decode(spec, buffer));
            }
            stored += expected;
            group++;
        }
        return new Result(weights, stored);
    }

    private static List<Spec> specs(JsonNode array, String where) {
        if (array == null || !array.isArray()) {
            throw new ModelException(where + ": has no 'weights' array");
        }
        List<Spec> specs = new ArrayList<>(array.size());
        for (JsonNode w : array) {
            specs.add(spec(w, where));
        }
        return specs;
    }

    private static Spec spec(JsonNode w, String where) {
        JsonNode nameNode = w.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            throw new ModelException(where + ": a weight has no 'name': " + w);
        }
        String name = nameNode.asText();
        String at = where + ", weight '" + name + "'";
        JsonNode shapeNode = w.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw new ModelException(at + ": has no 'shape' array");
        }
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int k = 0; k < shape.length; k++) {
            JsonNode d = shapeNode.get(k);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
                throw new ModelException(at + ": shape " + shapeNode + " has a dimension that is not a size");
            }
            shape[k] = d.asInt();
            count *= shape[k];
            if (count > Integer.MAX_VALUE / 4) {
                throw new ModelException(at + ": shape " + shapeNode + " is too large to load");
            }
        }
        String dtype = w.path("dtype").asText("");
        if (!List.of("float32", "int32", "bool", "uint8").contains(dtype)) {
            throw new ModelException(at + ": dtype '" + dtype
                    + "' is not one this loader reads (float32, int32, bool, uint8)");
        }
        JsonNode q = w.get("quantization");
        if (q == null || q.isNull()) {
            int size = dtype.equals("float32") || dtype.equals("int32") ? 4 : 1;
            return new Spec(name, shape, dtype, null, 0, 0, count, count * size);
        }
        String qtype = q.path("dtype").asText("");
        switch (qtype) {
            case "float16" -> {
                if (!dtype.equals("float32")) {
                    throw new ModelException(at + ": float16 quantisation applies to float32 weights, not " + dtype);
                }
                return new Spec(name, shape, dtype, qtype, 0, 0, count, count * 2);
            }
            case "uint8", "uint16" -> {
                if (!dtype.equals("float32") && !dtype.equals("int32")) {
                    throw new ModelException(at + ": " + qtype + " quantisation applies to float32 or int32 weights, not "
                            + dtype);
                }
                if (!q.path("scale").isNumber() || !q.path("min").isNumber()) {
                    throw new ModelException(at + ": " + qtype + " quantisation needs numeric 'scale' and 'min': " + q);
                }
                return new Spec(name, shape, dtype, qtype, q.get("scale").asDouble(), q.get("min").asDouble(), count,
                        count * (qtype.equals("uint8") ? 1 : 2));
            }
            default -> throw new ModelException(at + ": quantisation dtype '" + qtype
                    + "' is not one TensorFlow.js defines (uint8, uint16, float16)");
        }
    }

    private static List<String> paths(JsonNode array, String where) {
        List<String> paths = new ArrayList<>();
        if (array == null) {
            return paths;
        }
        if (!array.isArray()) {
            throw new ModelException(where + ": 'paths' is not an array");
        }
        for (JsonNode p : array) {
            if (!p.isTextual() || p.asText().isEmpty()) {
                throw new ModelException(where + ": path " + p + " is not a file name");
            }
            paths.add(p.asText());
        }
        return paths;
    }

    private static byte[] concatenate(List<String> paths, ShardReader shards) {
        if (paths.size() == 1) {
            return shards.read(paths.get(0));
        }
        List<byte[]> parts = new ArrayList<>(paths.size());
        long total = 0;
        for (String path : paths) {
            byte[] part = shards.read(path);
            parts.add(part);
            total += part.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new ModelException(describe(paths, shards) + ": " + total + " bytes is too large to load");
        }
        byte[] out = new byte[(int) total];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    private static String describe(List<String> paths, ShardReader shards) {
        if (paths.size() == 1) {
            return shards.locate(paths.get(0));
        }
        return "weight files " + paths.stream().map(shards::locate).toList();
    }

    private static WeightData decode(Spec spec, ByteBuffer in) {
        int n = (int) spec.count;
        Shape shape = Shape.of(spec.shape);
        if (spec.quantization == null) {
            return switch (spec.dtype) {
                case "float32" -> {
                    float[] v = new float[n];
                    in.asFloatBuffer().get(v);
                    in.position(in.position() + 4 * n);
                    yield WeightData.ofFloats(spec.name, shape, v);
                }
                case "int32" -> {
                    int[] v = new int[n];
                    in.asIntBuffer().get(v);
                    in.position(in.position() + 4 * n);
                    yield WeightData.ofInts(spec.name, shape, v);
                }
                default -> {
                    byte[] v = new byte[n];
                    in.get(v);
                    yield WeightData.ofBytes(spec.name, spec.dtype.equals("bool") ? DType.BOOL : DType.UINT8, shape, v);
                }
            };
        }
        if (spec.quantization.equals("float16")) {
            byte[] raw = new byte[2 * n];
            in.get(raw);
            return WeightData.ofFloats(spec.name, shape, Float16.decode(raw, 0, n));
        }
        boolean wide = spec.quantization.equals("uint16");
        if (spec.dtype.equals("int32")) {
            int[] v = new int[n];
            for (int k = 0; k < n; k++) {
                int q = wide ? in.getShort() & 0xffff : in.get() & 0xff;
                v[k] = (int) Math.round(q * spec.scale + spec.min);
            }
            return WeightData.ofInts(spec.name, shape, v);
        }
        float[] v = new float[n];
        if (wide) {
            for (int k = 0; k < n; k++) {
                v[k] = (float) ((in.getShort() & 0xffff) * spec.scale + spec.min);
            }
        } else {
            // the 256 possible values once, then one look-up per weight (same arithmetic, same floats)
            float[] levels = new float[256];
            for (int q = 0; q < levels.length; q++) {
                levels[q] = (float) (q * spec.scale + spec.min);
            }
            byte[] raw = new byte[n];
            in.get(raw);
            for (int k = 0; k < n; k++) {
                v[k] = levels[raw[k] & 0xff];
            }
        }
        return WeightData.ofFloats(spec.name, shape, v);
    }
}
