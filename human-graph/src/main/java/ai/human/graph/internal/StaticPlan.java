package ai.human.graph.internal;

/**
 * The schedule of a graph without control flow: needed nodes in execution order, inputs as precomputed slot indices.
 * A run is one pass over arrays; every intermediate is freed as soon as its last reader ran.
 */
final class StaticPlan extends Plan {
    private final int[] steps;
    private final int[][] stepInputs;
    private final int[] slotBase;
    private final int slotCount;
    private final Value[] template;
    private final int[] feedSlots;
    private final int[] outputSlots;

    StaticPlan(CompiledGraph graph, int[] outputNodes, int[] outputPorts) {
        super(graph, outputNodes, outputPorts);
        int n = graph.size();
        slotBase = new int[n];
        int slots = 0;
        for (int i = 0; i < n; i++) {
            slotBase[i] = slots;
            if (needed[i] || graph.isConstant(i)) {
                slots += ports[i];
            }
        }
        slotCount = slots;
        template = new Value[slotCount];
        for (int i = 0; i < n; i++) {
            if (graph.isConstant(i)) {
                System.arraycopy(graph.constants[i], 0, template, slotBase[i], graph.constants[i].length);
            }
        }
        int stepCount = 0;
        for (int i : graph.order) {
            if (needed[i] && graph.kernels[i] != null) {
                stepCount++;
            }
        }
        steps = new int[stepCount];
        stepInputs = new int[stepCount][];
        int s = 0;
        for (int i : graph.order) {
            if (!needed[i] || graph.kernels[i] == null) {
                continue;
            }
            steps[s] = i;
            int[] inputs = new int[graph.inNode[i].length];
            for (int j = 0; j < inputs.length; j++) {
                inputs[j] = slotBase[graph.inNode[i][j]] + graph.inPort[i][j];
            }
            stepInputs[s++] = inputs;
        }
        feedSlots = new int[placeholders.length];
        for (int p = 0; p < placeholders.length; p++) {
            feedSlots[p] = slotBase[placeholders[p]];
        }
        outputSlots = new int[outputNodes.length];
        for (int k = 0; k < outputNodes.length; k++) {
            outputSlots[k] = slotBase[outputNodes[k]] + outputPorts[k];
        }
    }

    @Override
    boolean isDynamic() {
        return false;
    }

    /** Number of kernels a run executes. */
    int stepCount() {
        return steps.length;
    }

    @Override
    Value[] run(Exec exec, Value[] feeds) {
        Value[] slots = template.clone();
        for (int p = 0; p < feedSlots.length; p++) {
            feeds[p].retain(consumers[placeholders[p]][0]);
            slots[feedSlots[p]] = feeds[p];
        }
        Kernel[] kernels = graph.kernels;
        for (int s = 0; s < steps.length; s++) {
            int node = steps[s];
            int[] inputs = stepInputs[s];
            Value[] in = new Value[inputs.length];
            for (int j = 0; j < inputs.length; j++) {
                Value v = slots[inputs[j]];
                if (v == null) {
                    throw failure(node, new IllegalStateException("input " + j + " was not produced"));
                }
                in[j] = v;
            }
            Value[] out;
            try {
                out = kernels[node].run(exec, in);
            } catch (RuntimeException e) {
                throw failure(node, e);
            } finally {
                exec.closeTemps();
            }
            out = adopt(node, out);
            System.arraycopy(out, 0, slots, slotBase[node], out.length);
            for (Value v : in) {
                v.release();
            }
        }
        Value[] result = new Value[outputSlots.length];
        for (int k = 0; k < result.length; k++) {
            result[k] = slots[outputSlots[k]];
            if (result[k] == null) {
                throw failure(outputNodes[k], new IllegalStateException("output " + outputPorts[k]
                        + " was not produced"));
            }
        }
        return result;
    }
}
