package ai.human.config;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The default configuration as a JSON tree, for merging and for naming defaults in messages. */
final class Defaults {
    private Defaults() {
    }

    private static final class Holder {
        static final ObjectNode TREE = TreeWriter.write(HumanConfig.defaults());
    }

    /** A fresh copy of the default tree. */
    public static ObjectNode tree() {
        return Holder.TREE.deepCopy();
    }

    /** The default value at a dotted path, or null if there is none (unknown key, map entry). */
    public static JsonNode valueAt(String path) {
        JsonNode node = Holder.TREE;
        for (String segment : path.split("\\.")) {
            node = node.get(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
