package ai.human.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A TensorFlow.js graph model read into plain Java values: nodes, signature and decoded weights.
 * Immutable and checked when built: node names are unique, every input names a node, every
 * {@code Const} node has a weight of its declared type and shape, every signature entry names a node,
 * and the graph has no cycle except TensorFlow 1 while-loops.
 *
 * <pre>{@code
 * GraphModelDef model = new ModelLoader().load(null, "facemesh.json");
 * model.inputs();          // [TensorSpec[input_1 = input_1:0, FLOAT32, [-1, 192, 192, 3]]]
 * model.opInventory();     // {AddV2=24, Const=120, DepthwiseConv2dNative=24, ...}
 * for (GraphNode node : model.executionOrder()) { ... }
 * }</pre>
 */
public final class GraphModelDef {
    private final String name;
    private final String source;
    private final String format;
    private final String generatedBy;
    private final String convertedBy;
    private final List<GraphNode> nodes;
    private final Map<String, GraphNode> nodesByName;
    private final List<GraphNode> executionOrder;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Map<String, WeightData> weights;
    private final long storedWeightBytes;
    private final String topologyJson;

    /**
     * Builds and checks a model definition.
     *
     * @param name              short model name, e.g. {@code blazeface}
     * @param source            where it was read from, named in error messages
     * @param format            the JSON's {@code format} (e.g. {@code graph-model}), or empty
     * @param generatedBy       the JSON's {@code generatedBy}, or empty
     * @param convertedBy       the JSON's {@code convertedBy}, or empty
     * @param nodes             nodes in JSON order
     * @param inputs            signature inputs
     * @param outputs           signature outputs
     * @param weights           weights by node name, in manifest order
     * @param storedWeightBytes bytes the weights took in the shards (less than decoded when quantised)
     * @param topologyJson      the JSON text of {@code modelTopology}
     * @throws ModelException when the parts do not fit together
     */
    public GraphModelDef(String name, String source, String format, String generatedBy, String convertedBy,
            List<GraphNode> nodes, List<TensorSpec> inputs, List<TensorSpec> outputs, Map<String, WeightData> weights,
            long storedWeightBytes, String topologyJson) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.format = Objects.requireNonNullElse(format, "");
        this.generatedBy = Objects.requireNonNullElse(generatedBy, "");
        this.convertedBy = Objects.requireNonNullElse(convertedBy, "");
        this.nodes = List.copyOf(nodes);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.storedWeightBytes = storedWeightBytes;
        this.topologyJson = Objects.requireNonNull(topologyJson, "topologyJson");

        Map<String, GraphNode> byName = new HashMap<>(this.nodes.size() * 2);
        for (GraphNode node : this.nodes) {
            if (byName.put(node.name(), node) != null) {
                throw new ModelException(source + ": two nodes are named '" + node.name() + "'; node names must be unique");
            }
        }
        this.nodesByName = Collections.unmodifiableMap(byName);
        checkConstantsHaveWeights();
        checkSignature(this.inputs, "input");
        checkSignature(this.outputs, "output");
        this.executionOrder = ExecutionOrder.sort(this.nodes, source);
    }

    private void checkConstantsHaveWeights() {
        for (GraphNode node : nodes) {
            if (!node.op().equals("Const")) {
                continue;
            }
            WeightData weight = weights.get(node.name());
            if (weight == null) {
                throw new ModelException(source + ": Const node '" + node.name()
                        + "' has no weight in the weightsManifest; the model's .json and .bin do not belong together");
            }
            Optional<AttrValue> dtype = node.findAttr("dtype");
            if (dtype.isPresent() && dtype.get().kind() == AttrValue.Kind.TYPE
                    && !TfTypes.toDType(dtype.get().type()).equals(Optional.of(weight.dtype()))) {
                throw new ModelException(source + ": Const node '" + node.name() + "' is " + dtype.get().type()
                        + " but its weight is " + weight.dtype());
            }
            Optional<AttrValue> value = node.findAttr("value");
            if (value.isPresent() && value.get().kind() == AttrValue.Kind.TENSOR) {
                long[] declared = value.get().tensor().shape().dims();
                long[] actual = Arrays.stream(weight.shape().toArray()).asLongStream().toArray();
                if (!Arrays.equals(declared, actual)) {
                    throw new ModelException(source + ": Const node '" + node.name() + "' has shape "
                            + Arrays.toString(declared) + " but its weight has shape " + weight.shape());
                }
            }
        }
    }

    private void checkSignature(List<TensorSpec> specs, String what) {
        for (TensorSpec spec : specs) {
            if (!nodesByName.containsKey(spec.node())) {
                throw new ModelException(source + ": signature " + what + " '" + spec.key() + "' names tensor '"
                        + spec.name() + "', but the graph has no node '" + spec.node() + "'");
            }
        }
    }

    /** {@return short model name, the file name without {@code .json} (e.g. {@code blazeface})} */
    public String name() {
        return name;
    }

    /** {@return where the model's JSON was read from (e.g. {@code classpath:/ai/human/models/blazeface.json})} */
    public String source() {
        return source;
    }

    /** {@return the JSON's {@code format}, {@code graph-model} for every model this library runs} */
    public String format() {
        return format;
    }

    /** {@return the JSON's {@code generatedBy}: the TensorFlow version that saved the model} */
    public String generatedBy() {
        return generatedBy;
    }

    /** {@return the JSON's {@code convertedBy}: the converter that made the TensorFlow.js model} */
    public String convertedBy() {
        return convertedBy;
    }

    /** {@return all nodes in JSON order (which is not an execution order)} */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /**
     * {@return the node named {@code nodeName}, if there is one}
     *
     * @param nodeName the node's name
     */
    public Optional<GraphNode> node(String nodeName) {
        return Optional.ofNullable(nodesByName.get(nodeName));
    }

    /**
     * {@return all nodes, each after every node it takes a data or control input from (while-loop back edges
     * {@code NextIteration → Merge} excepted)}
     */
    public List<GraphNode> executionOrder() {
        return executionOrder;
    }

    /** {@return the inputs of the model's signature} */
    public List<TensorSpec> inputs() {
        return inputs;
    }

    /** {@return the outputs of the model's signature, in the order the model returns them} */
    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** {@return weights by the name of their {@code Const} node, in manifest order} */
    public Map<String, WeightData> weights() {
        return weights;
    }

    /** {@return how many nodes use each op, by op name in alphabetical order} */
    public Map<String, Integer> opInventory() {
        Map<String, Integer> counts = new TreeMap<>();
        for (GraphNode node : nodes) {
            counts.merge(node.op(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** {@return bytes the decoded weights take in memory (float16 and uint8 weights count as float32)} */
    public long weightBytes() {
        return weights.values().stream().mapToLong(WeightData::byteSize).sum();
    }

    /** {@return bytes the weights took in the weight files, which is the files' total size} */
    public long storedWeightBytes() {
        return storedWeightBytes;
    }

    /** {@return the JSON text of {@code modelTopology}, a TensorFlow GraphDef in proto3 JSON form} */
    public String topologyJson() {
        return topologyJson;
    }

    @Override
    public String toString() {
        return "GraphModelDef[" + name + " from " + source + ": " + nodes.size() + " nodes, " + weights.size()
                + " weights, " + weightBytes() + " bytes]";
    }
}
