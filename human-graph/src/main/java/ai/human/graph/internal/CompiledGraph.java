package ai.human.graph.internal;

import ai.human.model.GraphModelDef;
import ai.human.model.GraphNode;
import ai.human.model.TensorSpec;
import ai.human.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A graph model after load: nodes by index, inputs as index arrays, one kernel per node that runs, and the constant
 * values (weights and folded subgraphs). Immutable once built; shared by all runs.
 */
final class CompiledGraph {
    /** Model name and where it was read from, for messages. */
    final String name;
    final String source;
    final List<TensorSpec> inputs;
    final List<TensorSpec> outputs;
    final List<GraphNode> nodes;
    final Map<String, Integer> index;
    /** Producer node and output port of each data input. */
    final int[][] inNode;
    final int[][] inPort;
    /** Nodes each node has a control dependency on. */
    final int[][] control;
    /** The op of each node; null for {@code Const} and {@code Placeholder}. */
    final Ops.Op[] ops;
    /** The kernel of each node that runs; null for constants, placeholders and folded nodes. */
    final Kernel[] kernels;
    /** Output values of {@code Const} and folded nodes, else null. */
    final TensorValue[][] constants;
    final boolean[] placeholder;
    /** Node indices in execution order. */
    final int[] order;
    /** Number of output ports of each node that some node or signature output reads (at least 1). */
    final int[] ports;
    /** Backend tensors the model owns. */
    final List<Tensor> weights;
    final long weightBytes;
    final int foldedNodes;

    CompiledGraph(GraphModelDef def, Map<String, Integer> index, int[][] inNode, int[][] inPort, int[][] control,
            Ops.Op[] ops, Kernel[] kernels, TensorValue[][] constants, boolean[] placeholder, int[] order, int[] ports,
            List<Tensor> weights, int foldedNodes) {
        // the definition itself is not kept: its decoded weights would stay on the heap for the model's lifetime
        this.name = def.name();
        this.source = def.source();
        this.inputs = def.inputs();
        this.outputs = def.outputs();
        this.nodes = def.nodes();
        this.index = index;
        this.inNode = inNode;
        this.inPort = inPort;
        this.control = control;
        this.ops = ops;
        this.kernels = kernels;
        this.constants = constants;
        this.placeholder = placeholder;
        this.order = order;
        this.ports = ports;
        this.weights = List.copyOf(weights);
        this.weightBytes = weights.stream().mapToLong(Tensor::byteSize).sum();
        this.foldedNodes = foldedNodes;
    }

    int size() {
        return nodes.size();
    }

    boolean isConstant(int node) {
        return constants[node] != null;
    }

    /** "Model 'name' (source), node 'x' (Op)", the prefix of every message about a node. */
    String where(int node) {
        GraphNode n = nodes.get(node);
        return "Model '" + name + "' (" + source + "), node '" + n.name() + "' (" + n.op() + ")";
    }

    static String where(GraphModelDef def, GraphNode node) {
        return "Model '" + def.name() + "' (" + def.source() + "), node '" + node.name() + "' (" + node.op() + ")";
    }
}
