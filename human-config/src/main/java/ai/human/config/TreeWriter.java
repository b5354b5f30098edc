package ai.human.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/** Writes a config record as a JSON tree, keys in declaration (= Human's) order. */
final class TreeWriter {
    private TreeWriter() {
    }

    public static ObjectNode write(Record record) {
        ConfigSchema.Section section = ConfigSchema.of(record.getClass());
        ObjectNode node = Json.object();
        for (ConfigSchema.Key key : section.keys().values()) {
            node.set(key.name(), valueOf(key, read(record, key)));
        }
        return node;
    }

    private static JsonNode valueOf(ConfigSchema.Key key, Object value) {
        return switch (key.type()) {
            case BOOLEAN -> BooleanNode.valueOf((Boolean) value);
            case INT -> IntNode.valueOf((Integer) value);
            case LONG -> LongNode.valueOf((Long) value);
            case DOUBLE -> Json.number((Double) value);
            case STRING -> TextNode.valueOf((String) value);
            case ENUM -> TextNode.valueOf(((JsonNamed) value).jsonValue());
            case STRING_MAP -> stringMap((Map<?, ?>) value);
            case JSON_MAP -> JsonValues.fromJava(value);
            case SECTION -> write((Record) value);
        };
    }

    private static ObjectNode stringMap(Map<?, ?> map) {
        ObjectNode node = Json.object();
        map.forEach((key, value) -> node.put(String.valueOf(key), String.valueOf(value)));
        return node;
    }

    private static Object read(Record record, ConfigSchema.Key key) {
        try {
            return key.component().getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read config value " + key.name() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
