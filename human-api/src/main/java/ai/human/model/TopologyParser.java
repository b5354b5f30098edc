package ai.human.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the nodes of {@code modelTopology} (a GraphDef in proto3 JSON) in JSON order. */
final class TopologyParser {
    private TopologyParser() {
    }

    static List<GraphNode> parse(JsonNode topology, String source) {
        JsonNode nodes = topology.get("node");
        if (nodes == null || !nodes.isArray()) {
            throw new ModelException(source + ": modelTopology has no 'node' array; is this a TensorFlow.js graph model?");
        }
        List<GraphNode> out = new ArrayList<>(nodes.size());
        int position = 0;
        for (JsonNode node : nodes) {
            String where = source + ", node #" + position;
            String name = text(node, "name", where);
            where = source + ", node '" + name + "'";
            String op = text(node, "op", where);
            List<String> inputs = new ArrayList<>();
            JsonNode in = node.get("input");
            if (in != null) {
                if (!in.isArray()) {
                    throw new ModelException(where + ": 'input' is not an array");
                }
                for (JsonNode i : in) {
                    if (!i.isTextual() || i.asText().isEmpty() || i.asText().equals("^")) {
                        throw new ModelException(where + ": input " + i + " is not a tensor or node name");
                    }
                    inputs.add(i.asText());
                }
            }
            String device = node.path("device").asText("");
            out.add(new GraphNode(name, op, device, inputs, new AttrParser(where).parseAll(node.get("attr")),
                    node.toString()));
            position++;
        }
        return out;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new ModelException(where + ": has no '" + field + "'");
        }
        return v.asText();
    }
}
