package ai.human.graph.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The op table: every op the executor can run, with its kernel factory and what kind of node it is. */
final class Ops {

    /** How the executor treats a node of this op. */
    enum Kind {
        /** A function of its inputs: folded at load when they are all constant. */
        PURE,
        /** Creates or updates a TensorList: never folded. */
        LIST,
        /** TensorFlow 1 control flow; a graph with any of these runs on the dynamic (frame-aware) schedule. */
        ENTER, EXIT, NEXT_ITERATION, MERGE, SWITCH, LOOP_COND
    }

    /** Which data inputs a kernel reads as plain Java values (shapes, axes, sizes) rather than as tensors. */
    @FunctionalInterface
    interface Params {
        boolean isParam(int input, int inputCount);

        Params NONE = (i, n) -> false;
        Params LAST = (i, n) -> i == n - 1;
        Params ALL = (i, n) -> true;

        static Params of(int... inputs) {
            return (i, n) -> {
                for (int p : inputs) {
                    if (p == i) {
                        return true;
                    }
                }
                return false;
            };
        }
    }

    record Op(String name, Kind kind, Params params, KernelFactory factory) {
        boolean isControlFlow() {
            return kind != Kind.PURE && kind != Kind.LIST;
        }
    }

    /** Collects the ops of the kernel classes. */
    static final class Table {
        private final Map<String, Op> ops = new TreeMap<>();

        void add(String name, Params params, KernelFactory factory) {
            add(name, Kind.PURE, params, factory);
        }

        void add(String name, Kind kind, Params params, KernelFactory factory) {
            if (ops.put(name, new Op(name, kind, params, factory)) != null) {
                throw new IllegalStateException("op " + name + " registered twice");
            }
        }
    }

    private static final Map<String, Op> OPS;

    static {
        Table table = new Table();
        ElementwiseKernels.register(table);
        NeuralKernels.register(table);
        ShapeKernels.register(table);
        SliceKernels.register(table);
        ReductionKernels.register(table);
        ListKernels.register(table);
        ControlKernels.register(table);
        OPS = Collections.unmodifiableMap(table.ops);
    }

    private Ops() {
    }

    /** The op, or null when the executor does not know it. */
    static Op find(String name) {
        return OPS.get(name);
    }

    /** Every op name the executor runs, besides {@code Const} and {@code Placeholder}. */
    static Set<String> names() {
        return OPS.keySet();
    }
}
