package ai.human.tck;

import ai.human.tensor.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reference values computed once with TensorFlow.js 4.22 (CPU backend) by {@code human-tck/src/test/tfjs/golden-ops.cjs}
 * and stored in {@code golden-ops.json} next to this class: for each case its inputs, parameters and expected output.
 */
final class Golden {
    private static final String RESOURCE = "golden-ops.json";
    private static volatile JsonNode cases;

    /** A shaped float array. */
    record Array(Shape shape, float[] values) {
        static Array of(JsonNode node) {
            JsonNode dims = node.get("shape");
            int[] shape = new int[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i).asInt();
            }
            JsonNode list = node.get("values");
            float[] values = new float[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) list.get(i).asDouble();
            }
            return new Array(Shape.of(shape), values);
        }
    }

    /** One case: named inputs, parameters and the expected output. */
    record Case(String name, JsonNode node) {
        Array input(String key) {
            JsonNode input = node.get("inputs").get(key);
            if (input == null) {
                throw new IllegalStateException("Golden case " + name + " has no input '" + key + "'");
            }
            return Array.of(input);
        }

        boolean hasInput(String key) {
            return node.get("inputs").has(key);
        }

        Array expected() {
            return Array.of(node.get("expected"));
        }

        int[] ints(String param) {
            JsonNode list = param(param);
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i).asInt();
            }
            return out;
        }

        float[] floats(String param) {
            JsonNode list = param(param);
            float[] out = new float[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) list.get(i).asDouble();
            }
            return out;
        }

        float[][] matrix(String param) {
            JsonNode rows = param(param);
            float[][] out = new float[rows.size()][];
            for (int r = 0; r < out.length; r++) {
                out[r] = new float[rows.get(r).size()];
                for (int c = 0; c < out[r].length; c++) {
                    out[r][c] = (float) rows.get(r).get(c).asDouble();
                }
            }
            return out;
        }

        float number(String param) {
            return (float) param(param).asDouble();
        }

        boolean flag(String param) {
            return param(param).asBoolean();
        }

        String text(String param) {
            return param(param).asText();
        }

        private JsonNode param(String key) {
            JsonNode value = node.get("params").get(key);
            if (value == null) {
                throw new IllegalStateException("Golden case " + name + " has no parameter '" + key + "'");
            }
            return value;
        }
    }

    private Golden() {
    }

    static Case get(String name) {
        JsonNode node = all().get(name);
        if (node == null) {
            throw new IllegalStateException("No golden case '" + name + "' in " + RESOURCE
                    + "; regenerate it with human-tck/src/test/tfjs/golden-ops.cjs");
        }
        return new Case(name, node);
    }

    private static JsonNode all() {
        JsonNode loaded = cases;
        if (loaded == null) {
            try (InputStream in = Golden.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the human-tck jar");
                }
                loaded = new ObjectMapper().readTree(in).get("cases");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
            cases = loaded;
        }
        return loaded;
    }
}
