package ai.human.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;

/** The key structure of JSON: every object key by its path ({@code face[].rotation.angle.yaw}). */
final class Keys {

    private Keys() {
    }

    /** The keys of one object, in order. */
    static List<String> top(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.properties().forEach(field -> keys.add(field.getKey()));
        return keys;
    }

    /** Dotted paths of all object keys except those under {@code skip}; array elements are merged under {@code []}. */
    static Set<String> of(JsonNode node, String... skip) {
        Set<String> keys = of(node);
        keys.removeIf(key -> Arrays.stream(skip).anyMatch(prefix -> key.startsWith(prefix + ".")));
        return keys;
    }

    /** Dotted paths of all object keys; array elements are merged under {@code []}. */
    static Set<String> of(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        collect(node, "", keys);
        return keys;
    }

    private static void collect(JsonNode node, String path, Set<String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                keys.add(child);
                collect(field.getValue(), child, keys);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path + "[]", keys);
            }
        }
    }
}
