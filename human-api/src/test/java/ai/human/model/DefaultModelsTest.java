package ai.human.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads Human's eleven default models from the human-models jar and checks them against their own
 * {@code model.json}, read here independently with Jackson, and their {@code .bin}, decoded here
 * independently.
 */
class DefaultModelsTest {
    private static final Map<String, GraphModelDef> LOADED = new ConcurrentHashMap<>();

    @TempDir
    static Path cache;

    static GraphModelDef load(String name) {
        return LOADED.computeIfAbsent(name, n -> new ModelLoader(cache).load(null, n + ".json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness",
        "movenet-lightning", "handtrack", "handlandmark-lite", "centernet"})
    void loadsWithEveryNodeAndWeightOfItsManifest(String name) {
        GraphModelDef model = load(name);
        JsonNode json = manifestJson(name);

        assertThat(model.name()).isEqualTo(name);
        assertThat(model.source()).isEqualTo("classpath:/ai/human/models/" + name + ".json");
        assertThat(model.format()).isEqualTo(json.get("format").asText());
        assertThat(model.generatedBy()).isEqualTo(json.get("generatedBy").asText());
        assertThat(model.convertedBy()).isEqualTo(json.get("convertedBy").asText());

        List<String> nodeNames = new ArrayList<>();
        Map<String, Integer> ops = new TreeMap<>();
        for (JsonNode node : json.get("modelTopology").get("node")) {
            nodeNames.add(node.get("name").asText());
            ops.merge(node.get("op").asText(), 1, Integer::sum);
        }
        assertThat(model.nodes()).extracting(GraphNode::name).containsExactlyElementsOf(nodeNames);
        assertThat(model.opInventory()).isEqualTo(ops);

        List<String> weightNames = new ArrayList<>();
        long stored = 0;
        long decoded = 0;
        for (JsonNode group : json.get("weightsManifest")) {
            for (JsonNode w : group.get("weights")) {
                weightNames.add(w.get("name").asText());
                long count = elementCount(w);
                stored += count * storedBytesPerValue(w);
                decoded += count * 4; // all eleven models hold float32 and int32 weights only
            }
        }
        assertThat(model.weights().keySet()).containsExactlyElementsOf(weightNames);
        assertThat(model.storedWeightBytes()).isEqualTo(stored).isEqualTo(binary(name).length);
        assertThat(model.weightBytes()).isEqualTo(decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness",
        "movenet-lightning", "handtrack", "handlandmark-lite", "centernet"})
    void everyWeightEqualsItsIndependentlyDecodedBytes(String name) {
        GraphModelDef model = load(name);
        ByteBuffer bin = ByteBuffer.wrap(binary(name)).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode group : manifestJson(name).get("weightsManifest")) {
            for (JsonNode w : group.get("weights")) {
                WeightData actual = model.weights().get(w.get("name").asText());
                assertThat(actual.shape().toArray()).containsExactly(shapeOf(w));
                int count = (int) elementCount(w);
                if (w.get("dtype").asText().equals("int32")) {
                    assertThat(w.has("quantization")).isFalse();
                    int[] expected = new int[count];
                    for (int k = 0; k < count; k++) {
                        expected[k] = bin.getInt();
                    }
                    assertSameValues(actual.name(), actual.ints(), expected);
                } else {
                    float[] expected = new float[count];
                    String storedAs = w.has("quantization") ? w.get("quantization").get("dtype").asText() : "float32";
                    for (int k = 0; k < count; k++) {
                        expected[k] = switch (storedAs) {
                            case "float32" -> bin.getFloat();
                            case "float16" -> halfByDefinition(bin.getShort() & 0xffff);
                            case "uint8" -> (float) ((bin.get() & 0xff) * w.get("quantization").get("scale").asDouble()
                                    + w.get("quantization").get("min").asDouble());
                            default -> throw new AssertionError("unexpected storage " + storedAs);
                        };
                    }
                    assertSameValues(actual.name(), actual.floats(), expected);
                }
            }
        }
        assertThat(bin.remaining()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness",
        "movenet-lightning", "handtrack", "handlandmark-lite", "centernet"})
    void executionOrderRunsEveryNodeAfterItsInputs(String name) {
        GraphModelDef model = load(name);
        List<GraphNode> order = model.executionOrder();
        assertThat(order).containsExactlyInAnyOrderElementsOf(model.nodes());
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).name(), i);
        }
        for (GraphNode node : order) {
            for (String input : node.inputs()) {
                GraphNode producer = model.node(TensorRef.parse(input).node()).orElseThrow();
                if (!ExecutionOrder.isBackEdge(producer, node)) {
                    assertThat(position.get(producer.name())).as("%s before %s", producer.name(), node.name())
                            .isLessThan(position.get(node.name()));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness",
        "movenet-lightning", "handtrack", "handlandmark-lite", "centernet"})
    void nodesKeepTheirJsonAndEveryAttribute(String name) throws Exception {
        GraphModelDef model = load(name);
        JsonNode nodes = manifestJson(name).get("modelTopology").get("node");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode expected = nodes.get(i);
            GraphNode node = model.nodes().get(i);
            assertThat(Fixtures.JSON.readTree(node.rawJson())).isEqualTo(expected);
            JsonNode attrs = expected.path("attr");
            assertThat(node.attrs().keySet()).containsExactlyElementsOf(keys(attrs));
            for (Map.Entry<String, AttrValue> attr : node.attrs().entrySet()) {
                assertThat(Fixtures.JSON.readTree(attr.getValue().rawJson())).isEqualTo(attrs.get(attr.getKey()));
            }
            List<String> inputs = new ArrayList<>();
            expected.path("input").forEach(in -> inputs.add(in.asText()));
            assertThat(node.inputs()).isEqualTo(inputs);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness",
        "movenet-lightning", "handtrack", "handlandmark-lite", "centernet"})
    void signatureEntriesAreTheJsonsTensorNames(String name) {
        GraphModelDef model = load(name);
        JsonNode json = manifestJson(name);
        JsonNode signature = json.has("signature") ? json.get("signature") : json.get("userDefinedMetadata").get("signature");
        assertThat(model.inputs()).extracting(TensorSpec::key).containsExactlyElementsOf(keys(signature.get("inputs")));
        assertThat(model.outputs()).extracting(TensorSpec::key).containsExactlyElementsOf(keys(signature.get("outputs")));
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        signature.get("inputs").properties().forEach(e -> entries.put("in " + e.getKey(), e.getValue()));
        signature.get("outputs").properties().forEach(e -> entries.put("out " + e.getKey(), e.getValue()));
        List<TensorSpec> specs = new ArrayList<>(model.inputs());
        specs.addAll(model.outputs());
        int k = 0;
        for (JsonNode entry : entries.values()) {
            TensorSpec spec = specs.get(k++);
            String tensor = entry.get("name").asText();
            assertThat(spec.name()).isEqualTo(tensor.contains(":") ? tensor : tensor + ":0");
            assertThat(model.node(spec.node())).isPresent();
            List<Integer> dims = new ArrayList<>();
            entry.get("tensorShape").get("dim").forEach(d -> dims.add(d.get("size").asInt()));
            assertThat(spec.shape()).containsExactly(dims.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void handtrackWhileLoopMergesRunBeforeTheirNextIteration() {
        GraphModelDef handtrack = load("handtrack");
        List<String> order = handtrack.executionOrder().stream().map(GraphNode::name).toList();
        int backEdges = 0;
        for (GraphNode merge : handtrack.nodes()) {
            if (!merge.op().equals("Merge")) {
                continue;
            }
            for (String input : merge.dataInputs()) {
                GraphNode producer = handtrack.node(TensorRef.parse(input).node()).orElseThrow();
                if (producer.op().equals("NextIteration")) {
                    backEdges++;
                    assertThat(order.indexOf(merge.name())).isLessThan(order.indexOf(producer.name()));
                }
            }
        }
        assertThat(backEdges).isEqualTo(handtrack.opInventory().get("NextIteration"));
    }

    @Test
    void fusedConvolutionAttributesReadAsTyped() {
        GraphNode conv = load("blazeface").nodes().stream().filter(n -> n.op().equals("_FusedConv2D")).findFirst()
                .orElseThrow();
        assertThat(conv.attrStrings("fused_ops")).containsAnyOf("BiasAdd", "Relu");
        assertThat(conv.attrString("padding")).isIn("SAME", "VALID");
        assertThat(conv.attrInts("strides")).hasSize(4);
        assertThat(conv.attrType("T")).isEqualTo("DT_FLOAT");
        assertThat(conv.attrInt("num_args")).isEqualTo(conv.dataInputs().size() - 2);
    }

    private static JsonNode manifestJson(String name) {
        try {
            return Fixtures.JSON.readTree(Fixtures.resource("/ai/human/models/" + name + ".json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] binary(String name) {
        return Fixtures.resource("/ai/human/models/" + name + ".bin");
    }

    private static int[] shapeOf(JsonNode weight) {
        int[] shape = new int[weight.get("shape").size()];
        for (int k = 0; k < shape.length; k++) {
            shape[k] = weight.get("shape").get(k).asInt();
        }
        return shape;
    }

    private static long elementCount(JsonNode weight) {
        long count = 1;
        for (int d : shapeOf(weight)) {
            count *= d;
        }
        return count;
    }

    private static int storedBytesPerValue(JsonNode weight) {
        String storedAs = weight.has("quantization") ? weight.get("quantization").get("dtype").asText()
                : weight.get("dtype").asText();
        return switch (storedAs) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8", "bool" -> 1;
            default -> throw new AssertionError("unexpected dtype " + storedAs);
        };
    }

    /** A finite half float by its definition: sign × 1.mantissa × 2^(exponent − 15), or 0.mantissa × 2^−14. */
    private static float halfByDefinition(int bits) {
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        assertThat(exponent).as("no infinities or NaNs in the models").isLessThan(31);
        double magnitude = exponent == 0 ? Math.scalb((double) mantissa, -24) : Math.scalb(1024.0 + mantissa, exponent - 25);
        return (float) ((bits & 0x8000) != 0 ? -magnitude : magnitude);
    }

    /** Element-wise equality (bit-exact for floats) that reports the first difference; linear time for large weights. */
    private static void assertSameValues(String weight, float[] actual, float[] expected) {
        assertThat(actual.length).as(weight + " length").isEqualTo(expected.length);
        for (int k = 0; k < actual.length; k++) {
            if (Float.floatToIntBits(actual[k]) != Float.floatToIntBits(expected[k])) {
                assertThat(actual[k]).as("%s[%d]", weight, k).isEqualTo(expected[k]);
            }
        }
    }

    private static void assertSameValues(String weight, int[] actual, int[] expected) {
        assertThat(actual.length).as(weight + " length").isEqualTo(expected.length);
        for (int k = 0; k < actual.length; k++) {
            if (actual[k] != expected[k]) {
                assertThat(actual[k]).as("%s[%d]", weight, k).isEqualTo(expected[k]);
            }
        }
    }

    private static List<String> keys(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }
}
