package ai.human.graph.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * How to compute a set of outputs from the placeholders: which nodes run, in what order, and how many consumers read
 * each output (so it can be freed after the last one). Immutable; {@link #run} keeps all its state on the stack.
 */
abstract class Plan {
    final CompiledGraph graph;
    /** Requested outputs: node and port. */
    final int[] outputNodes;
    final int[] outputPorts;
    /** Nodes that must run (constants excluded). */
    final boolean[] needed;
    /** Placeholders the outputs depend on, in node order. */
    final int[] placeholders;
    /** Output ports per node (at least what consumers and requested outputs read). */
    final int[] ports;
    /** Readers of each node output among the needed nodes, plus one per requested output: {@code [node][port]}. */
    final int[][] consumers;

    Plan(CompiledGraph graph, int[] outputNodes, int[] outputPorts) {
        this.graph = graph;
        this.outputNodes = outputNodes;
        this.outputPorts = outputPorts;
        int n = graph.size();
        this.needed = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        for (int node : outputNodes) {
            work.push(node);
        }
        while (!work.isEmpty()) {
            int node = work.pop();
            if (needed[node] || graph.isConstant(node)) {
                continue;
            }
            needed[node] = true;
            for (int p : graph.inNode[node]) {
                work.push(p);
            }
            for (int p : graph.control[node]) {
                work.push(p);
            }
        }
        this.placeholders = java.util.stream.IntStream.range(0, n).filter(i -> needed[i] && graph.placeholder[i])
                .toArray();
        this.ports = Arrays.copyOf(graph.ports, n);
        for (int k = 0; k < outputNodes.length; k++) {
            ports[outputNodes[k]] = Math.max(ports[outputNodes[k]], outputPorts[k] + 1);
        }
        this.consumers = new int[n][];
        for (int i = 0; i < n; i++) {
            consumers[i] = new int[ports[i]];
        }
        for (int i = 0; i < n; i++) {
            if (!needed[i] || graph.placeholder[i]) {
                continue;
            }
            for (int j = 0; j < graph.inNode[i].length; j++) {
                consumers[graph.inNode[i][j]][graph.inPort[i][j]]++;
            }
        }
        for (int k = 0; k < outputNodes.length; k++) {
            consumers[outputNodes[k]][outputPorts[k]]++;
        }
    }

    /**
     * Runs the plan.
     *
     * @param feeds one value per {@link #placeholders} entry
     * @return one value per requested output, each holding a reference the run never drops
     */
    abstract Value[] run(Exec exec, Value[] feeds);

    /** True for the frame-aware schedule that TensorFlow 1 control flow needs. */
    abstract boolean isDynamic();

    /**
     * Stores a node's outputs: counts their readers and frees those nobody reads. Returns exactly {@code ports[node]}
     * values; outputs a kernel did not make are dead ({@code null}).
     */
    final Value[] adopt(int node, Value[] out) {
        int count = ports[node];
        int[] readers = consumers[node];
        for (int k = 0; k < Math.min(out.length, count); k++) {
            if (out[k] != null) {
                out[k].retain(readers[k]);
            }
        }
        for (Value v : out) {
            if (v != null) {
                v.freeIfUnreferenced();
            }
        }
        return out.length == count ? out : Arrays.copyOf(out, count);
    }

    /** Wraps a kernel failure with the node it happened in. */
    final RuntimeException failure(int node, RuntimeException e) {
        if (e instanceof ai.human.model.ModelException && e.getMessage() != null
                && e.getMessage().startsWith("Model '")) {
            return e;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ai.human.model.ModelException(graph.where(node) + " failed: " + message, e);
    }
}
