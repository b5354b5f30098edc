package ai.human.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Human 3.3.6's {@code mergeDeep(target, source)}, rule for rule, on Jackson trees:
 * <ul>
 *   <li>both values arrays: the result is the first array followed by the second array's elements,
 *       where an element that is itself an array contributes its elements (JavaScript's
 *       {@code a.concat(...b)});</li>
 *   <li>both values objects (in JavaScript an array is an object too): merged recursively into a new
 *       plain object, an array contributing its indices as keys;</li>
 *   <li>anything else: the second value replaces the first ({@code null} included).</li>
 * </ul>
 * The inputs are never modified.
 */
final class DeepMerge {
    private DeepMerge() {
    }

    public static ObjectNode merge(JsonNode target, JsonNode source) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (JsonNode object : List.of(target, source)) {
            for (Map.Entry<String, JsonNode> entry : entriesOf(object)) {
                JsonNode previous = result.get(entry.getKey());
                JsonNode next = entry.getValue();
                if (previous != null && previous.isArray() && next.isArray()) {
                    result.set(entry.getKey(), concatSpread((ArrayNode) previous, (ArrayNode) next));
                } else if (isJavascriptObject(previous) && isJavascriptObject(next)) {
                    result.set(entry.getKey(), merge(previous, next));
                } else {
                    result.set(entry.getKey(), next.deepCopy());
                }
            }
        }
        return result;
    }

    private static boolean isJavascriptObject(JsonNode node) {
        return node != null && (node.isObject() || node.isArray());
    }

    private static List<Map.Entry<String, JsonNode>> entriesOf(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (node.isObject()) {
            entries.addAll(node.properties());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                entries.add(Map.entry(Integer.toString(i), node.get(i)));
            }
        }
        return entries;
    }

    private static ArrayNode concatSpread(ArrayNode first, ArrayNode second) {
        ArrayNode result = first.deepCopy();
        for (JsonNode element : second) {
            if (element.isArray()) {
                element.forEach(inner -> result.add(inner.deepCopy()));
            } else {
                result.add(element.deepCopy());
            }
        }
        return result;
    }
}
