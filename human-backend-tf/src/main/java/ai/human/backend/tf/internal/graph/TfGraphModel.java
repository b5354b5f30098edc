package ai.human.backend.tf.internal.graph;

import ai.human.error.AlreadyClosedException;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;

import ai.human.backend.BackendException;
import ai.human.backend.tf.internal.DataTypes;
import ai.human.model.GraphModelDef;
import ai.human.model.GraphNode;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.model.TensorRef;
import ai.human.model.TensorSpec;
import ai.human.model.WeightData;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.tensorflow.internal.c_api.TFE_TensorHandle;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * A graph model running natively in a TensorFlow session.
 *
 * <p>Weights: each weight is a {@code Const} node of the session's graph, and is also one tracked tensor owned by
 * {@code MODEL} whose native side is that node ({@link GraphConstant}). So {@code memory()} counts one tensor per
 * weight and exactly {@link GraphModelDef#weightBytes()} bytes under {@code MODEL} while the model is open, as
 * TensorFlow.js's {@code tf.memory()} does for a loaded model, and nothing after {@link #close()}. TensorFlow's own
 * working copies (the kernels' parsed constants, oneDNN's reordered filters) are TensorFlow's business and not
 * counted, just as TensorFlow.js does not count its backends' internal buffers.
 *
 * <p>Running: inputs are resolved to {@code TF_Tensor}s sharing the buffers of their handles (no copy), an input of
 * another dtype than its placeholder is cast first (Human feeds handtrack int32 where its graph wants uint8), and each
 * output becomes a new tracked tensor sharing the session's result buffer. Thread-safe; {@link #close()} waits for
 * runs in progress.
 *
 * <pre>{@code
 * try (TfGraphModel model = (TfGraphModel) tfBackend.loadModel(handtrackDef);
 *      TensorScope scope = tfBackend.scope()) {
 *     Map<String, Tensor> all = model.run(Map.of("input_tensor:0", image));          // signature outputs
 *     Map<String, Tensor> two = model.run(Map.of("input_tensor:0", image), List.of(
 *             "StatefulPartitionedCall/Postprocessor/Slice", "StatefulPartitionedCall/Postprocessor/ExpandDims_1"));
 * }
 * }</pre>
 */
public final class TfGraphModel implements Model {
    private final String name;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final long weightBytes;
    private final boolean remapper;
    private final ModelHost host;
    private final GraphSession session;
    private final List<Feed> feeds;
    private final TF_Output feedArray;
    private final TF_Output signatureFetches;
    private final Map<String, Tensor> weights = new LinkedHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /** One input placeholder: its spec and the element type the graph wants. */
    private record Feed(TensorSpec spec, DType dtype) {
    }

    private TfGraphModel(GraphModelDef def, boolean remapper, ModelHost host, GraphSession session) {
        this.name = def.name();
        this.inputs = def.inputs();
        this.outputs = def.outputs();
        this.weightBytes = def.weightBytes();
        this.remapper = remapper;
        this.host = host;
        this.session = session;
        List<Feed> feedList = new ArrayList<>();
        List<GraphSession.Endpoint> feedPoints = new ArrayList<>();
        for (TensorSpec spec : inputs) {
            GraphSession.Endpoint endpoint = endpoint(spec.name());
            feedPoints.add(endpoint);
            feedList.add(new Feed(spec, inputType(spec, session.outputType(endpoint.op(), endpoint.index()))));
        }
        List<GraphSession.Endpoint> fetchPoints = outputs.stream().map(o -> endpoint(o.name())).toList();
        this.feeds = List.copyOf(feedList);
        this.feedArray = session.outputs(feedPoints);
        this.signatureFetches = session.outputs(fetchPoints);
    }

    private DType inputType(TensorSpec spec, int tfType) {
        try {
            return DataTypes.fromTf(tfType);
        } catch (BackendException e) {
            throw new BackendException("Model " + name + ": input '" + spec.name() + "' is of TF_DataType " + tfType
                    + ", which Human tensors cannot hold; the model cannot run on this backend", e);
        }
    }

    /**
     * Converts {@code def}, opens its session and tracks its weights.
     *
     * @throws BackendException when TensorFlow cannot import or run the graph
     */
    public static TfGraphModel load(GraphModelDef def, SessionConfig config, ModelHost host) {
        GraphSession session = GraphSession.open(def.name(), GraphDefBuilder.build(def), config.toProto());
        TfGraphModel model = null;
        try {
            model = new TfGraphModel(def, config.remapper(), host, session);
            TfGraphModel created = model;
            host.outsideScopes(() -> created.trackWeights(def));
            return model;
        } catch (RuntimeException e) {
            if (model != null) {
                model.close();
            } else {
                session.close();
            }
            throw e;
        }
    }

    private void trackWeights(GraphModelDef def) {
        GraphConstant.Guard guard = this::whileOpen;
        for (GraphNode node : def.nodes()) {
            if (node.op().equals("Const")) {
                WeightData weight = def.weights().get(node.name());
                GraphConstant constant = new GraphConstant(session, session.operation(node.name()), host.constants(),
                        guard);
                weights.put(node.name(), host.trackWeight(constant, weight.shape(), weight.dtype()));
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return outputs;
    }

    @Override
    public long weightBytes() {
        return weightBytes;
    }

    /**
     * The weight tensors by the name of their {@code Const} node, in graph order: owned by the model (read them, do
     * not close them); their values are read from the graph, and they cannot be inputs of backend ops.
     *
     * @throws AlreadyClosedException once the model is closed
     */
    public Map<String, Tensor> weights() {
        return whileOpen(() -> Collections.unmodifiableMap(new LinkedHashMap<>(weights)));
    }

    /** Whether Grappler's remapper runs on this model's graph. */
    public boolean remapper() {
        return remapper;
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputValues) {
        return whileOpen(() -> {
            List<String> names = outputs.stream().map(TensorSpec::name).toList();
            return execute(inputValues, names, signatureFetches);
        });
    }

    /**
     * Runs the model and fetches the named tensors, which may be any node's outputs (Human's handtrack fetches two
     * nodes inside the graph). Only what they depend on is computed.
     *
     * @param inputValues as for {@link #run(Map)}
     * @param outputNames tensor names ({@code node:index}) or node names (output 0), each once
     * @return the tensors keyed by the names given, in that order; the caller (or the open scope) owns them
     */
    public Map<String, Tensor> run(Map<String, Tensor> inputValues, List<String> outputNames) {
        if (new HashSet<>(outputNames).size() != outputNames.size()) {
            throw new ModelException("Model " + name + ": output names " + outputNames + " repeat a name; ask for each"
                    + " tensor once");
        }
        return whileOpen(() -> {
            try (TF_Output fetches = session.outputs(outputNames.stream().map(this::endpoint).toList())) {
                return execute(inputValues, outputNames, fetches);
            }
        });
    }

    /**
     * Runs the model once on {@code inputValues} (results discarded) and counts the ops TensorFlow really executed,
     * after Grappler's and oneDNN's rewrites: op name, with the fused ops of fused kernels in brackets (for example
     * {@code _MklNativeFusedConv2D[BiasAdd, Relu]}). For diagnostics and tests.
     */
    public Map<String, Integer> executedOps(Map<String, Tensor> inputValues) {
        return whileOpen(() -> {
            List<Tensor> casts = new ArrayList<>();
            TF_Tensor[] values = new TF_Tensor[feeds.size()];
            try {
                feedValues(inputValues, values, casts);
                Map<String, Integer> ops = new TreeMap<>();
                for (GraphDef graph : session.executedGraphs(feedArray, values, signatureFetches, outputs.size())) {
                    for (NodeDef node : graph.getNodeList()) {
                        String fused = node.containsAttr("fused_ops") ? node.getAttrOrThrow("fused_ops").getList()
                                .getSList().stream().map(ByteString::toStringUtf8).toList().toString() : "";
                        ops.merge(node.getOp() + fused, 1, Integer::sum);
                    }
                }
                return ops;
            } finally {
                release(values, casts);
            }
        });
    }

    private GraphSession.Endpoint endpoint(String tensorName) {
        TensorRef ref = TensorRef.parse(tensorName);
        var op = session.operation(ref.node());
        if (ref.index() >= session.outputCount(op)) {
            throw new ModelException("Model " + name + ": node '" + ref.node() + "' has " + session.outputCount(op)
                    + " outputs, so there is no tensor '" + tensorName + "'");
        }
        return new GraphSession.Endpoint(op, ref.index());
    }

    private Map<String, Tensor> execute(Map<String, Tensor> inputValues, List<String> names, TF_Output fetches) {
        List<Tensor> casts = new ArrayList<>();
        TF_Tensor[] values = new TF_Tensor[feeds.size()];
        try {
            feedValues(inputValues, values, casts);
            TF_Tensor[] results = session.run(feedArray, values, fetches, names.size());
            return wrap(names, results);
        } finally {
            release(values, casts);
        }
    }

    /** Fills {@code values} with tensors sharing the inputs' buffers; inputs of another dtype are cast first. */
    private void feedValues(Map<String, Tensor> inputValues, TF_Tensor[] values, List<Tensor> casts) {
        List<Tensor> fed = orderedInputs(inputValues);
        for (int i = 0; i < values.length; i++) {
            Tensor input = fed.get(i);
            DType wanted = feeds.get(i).dtype();
            if (input.dtype() != wanted) {
                input = host.cast(input, wanted);
                casts.add(input);
            }
            values[i] = host.context().resolve(host.handleOf(input));
        }
    }

    private static void release(TF_Tensor[] values, List<Tensor> casts) {
        for (TF_Tensor value : values) {
            if (value != null) {
                TF_DeleteTensor(value);
            }
        }
        casts.forEach(Tensor::close);
    }

    private List<Tensor> orderedInputs(Map<String, Tensor> inputValues) {
        List<Tensor> ordered = new ArrayList<>(feeds.size());
        Set<String> used = new HashSet<>();
        for (Feed feed : feeds) {
            TensorSpec spec = feed.spec();
            Tensor value = null;
            for (String key : List.of(spec.name(), spec.key(), spec.node())) {
                if (value == null && inputValues.containsKey(key)) {
                    value = inputValues.get(key);
                    used.add(key);
                }
            }
            if (value == null) {
                throw new ModelException("Model " + name + " needs input '" + spec.name() + "' (" + spec + "), got "
                        + inputValues.keySet() + "; key each input by its tensor name or signature key");
            }
            ordered.add(value);
        }
        if (!used.containsAll(inputValues.keySet())) {
            Set<String> unknown = new HashSet<>(inputValues.keySet());
            unknown.removeAll(used);
            throw new ModelException("Model " + name + " has no input " + unknown + "; its inputs are " + inputs);
        }
        return ordered;
    }

    private Map<String, Tensor> wrap(List<String> names, TF_Tensor[] results) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int done = 0;
        try {
            for (; done < results.length; done++) {
                TFE_TensorHandle handle;
                try {
                    handle = host.context().fromTfTensor(results[done]);
                } finally {
                    TF_DeleteTensor(results[done]);
                }
                out.put(names.get(done), host.track(handle));
            }
            return out;
        } catch (RuntimeException e) {
            out.values().forEach(Tensor::close);
            for (int i = done + 1; i < results.length; i++) {
                TF_DeleteTensor(results[i]);
            }
            throw e;
        }
    }

    private <T> T whileOpen(Supplier<T> body) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new AlreadyClosedException("Model " + name + " is closed; load it again to run it");
            }
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Closes the weight tensors, then the session and graph; waits for runs in progress. Harmless when closed. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            weights.values().forEach(Tensor::close);
            weights.clear();
            feedArray.close();
            signatureFetches.close();
            session.close();
        } finally {
            lock.writeLock().unlock();
        }
        host.closed(this);
    }

    @Override
    public String toString() {
        return "TfGraphModel[" + name + ", " + weights.size() + " weights, " + weightBytes + " bytes, remapper "
                + (remapper ? "on" : "off") + "]";
    }
}
