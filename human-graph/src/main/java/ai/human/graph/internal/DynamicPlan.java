package ai.human.graph.internal;

import ai.human.model.GraphNode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The schedule of a graph with TensorFlow 1 control flow (while-loops from {@code Enter/Merge/Switch/NextIteration/
 * Exit/LoopCond}): a dataflow executor that runs a node, in a frame, once all of its inputs are alive there (for
 * {@code Merge}: any). Values are kept per frame and iteration; {@code Switch} makes one output dead, and nodes behind
 * a dead value never run. Values are freed after their last reader in the same frame; values read across frames (loop
 * invariants) and dead-branch values live until the run ends, when the run's scope closes them.
 */
final class DynamicPlan extends Plan {
    private final Ops.Kind[] kinds;
    private final String[] enterFrame;
    private final boolean[] constantEnter;
    /** Needed consumers (data or control) of each node. */
    private final int[][] children;
    /** Needed non-constant nodes whose inputs are all constants or placeholders. */
    private final int[] starters;

    private record Item(int node, Frame frame) {
    }

    DynamicPlan(CompiledGraph graph, int[] outputNodes, int[] outputPorts) {
        super(graph, outputNodes, outputPorts);
        int n = graph.size();
        kinds = new Ops.Kind[n];
        enterFrame = new String[n];
        constantEnter = new boolean[n];
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) {
            if (graph.ops[i] != null) {
                kinds[i] = graph.ops[i].kind();
            }
            if (kinds[i] == Ops.Kind.ENTER) {
                GraphNode node = graph.nodes.get(i);
                enterFrame[i] = node.attrString("frame_name", "");
                constantEnter[i] = node.attrBool("is_constant", false);
            }
        }
        int[][] producers = new int[n][];
        for (int i = 0; i < n; i++) {
            producers[i] = needed[i] && graph.kernels[i] != null
                    ? java.util.stream.IntStream.concat(Arrays.stream(graph.inNode[i]), Arrays.stream(graph.control[i]))
                            .distinct().toArray()
                    : new int[0];
            for (int p : producers[i]) {
                childCount[p]++;
            }
        }
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCount[i]];
            childCount[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int p : producers[i]) {
                children[p][childCount[p]++] = i;
            }
        }
        starters = java.util.stream.IntStream.range(0, n).filter(i -> needed[i] && graph.kernels[i] != null
                && Arrays.stream(producers[i]).allMatch(p -> graph.isConstant(p) || graph.placeholder[p])).toArray();
    }

    @Override
    boolean isDynamic() {
        return true;
    }

    @Override
    Value[] run(Exec exec, Value[] feeds) {
        int n = graph.size();
        Frame root = new Frame(null, "", 0, n);
        for (int p = 0; p < placeholders.length; p++) {
            feeds[p].retain(consumers[placeholders[p]][0]);
            root.values[placeholders[p]] = new Value[] {feeds[p]};
        }
        Deque<Item> stack = new ArrayDeque<>();
        for (int s : starters) {
            root.scheduled[s] = true;
            stack.push(new Item(s, root));
        }
        while (!stack.isEmpty()) {
            Item item = stack.pop();
            execute(exec, item.node, item.frame, stack);
        }
        Value[] result = new Value[outputNodes.length];
        for (int k = 0; k < result.length; k++) {
            result[k] = lookup(outputNodes[k], outputPorts[k], root);
            if (result[k] == null) {
                throw failure(outputNodes[k], new IllegalStateException("output " + outputPorts[k] + " was not"
                        + " computed: it is dead (behind an untaken Switch branch) or its inputs never became available"));
            }
        }
        return result;
    }

    private void execute(Exec exec, int node, Frame frame, Deque<Item> stack) {
        int[] inNode = graph.inNode[node];
        int[] inPort = graph.inPort[node];
        Value[] in = new Value[inNode.length];
        boolean[] local = new boolean[inNode.length];
        for (int j = 0; j < in.length; j++) {
            int p = inNode[j];
            if (graph.isConstant(p)) {
                in[j] = graph.constants[p][inPort[j]];
                continue;
            }
            Frame where = frame.find(p);
            if (where != null) {
                in[j] = where.values[p][inPort[j]];
                local[j] = where == frame;
            }
        }
        Value[] out;
        try {
            out = graph.kernels[node].run(exec, in);
        } catch (RuntimeException e) {
            throw failure(node, e);
        } finally {
            exec.closeTemps();
        }
        Frame target = switch (kinds[node]) {
            case ENTER -> frame.enter(enterFrame[node]);
            case EXIT -> {
                if (frame.parent == null) {
                    throw failure(node, new IllegalStateException("Exit outside any while-loop frame"));
                }
                yield frame.parent;
            }
            case NEXT_ITERATION -> frame.nextIteration();
            default -> frame;
        };
        Frame store = kinds[node] == Ops.Kind.ENTER && constantEnter[node] ? frame : target;
        store.values[node] = adopt(node, out);
        for (int j = 0; j < in.length; j++) {
            if (local[j] && in[j] != null) {
                in[j].release();
            }
        }
        for (int c : children[node]) {
            if (!target.scheduled[c] && ready(c, target)) {
                target.scheduled[c] = true;
                stack.push(new Item(c, target));
            }
        }
    }

    private boolean ready(int node, Frame frame) {
        int[] inNode = graph.inNode[node];
        int[] inPort = graph.inPort[node];
        boolean merge = kinds[node] == Ops.Kind.MERGE;
        boolean any = false;
        for (int j = 0; j < inNode.length; j++) {
            boolean alive = lookup(inNode[j], inPort[j], frame) != null;
            if (merge) {
                any |= alive;
            } else if (!alive) {
                return false;
            }
        }
        if (merge && !any) {
            return false;
        }
        for (int p : graph.control[node]) {
            if (!graph.isConstant(p) && frame.find(p) == null) {
                return false;
            }
        }
        return true;
    }

    private Value lookup(int node, int port, Frame frame) {
        if (graph.isConstant(node)) {
            return graph.constants[node][port];
        }
        Frame where = frame.find(node);
        return where == null ? null : where.values[node][port];
    }
}
