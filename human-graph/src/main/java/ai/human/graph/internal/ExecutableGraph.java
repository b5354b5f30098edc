package ai.human.graph.internal;

import ai.human.backend.Backend;
import ai.human.backend.spi.TensorTracker;
import ai.human.error.AlreadyClosedException;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.model.TensorRef;
import ai.human.model.TensorSpec;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The executor's engine for one loaded graph: the compiled nodes, the weights on the backend, and the run plans. The
 * public face is {@code ai.human.graph.GraphExecutor}, which delegates here; this class is public only for it.
 *
 * <p>At load every node's op becomes a kernel (an unknown op or an unsupported attribute fails here, naming model,
 * node and op), subgraphs whose inputs are all constant are folded, and each weight becomes a backend tensor once.
 * A graph without control flow runs on a static schedule; one with TensorFlow 1 while-loops (handtrack) on a
 * frame-aware dataflow schedule. Small int32 shape arithmetic stays in Java. Each intermediate is freed right after
 * its last reader; a run that throws leaves nothing behind. Thread-safe: runs keep their state on the stack.
 */
public final class ExecutableGraph implements Model {
    private final Backend backend;
    private final CompiledGraph graph;
    private final Plan defaultPlan;
    private final List<String> defaultNames;
    private final Map<List<TensorRef>, Plan> plans = new ConcurrentHashMap<>();
    private final InputBinding inputBinding;
    private volatile boolean closed;

    private ExecutableGraph(Backend backend, CompiledGraph graph) {
        this.backend = backend;
        this.graph = graph;
        this.inputBinding = new InputBinding(graph, backend);
        List<TensorRef> outputs = graph.outputs.stream().map(s -> new TensorRef(s.node(), s.index())).toList();
        this.defaultNames = graph.outputs.stream().map(TensorSpec::name).toList();
        this.defaultPlan = outputs.isEmpty() ? null : plan(outputs);
    }

    /**
     * Loads {@code def} onto {@code backend}, marking its weights {@link Owner#MODEL} in {@code tracker}, or, when
     * {@code tracker} is null, in the tracker of each weight tensor when the backend is built on
     * {@link TensorTracker}.
     */
    public static ExecutableGraph compile(Backend backend, GraphModelDef def, TensorTracker tracker) {
        return compile(backend, def, tracker == null ? WeightOwnership.of(backend) : WeightOwnership.of(tracker));
    }

    private static ExecutableGraph compile(Backend backend, GraphModelDef def, Consumer<Tensor> adopt) {
        // weights made inside a scope open on the caller's thread would die with that scope
        return TensorTracker.outsideScopes(() -> {
            CompiledGraph graph = GraphCompiler.compile(backend, def, adopt);
            try {
                return new ExecutableGraph(backend, graph);
            } catch (RuntimeException e) {
                graph.weights.forEach(Tensor::close);
                throw e;
            }
        });
    }

    @Override
    public String name() {
        return graph.name;
    }

    @Override
    public List<TensorSpec> inputs() {
        return graph.inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return graph.outputs;
    }

    @Override
    public long weightBytes() {
        return graph.weightBytes;
    }

    /** Number of backend tensors the model holds (weights and folded constants). */
    public int weightCount() {
        return graph.weights.size();
    }

    /** Number of nodes folded into constants at load. */
    public int foldedNodeCount() {
        return graph.foldedNodes;
    }

    /** True when the signature outputs need the frame-aware schedule (the graph has TensorFlow 1 control flow). */
    public boolean isDynamic() {
        return defaultPlan != null && defaultPlan.isDynamic();
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        if (defaultPlan == null) {
            throw new ModelException("Model '" + name() + "' has no outputs in its signature and none can be inferred;"
                    + " call run(inputs, outputNames)");
        }
        return execute(defaultPlan, defaultNames, inputs);
    }

    /**
     * Runs the model for chosen outputs, which may be any node's tensors (e.g. handtrack's
     * {@code StatefulPartitionedCall/Postprocessor/Slice}); only what they need runs.
     *
     * @param outputNames tensor names ({@code node:index}, or {@code node} for output 0)
     * @return the outputs keyed by the names given, in that order; the caller (or the open scope) owns them
     */
    public Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputNames) {
        if (outputNames.isEmpty()) {
            throw new ModelException("Model '" + name() + "': no outputs requested");
        }
        List<TensorRef> refs = new ArrayList<>(outputNames.size());
        for (String name : outputNames) {
            TensorRef ref = TensorRef.parse(name);
            Integer node = graph.index.get(ref.node());
            if (node == null) {
                throw new ModelException("Model '" + name() + "' has no node '" + ref.node() + "' (output '" + name
                        + "' requested)");
            }
            refs.add(ref);
        }
        return execute(plans.computeIfAbsent(List.copyOf(refs), this::plan), outputNames, inputs);
    }

    private Plan plan(List<TensorRef> outputs) {
        int[] nodes = new int[outputs.size()];
        int[] ports = new int[outputs.size()];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = graph.index.get(outputs.get(k).node());
            ports[k] = outputs.get(k).index();
        }
        StaticPlan plan = new StaticPlan(graph, nodes, ports);
        for (int i = 0; i < graph.size(); i++) {
            if (plan.needed[i] && graph.ops[i] != null && graph.ops[i].isControlFlow()) {
                return new DynamicPlan(graph, nodes, ports);
            }
        }
        return plan;
    }

    private Map<String, Tensor> execute(Plan plan, List<String> names, Map<String, Tensor> inputs) {
        if (closed) {
            throw new AlreadyClosedException("Model '" + name() + "' is closed; load it again to run it");
        }
        Value[] feeds = inputBinding.feeds(plan, inputs);
        try (TensorScope scope = backend.scope()) {
            Exec exec = new Exec(backend);
            Value[] values = plan.run(exec, feeds);
            Tensor[] tensors = new Tensor[values.length];
            Set<Tensor> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int k = 0; k < values.length; k++) {
                tensors[k] = handOut(values[k], handedOut, names.get(k));
            }
            Map<String, Tensor> result = new LinkedHashMap<>();
            for (int k = 0; k < tensors.length; k++) {
                result.put(names.get(k), scope.keep(tensors[k]));
            }
            return Collections.unmodifiableMap(result);
        }
    }

    /** The tensor to give the caller for an output value: its own, or a copy when it is shared or not the run's. */
    private Tensor handOut(Value value, Set<Tensor> handedOut, String name) {
        if (!(value instanceof TensorValue v)) {
            throw new ModelException("Model '" + name() + "': output '" + name + "' is a " + value.describe()
                    + ", not a tensor");
        }
        Tensor device = v.device();
        if (device != null && !v.borrowed && handedOut.add(device)) {
            return device;
        }
        if (v.hasHost()) {
            Tensor t = HostArrays.toTensor(backend, v.dtype, v.shape, v.host());
            handedOut.add(t);
            return t;
        }
        Tensor copy = backend.reshape(device, device.shape());
        handedOut.add(copy);
        return copy;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (Tensor weight : graph.weights) {
            try {
                weight.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "GraphExecutor[" + name() + ", " + graph.size() + " nodes, " + graph.weights.size() + " weights, "
                + weightBytes() + " bytes" + (isDynamic() ? ", dynamic" : "") + (closed ? ", closed" : "") + "]";
    }
}
