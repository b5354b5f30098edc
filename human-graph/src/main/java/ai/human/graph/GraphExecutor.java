package ai.human.graph;

import ai.human.backend.Backend;
import ai.human.backend.spi.TensorTracker;
import ai.human.graph.internal.ExecutableGraph;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The generic graph executor: runs a TensorFlow.js graph model on any {@link Backend}, op by op, through the
 * backend's ops. A backend that cannot run graphs natively implements {@link Backend#loadModel} with it (the DJL and
 * the reference backends do); a backend that can (TensorFlow) may still be given a model through it, to compare.
 *
 * <p>At load every node's op becomes a kernel (an unknown op or an unsupported attribute is a
 * {@link ai.human.model.ModelException} naming model, node and op), subgraphs whose inputs are all constant are
 * folded, and each weight becomes a backend tensor once, owned by the model ({@link Owner#MODEL}) until
 * {@link #close()}. Each intermediate of a run is closed right after its last reader; a run that throws leaves
 * nothing behind. Thread-safe: runs keep their state on the stack.
 *
 * <pre>{@code
 * GraphModelDef def = new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, "blazeface.json");
 * try (GraphExecutor model = GraphExecutor.compile(backend, def);
 *      TensorScope scope = backend.scope()) {
 *     Tensor input = backend.fromFloats(pixels, Shape.of(1, 256, 256, 3));
 *     Map<String, Tensor> outputs = model.run(Map.of("input", input));
 *     float[] first = outputs.values().iterator().next().toFloats();
 * } // the scope closes the input and the outputs, the model its weights
 *  * }</pre>
 */
public final class GraphExecutor implements Model {
    private final ExecutableGraph graph;

    private GraphExecutor(ExecutableGraph graph) {
        this.graph = graph;
    }

    /**
     * Loads {@code def} onto {@code backend}: the weights become tensors of {@code backend}, owned by the model when
     * the backend keeps its tensors with a {@link TensorTracker}.
     *
     * @param backend the backend whose ops run the graph
     * @param def     the parsed graph model
     * @return the model, owned by the caller, which closes it
     * @throws ai.human.model.ModelException when the graph uses an op or attribute the executor cannot run
     */
    public static GraphExecutor compile(Backend backend, GraphModelDef def) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(def, "def");
        return new GraphExecutor(ExecutableGraph.compile(backend, def, null));
    }

    /**
     * Loads {@code def} onto {@code backend}, marking its weights {@link Owner#MODEL} in {@code tracker} (the
     * backend's own bookkeeping; for a backend implementation's {@code loadModel}).
     *
     * @param backend the backend whose ops run the graph
     * @param def     the parsed graph model
     * @param tracker the backend's tracker ({@code AbstractBackend.tracker()})
     * @return the model, owned by the caller, which closes it
     * @throws ai.human.model.ModelException when the graph uses an op or attribute the executor cannot run
     */
    public static GraphExecutor compile(Backend backend, GraphModelDef def, TensorTracker tracker) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(def, "def");
        Objects.requireNonNull(tracker, "tracker");
        return new GraphExecutor(ExecutableGraph.compile(backend, def, tracker));
    }

    @Override
    public String name() {
        return graph.name();
    }

    @Override
    public List<TensorSpec> inputs() {
        return graph.inputs();
    }

    @Override
    public List<TensorSpec> outputs() {
        return graph.outputs();
    }

    @Override
    public long weightBytes() {
        return graph.weightBytes();
    }

    /** {@return the number of backend tensors the model holds (weights and folded constants)} */
    public int weightCount() {
        return graph.weightCount();
    }

    /** {@return the number of nodes folded into constants at load} */
    public int foldedNodeCount() {
        return graph.foldedNodeCount();
    }

    /** {@return true when the signature outputs need the frame-aware schedule (the graph has TensorFlow 1 control flow)} */
    public boolean isDynamic() {
        return graph.isDynamic();
    }

    /**
     * Runs the signature's outputs.
     *
     * @return the outputs by signature name; the caller (or the open scope) owns them
     * @throws ai.human.error.AlreadyClosedException when the model is closed
     */
    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        return graph.run(inputs);
    }

    /**
     * Runs the model for chosen outputs, which may be any node's tensors (e.g. handtrack's
     * {@code StatefulPartitionedCall/Postprocessor/Slice}); only what they need runs.
     *
     * @param inputs      the input tensors by signature name
     * @param outputNames tensor names ({@code node:index}, or {@code node} for output 0)
     * @return the outputs keyed by the names given, in that order; the caller (or the open scope) owns them
     */
    public Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputNames) {
        return graph.run(inputs, outputNames);
    }

    /** Releases the model's weights; closing twice is harmless. */
    @Override
    public void close() {
        graph.close();
    }

    @Override
    public String toString() {
        return graph.toString();
    }
}
