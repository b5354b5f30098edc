package ai.human.internal.graph;

import ai.human.backend.Backend;
import ai.human.backend.spi.TensorTracker;
import ai.human.model.AttrValue;
import ai.human.model.GraphModelDef;
import ai.human.model.GraphNode;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.model.TensorRef;
import ai.human.model.TensorSpec;
import ai.human.tensor.DType;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The generic graph executor: runs a TensorFlow.js graph model on any {@link Backend} through the backend's ops.
 *
 * <p>At load every node's op becomes a kernel (an unknown op or an unsupported attribute fails here, naming model,
 * node and op), subgraphs whose inputs are all constant are folded, and each weight becomes a backend tensor once.
 * A graph without control flow runs on a static schedule; one with TensorFlow 1 while-loops (handtrack) on a
 * frame-aware dataflow schedule. Small int32 shape arithmetic stays in Java. Each intermediate is freed right after
 * its last reader; a run that throws leaves nothing behind. Thread-safe: runs keep their state on the stack.
 *
 * <pre>{@code
 * GraphModelDef def = new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, "blazeface.json");
 * try (GraphExecutor model = GraphExecutor.compile(backend, def);
 *      TensorScope scope = backend.scope()) {
 *     Map<String, Tensor> outputs = model.run(Map.of("input", image));
 * }
 * }</pre>
 * Normally reached through {@link Backend#loadModel}; public so that backends and tests can use it directly.
 */
public final class GraphExecutor implements Model {
    private final Backend backend;
    private final CompiledGraph graph;
    private final Plan defaultPlan;
    private final List<String> defaultNames;
    private final Map<List<TensorRef>, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, Integer> inputKeys;
    private volatile boolean closed;

    private GraphExecutor(Backend backend, CompiledGraph graph) {
        this.backend = backend;
        this.graph = graph;
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (int i = 0; i < graph.size(); i++) {
            if (graph.placeholder[i]) {
                keys.put(graph.nodes.get(i).name(), i);
                keys.put(graph.nodes.get(i).name() + ":0", i);
            }
        }
        for (TensorSpec spec : graph.inputs) {
            Integer node = graph.index.get(spec.node());
            if (node != null && graph.placeholder[node]) {
                keys.put(spec.name(), node);
                keys.put(spec.key(), node);
            }
        }
        this.inputKeys = Collections.unmodifiableMap(keys);
        List<TensorRef> outputs = graph.outputs.stream().map(s -> new TensorRef(s.node(), s.index())).toList();
        this.defaultNames = graph.outputs.stream().map(TensorSpec::name).toList();
        this.defaultPlan = outputs.isEmpty() ? null : plan(outputs);
    }

    /** Loads {@code def} onto {@code backend}; weights are marked as owned by the model when the backend allows. */
    public static GraphExecutor compile(Backend backend, GraphModelDef def) {
        return compile(backend, def, WeightOwnership.of(backend));
    }

    /** Loads {@code def} onto {@code backend}, marking its weights {@link Owner#MODEL} in {@code tracker}. */
    public static GraphExecutor compile(Backend backend, GraphModelDef def, TensorTracker tracker) {
        return compile(backend, def, WeightOwnership.of(tracker));
    }

    private static GraphExecutor compile(Backend backend, GraphModelDef def, Consumer<Tensor> adopt) {
        if (!insideScope(backend)) {
            return new GraphExecutor(backend, GraphCompiler.compile(backend, def, adopt));
        }
        // Weights made inside the caller's scope would die with it: load on a thread without scopes.
        AtomicReference<Object> result = new AtomicReference<>();
        Thread loader = new Thread(() -> {
            try {
                result.set(new GraphExecutor(backend, GraphCompiler.compile(backend, def, adopt)));
            } catch (RuntimeException | Error e) {
                result.set(e);
            }
        }, "human-model-load-" + def.name());
        loader.start();
        boolean interrupted = false;
        while (true) {
            try {
                loader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Object outcome = result.get();
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
        if (outcome instanceof Error e) {
            throw e;
        }
        return (GraphExecutor) outcome;
    }

    private static boolean insideScope(Backend backend) {
        Tensor probe = backend.scalar(0f);
        try {
            return probe.owner() == Owner.IN_FLIGHT;
        } finally {
            probe.close();
        }
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
            throw new IllegalStateException("Model '" + name() + "' is closed; load it again to run it");
        }
        Value[] feeds = feeds(plan, inputs);
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

    private Value[] feeds(Plan plan, Map<String, Tensor> inputs) {
        Value[] feeds = new Value[plan.placeholders.length];
        for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
            Integer node = inputKeys.get(e.getKey());
            if (node == null) {
                throw new ModelException("Model '" + name() + "' has no input '" + e.getKey() + "'; its inputs are "
                        + new TreeMap<>(inputKeys).keySet());
            }
            int slot = Arrays.binarySearch(plan.placeholders, node);
            if (slot < 0) {
                continue; // not needed for these outputs
            }
            if (feeds[slot] != null) {
                throw new ModelException("Model '" + name() + "': input '" + graph.nodes.get(node).name()
                        + "' is given twice (as '" + e.getKey() + "' and another name)");
            }
            feeds[slot] = TensorValue.borrowed(checkInput(graph.nodes.get(node), e.getKey(), e.getValue()));
        }
        for (int p = 0; p < feeds.length; p++) {
            if (feeds[p] == null) {
                throw new ModelException("Model '" + name() + "' needs input '" + graph.nodes.get(plan.placeholders[p])
                        .name() + "'; given " + inputs.keySet());
            }
        }
        return feeds;
    }

    private Tensor checkInput(GraphNode placeholder, String key, Tensor tensor) {
        String where = "Model '" + name() + "', input '" + key + "'";
        if (tensor == null) {
            throw new ModelException(where + " is null");
        }
        if (tensor.isClosed()) {
            throw new IllegalStateException(where + ": tensor #" + tensor.id() + " is closed");
        }
        if (tensor.backend() != backend) {
            throw new ModelException(where + ": tensor #" + tensor.id() + " belongs to backend "
                    + tensor.backend().name() + ", the model to " + backend.name() + "; create the input on "
                    + backend.name());
        }
        AttrValue dtypeAttr = placeholder.attrs().get("dtype");
        DType declared = dtypeAttr == null ? null : Types.of(dtypeAttr.type());
        if (declared != null && !Types.feeds(declared, tensor.dtype())) {
            throw new ModelException(where + " must be " + declared + ", got " + tensor.dtype() + tensor.shape());
        }
        AttrValue shapeAttr = placeholder.attrs().get("shape");
        if (shapeAttr != null && shapeAttr.kind() == AttrValue.Kind.SHAPE && !shapeAttr.shape().unknownRank()) {
            long[] dims = shapeAttr.shape().dims();
            Shape shape = tensor.shape();
            boolean fits = dims.length == shape.rank();
            for (int i = 0; fits && i < dims.length; i++) {
                fits = dims[i] < 0 || dims[i] == shape.dim(i);
            }
            if (!fits) {
                throw new ModelException(where + " must have shape " + Arrays.toString(dims) + " (-1: any size), got "
                        + shape);
            }
        }
        return tensor;
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
