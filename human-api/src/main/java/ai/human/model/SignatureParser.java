package ai.human.model;

import ai.human.tensor.DType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model's inputs and outputs from its signature, which TensorFlow.js writes either at the top
 * level ({@code signature}) or under {@code userDefinedMetadata.signature}. The signature's keys are
 * labels; the tensor is each entry's {@code name}. Without a signature, the inputs are the
 * {@code Placeholder} nodes and the outputs the nodes whose outputs nothing consumes.
 */
final class SignatureParser {
    private final String source;

    SignatureParser(String source) {
        this.source = source;
    }

    /** The signature object of {@code root}, or null when the model has none. */
    static JsonNode find(JsonNode root) {
        JsonNode top = root.get("signature");
        if (top != null && top.isObject() && (top.has("inputs") || top.has("outputs"))) {
            return top;
        }
        JsonNode nested = root.path("userDefinedMetadata").get("signature");
        return nested != null && nested.isObject() ? nested : null;
    }

    List<TensorSpec> parse(JsonNode signature, String field) {
        List<TensorSpec> out = new ArrayList<>();
        JsonNode entries = signature.get(field);
        if (entries == null) {
            return out;
        }
        if (!entries.isObject()) {
            throw new ModelException(source + ": signature '" + field + "' is not an object");
        }
        for (Map.Entry<String, JsonNode> e : entries.properties()) {
            String where = source + ": signature " + field + " '" + e.getKey() + "'";
            JsonNode entry = e.getValue();
            JsonNode name = entry.get("name");
            if (name == null || !name.isTextual() || name.asText().isEmpty()) {
                throw new ModelException(where + " has no tensor 'name'");
            }
            TensorRef ref = ref(name.asText(), where);
            String tfType = entry.has("dtype") ? new AttrParser(where).type("dtype", entry.get("dtype"))
                    : "DT_FLOAT";
            DType dtype = TfTypes.toDType(tfType).orElseThrow(() -> new ModelException(where + " has type " + tfType
                    + ", which has no counterpart among " + List.of(DType.values())));
            int[] shape = entry.has("tensorShape") ? dims(entry.get("tensorShape"), where) : new int[0];
            out.add(new TensorSpec(e.getKey(), ref.tensorName(), ref.node(), ref.index(), dtype, shape));
        }
        return out;
    }

    /** Inputs and outputs of a model without a signature. */
    List<List<TensorSpec>> infer(List<GraphNode> nodes) {
        Set<String> consumed = new HashSet<>();
        for (GraphNode node : nodes) {
            for (String input : node.inputs()) {
                consumed.add(TensorRef.parse(input).node());
            }
        }
        List<TensorSpec> inputs = new ArrayList<>();
        List<TensorSpec> outputs = new ArrayList<>();
        for (GraphNode node : nodes) {
            if (node.op().equals("Placeholder")) {
                DType dtype = node.findAttr("dtype").flatMap(a -> TfTypes.toDType(a.type())).orElse(DType.FLOAT32);
                int[] shape = node.findAttr("shape").map(a -> toInts(a.shape().dims(), source)).orElse(new int[0]);
                inputs.add(new TensorSpec(node.name(), node.name() + ":0", node.name(), 0, dtype, shape));
            } else if (!consumed.contains(node.name()) && !node.op().equals("Const") && !node.op().equals("NoOp")) {
                DType dtype = node.findAttr("T").flatMap(a -> TfTypes.toDType(a.type())).orElse(DType.FLOAT32);
                outputs.add(new TensorSpec(node.name(), node.name() + ":0", node.name(), 0, dtype, new int[0]));
            }
        }
        return List.of(inputs, outputs);
    }

    private TensorRef ref(String name, String where) {
        try {
            return TensorRef.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ModelException(where + ": " + e.getMessage(), e);
        }
    }

    private int[] dims(JsonNode tensorShape, String where) {
        if (tensorShape.path("unknownRank").asBoolean(false)) {
            return new int[0];
        }
        return toInts(new AttrParser(where).shape("tensorShape", tensorShape).dims(), where);
    }

    private static int[] toInts(long[] dims, String where) {
        int[] out = new int[dims.length];
        for (int k = 0; k < dims.length; k++) {
            if (dims[k] < -1 || dims[k] > Integer.MAX_VALUE) {
                throw new ModelException(where + ": dimension " + dims[k] + " is out of range");
            }
            out[k] = (int) dims[k];
        }
        return out;
    }
}
