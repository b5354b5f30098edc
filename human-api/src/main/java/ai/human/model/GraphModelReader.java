package ai.human.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/** Turns the bytes of a {@code model.json} and its weight shards into a checked {@link GraphModelDef}. */
final class GraphModelReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GraphModelReader() {
    }

    /**
     * @param name   short model name
     * @param source where the JSON came from, for messages
     * @param json   the {@code model.json} bytes
     * @param shards reads the weight files that the manifest names
     */
    public static GraphModelDef read(String name, String source, byte[] json, WeightDecoder.ShardReader shards) {
        JsonNode root = parse(json, source);
        String format = root.path("format").asText("");
        if (!format.isEmpty() && !format.equals("graph-model")) {
            throw new ModelException(source + ": is a TensorFlow.js '" + format
                    + "'; only graph models (format 'graph-model') can be loaded");
        }
        JsonNode topology = root.get("modelTopology");
        if (topology == null || !topology.isObject()) {
            throw new ModelException(source + ": has no 'modelTopology' object; is this a TensorFlow.js model.json?");
        }
        List<GraphNode> nodes = TopologyParser.parse(topology, source);
        SignatureParser signatures = new SignatureParser(source);
        JsonNode signature = SignatureParser.find(root);
        List<TensorSpec> inputs;
        List<TensorSpec> outputs;
        if (signature != null) {
            inputs = signatures.parse(signature, "inputs");
            outputs = signatures.parse(signature, "outputs");
        } else {
            List<List<TensorSpec>> inferred = signatures.infer(nodes);
            inputs = inferred.get(0);
            outputs = inferred.get(1);
        }
        WeightDecoder.Result weights = WeightDecoder.decode(root.get("weightsManifest"), source, shards);
        return new GraphModelDef(name, source, format, root.path("generatedBy").asText(""),
                root.path("convertedBy").asText(""), nodes, inputs, outputs, weights.weights(), weights.storedBytes(),
                topology.toString());
    }

    private static JsonNode parse(byte[] json, String source) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ModelException(source + ": is not a JSON object (empty file or wrong file?)");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ModelException(source + ": is not valid JSON" + position + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelException(source + ": cannot be read as JSON: " + e.getMessage(), e);
        }
    }
}
