package ai.human.graph.internal;

import ai.human.error.AlreadyClosedException;
import ai.human.backend.Backend;
import ai.human.model.AttrValue;
import ai.human.model.GraphNode;
import ai.human.model.ModelException;
import ai.human.model.TensorSpec;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binds the caller's input tensors to a plan's placeholders: accepts a placeholder's node name, its tensor name or its
 * signature key, and checks backend, dtype and shape against the placeholder (as TensorFlow.js does, so handtrack's
 * uint8 input takes Human's int32 images of any size).
 */
final class InputBinding {
    private final CompiledGraph graph;
    private final Backend backend;
    private final Map<String, Integer> keys;

    InputBinding(CompiledGraph graph, Backend backend) {
        this.graph = graph;
        this.backend = backend;
        Map<String, Integer> keys = new HashMap<>();
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
        this.keys = Map.copyOf(keys);
    }

    Value[] feeds(Plan plan, Map<String, Tensor> inputs) {
        Value[] feeds = new Value[plan.placeholders.length];
        for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
            Integer node = keys.get(e.getKey());
            if (node == null) {
                throw new ModelException("Model '" + graph.name + "' has no input '" + e.getKey() + "'; its inputs are "
                        + new TreeMap<>(keys).keySet());
            }
            int slot = Arrays.binarySearch(plan.placeholders, node);
            if (slot < 0) {
                continue; // not needed for these outputs
            }
            if (feeds[slot] != null) {
                throw new ModelException("Model '" + graph.name + "': input '" + graph.nodes.get(node).name()
                        + "' is given twice (as '" + e.getKey() + "' and another name)");
            }
            feeds[slot] = TensorValue.borrowed(checkInput(graph.nodes.get(node), e.getKey(), e.getValue()));
        }
        for (int p = 0; p < feeds.length; p++) {
            if (feeds[p] == null) {
                throw new ModelException("Model '" + graph.name + "' needs input '" + graph.nodes.get(plan.placeholders[p])
                        .name() + "'; given " + inputs.keySet());
            }
        }
        return feeds;
    }

    private Tensor checkInput(GraphNode placeholder, String key, Tensor tensor) {
        String where = "Model '" + graph.name + "', input '" + key + "'";
        if (tensor == null) {
            throw new ModelException(where + " is null");
        }
        if (tensor.isClosed()) {
            throw new AlreadyClosedException(where + ": tensor #" + tensor.id() + " is closed");
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

}
