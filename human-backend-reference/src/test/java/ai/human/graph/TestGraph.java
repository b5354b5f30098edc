package ai.human.graph;

import ai.human.model.AttrValue;
import ai.human.model.GraphModelDef;
import ai.human.model.GraphNode;
import ai.human.model.TensorSpec;
import ai.human.model.WeightData;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small {@link GraphModelDef}s in code for executor tests. */
final class TestGraph {
    private final String name;
    private final List<NodeBuilder> nodes = new ArrayList<>();
    private final Map<String, WeightData> weights = new LinkedHashMap<>();
    private final List<TensorSpec> inputs = new ArrayList<>();
    private final List<TensorSpec> outputs = new ArrayList<>();

    private TestGraph(String name) {
        this.name = name;
    }

    static TestGraph named(String name) {
        return new TestGraph(name);
    }

    /** A placeholder (and signature input) with a shape attribute; -1 for any size. */
    TestGraph input(String node, DType dtype, int... shape) {
        op(node, "Placeholder").type("dtype", tfType(dtype)).shape("shape", shape);
        inputs.add(new TensorSpec(node, node + ":0", node, 0, dtype, shape));
        return this;
    }

    TestGraph floats(String node, Shape shape, float... values) {
        weights.put(node, WeightData.ofFloats(node, shape, values));
        op(node, "Const").type("dtype", "DT_FLOAT");
        return this;
    }

    TestGraph ints(String node, Shape shape, int... values) {
        weights.put(node, WeightData.ofInts(node, shape, values));
        op(node, "Const").type("dtype", "DT_INT32");
        return this;
    }

    /** A scalar int32 constant. */
    TestGraph scalar(String node, int value) {
        return ints(node, Shape.scalar(), value);
    }

    /** A rank-1 int32 constant. */
    TestGraph vector(String node, int... values) {
        return ints(node, Shape.of(values.length), values);
    }

    TestGraph bools(String node, Shape shape, boolean... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        weights.put(node, WeightData.ofBytes(node, DType.BOOL, shape, bytes));
        op(node, "Const").type("dtype", "DT_BOOL");
        return this;
    }

    /** Adds a node; inputs as written in graphs ({@code x}, {@code x:1}, {@code ^x}). */
    NodeBuilder op(String node, String op, String... inputs) {
        NodeBuilder b = new NodeBuilder(this, node, op, List.of(inputs));
        nodes.add(b);
        return b;
    }

    /** Declares a signature output (tensor {@code node:index} or {@code node}). */
    TestGraph output(String tensor, DType dtype) {
        String[] parts = tensor.split(":");
        String node = parts[0];
        int index = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        outputs.add(new TensorSpec(tensor, node + ":" + index, node, index, dtype, new int[0]));
        return this;
    }

    TestGraph output(String tensor) {
        return output(tensor, DType.FLOAT32);
    }

    GraphModelDef build() {
        List<GraphNode> built = nodes.stream().map(NodeBuilder::build).toList();
        long bytes = weights.values().stream().mapToLong(WeightData::byteSize).sum();
        return new GraphModelDef(name, "test:" + name, "graph-model", "", "", built, inputs, outputs, weights, bytes,
                "{}");
    }

    static String tfType(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "DT_FLOAT";
            case INT32 -> "DT_INT32";
            case UINT8 -> "DT_UINT8";
            case BOOL -> "DT_BOOL";
        };
    }

    /** Attributes of one node. */
    static final class NodeBuilder {
        private final String name;
        private final String op;
        private final List<String> inputs;
        private final Map<String, AttrValue> attrs = new LinkedHashMap<>();
        private final TestGraph graph;

        NodeBuilder(TestGraph graph, String name, String op, List<String> inputs) {
            this.graph = graph;
            this.name = name;
            this.op = op;
            this.inputs = inputs;
        }

        NodeBuilder type(String attr, String tfType) {
            attrs.put(attr, AttrValue.ofType(tfType, "{}"));
            return this;
        }

        NodeBuilder dtype(String attr, DType dtype) {
            return type(attr, tfType(dtype));
        }

        NodeBuilder i(String attr, long value) {
            attrs.put(attr, AttrValue.ofInt(value, "{}"));
            return this;
        }

        NodeBuilder f(String attr, float value) {
            attrs.put(attr, AttrValue.ofFloat(value, "{}"));
            return this;
        }

        NodeBuilder b(String attr, boolean value) {
            attrs.put(attr, AttrValue.ofBool(value, "{}"));
            return this;
        }

        NodeBuilder s(String attr, String value) {
            attrs.put(attr, AttrValue.ofBytes(value.getBytes(StandardCharsets.UTF_8), "{}"));
            return this;
        }

        NodeBuilder ints(String attr, long... values) {
            attrs.put(attr, AttrValue.ofList(new AttrValue.ListValue(List.of(), values, new float[0], new boolean[0],
                    List.of(), List.of(), List.of(), List.of()), "{}"));
            return this;
        }

        NodeBuilder strings(String attr, String... values) {
            List<byte[]> bytes = Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
            attrs.put(attr, AttrValue.ofList(new AttrValue.ListValue(bytes, new long[0], new float[0], new boolean[0],
                    List.of(), List.of(), List.of(), List.of()), "{}"));
            return this;
        }

        NodeBuilder shape(String attr, int... dims) {
            attrs.put(attr, AttrValue.ofShape(new AttrValue.ShapeValue(false,
                    Arrays.stream(dims).asLongStream().toArray()), "{}"));
            return this;
        }

        /** Back to the graph (for chaining). */
        TestGraph end() {
            return graph;
        }

        GraphNode build() {
            return new GraphNode(name, op, "", inputs, attrs, "{}");
        }
    }
}
