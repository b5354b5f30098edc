package ai.human.graph.internal;

import ai.human.backend.WeightUse;
import ai.human.model.AttrValue;
import ai.human.model.GraphNode;
import ai.human.model.ModelException;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import java.util.List;

/**
 * What a {@link KernelFactory} knows about its node at load time: its attributes and, for inputs that are constant,
 * backend weights laid out for their use. {@link #fail} makes the load error that names model, node and op.
 */
final class NodeContext {

    /** Makes (once per constant and use) the backend weight behind a constant input. */
    interface Weights {
        Tensor weight(int inputIndex, WeightUse use);
    }

    /** A load error whose message already names model, node and op. */
    static final class NodeProblem extends ModelException {
        private static final long serialVersionUID = 1L;

        NodeProblem(String message) {
            super(message);
        }
    }

    private final GraphNode node;
    private final String where;
    private final TensorValue[] constants;
    private final Weights weights;

    NodeContext(GraphNode node, String where, TensorValue[] constants, Weights weights) {
        this.node = node;
        this.where = where;
        this.constants = constants;
        this.weights = weights;
    }

    GraphNode node() {
        return node;
    }

    String name() {
        return node.name();
    }

    String op() {
        return node.op();
    }

    /** Number of data inputs. */
    int inputCount() {
        return constants.length;
    }

    /** The backend weight for constant input {@code i} laid out for {@code use}, or null when it is not constant. */
    Tensor weight(int i, WeightUse use) {
        return constants[i] == null ? null : weights.weight(i, use);
    }

    /** The load error for this node: {@code throw node.fail("...")}. */
    NodeProblem fail(String problem) {
        return new NodeProblem(where + ": " + problem);
    }

    /** Checks the number of data inputs. */
    void requireInputs(int min, int max) {
        int n = inputCount();
        if (n < min || n > max) {
            throw fail("has " + n + " data inputs; " + node.op() + " takes "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
    }

    boolean hasAttr(String name) {
        return node.hasAttr(name);
    }

    int attrInt(String name, int defaultValue) {
        return node.attrInt(name, defaultValue);
    }

    boolean attrBool(String name, boolean defaultValue) {
        return node.attrBool(name, defaultValue);
    }

    String attrString(String name, String defaultValue) {
        return node.attrString(name, defaultValue);
    }

    /** An int-list attribute, or null when absent. */
    int[] attrInts(String name) {
        return node.hasAttr(name) ? node.attrInts(name) : null;
    }

    /** A string-list attribute, empty when absent. */
    List<String> attrStrings(String name) {
        return node.hasAttr(name) ? node.attrStrings(name) : List.of();
    }

    /** A type attribute as a dtype ({@code defaultValue} when absent); fails for types the executor cannot hold. */
    DType dtype(String name, DType defaultValue) {
        if (!node.hasAttr(name)) {
            return defaultValue;
        }
        AttrValue attr = node.attr(name);
        String tf = attr.type();
        DType dtype = Types.of(tf);
        if (dtype == null) {
            throw fail("attribute " + name + " is " + tf + "; supported types are float32, int32 (and int64 as int32),"
                    + " uint8 and bool");
        }
        return dtype;
    }
}
