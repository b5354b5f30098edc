package ai.human.model;

/**
 * One output of a graph node, as graph inputs name it: {@code "conv1"} is output 0 of node
 * {@code conv1}, {@code "split:1"} output 1 of node {@code split}.
 *
 * <pre>{@code
 * TensorRef ref = TensorRef.parse("split:1"); // node "split", index 1
 * ref.tensorName();                           // "split:1"
 * }</pre>
 *
 * @param node  the producing node's name
 * @param index which of its outputs, from 0
 */
public record TensorRef(String node, int index) {

    /**
     * Checks the node name and the index.
     *
     * @param node the producing node's name
     * @param index which of its outputs, from 0
     */
    public TensorRef {
        if (node == null || node.isEmpty()) {
            throw new IllegalArgumentException("A tensor reference needs a node name");
        }
        if (index < 0) {
            throw new IllegalArgumentException("Output index of '" + node + "' is negative: " + index);
        }
    }

    /**
     * Reads {@code node}, {@code node:index} or a control input {@code ^node} (as index 0). A suffix
     * after the last colon that is not a number is part of the node name.
     *
     * @param name the input as written in the graph
     * @return the reference
     */
    public static TensorRef parse(String name) {
        String s = name.startsWith("^") ? name.substring(1) : name;
        int colon = s.lastIndexOf(':');
        if (colon > 0 && colon < s.length() - 1 && s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            try {
                return new TensorRef(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Output index in '" + name + "' is too large", e);
            }
        }
        return new TensorRef(s, 0);
    }

    /** {@return the canonical tensor name {@code node:index}} */
    public String tensorName() {
        return node + ":" + index;
    }
}
