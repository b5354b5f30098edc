package ai.human.graph.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * One iteration of one while-loop frame during a dynamic run (the root frame is the graph outside any loop): the
 * outputs of each node that ran in it, and which nodes were scheduled in it. Lookups fall back to enclosing frames, so
 * a loop body sees constants and values from outside the loop.
 */
final class Frame {
    final Frame parent;
    final String name;
    final int iteration;
    /** Outputs per node that ran in this frame (an array, possibly holding dead {@code null}s), else null. */
    final Value[][] values;
    final boolean[] scheduled;
    private Map<String, Frame> children;
    private Frame next;

    Frame(Frame parent, String name, int iteration, int nodes) {
        this.parent = parent;
        this.name = name;
        this.iteration = iteration;
        this.values = new Value[nodes][];
        this.scheduled = new boolean[nodes];
    }

    /** Iteration 0 of loop frame {@code frameName} entered from this frame. */
    Frame enter(String frameName) {
        if (children == null) {
            children = new HashMap<>(4);
        }
        return children.computeIfAbsent(frameName, f -> new Frame(this, f, 0, values.length));
    }

    /** The next iteration of this loop frame. */
    Frame nextIteration() {
        if (parent == null) {
            throw new IllegalStateException("NextIteration outside any while-loop frame");
        }
        if (next == null) {
            next = new Frame(parent, name, iteration + 1, values.length);
        }
        return next;
    }

    /** The frame this node's outputs are in, looking outward from here, or null when it has not run. */
    Frame find(int node) {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.values[node] != null) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return parent == null ? "root" : parent + "/" + name + "#" + iteration;
    }
}
