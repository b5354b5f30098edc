package ai.human.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a config record from a complete, already validated JSON tree (every key present, every
 * value of the right type).
 */
final class TreeBinder {
    private TreeBinder() {
    }

    public static <T extends Record> T bind(JsonNode node, Class<T> type) {
        ConfigSchema.Section section = ConfigSchema.of(type);
        Object[] values = new Object[section.keys().size()];
        Class<?>[] types = new Class<?>[values.length];
        int i = 0;
        for (ConfigSchema.Key key : section.keys().values()) {
            JsonNode value = node.get(key.name());
            if (value == null) {
                throw new IllegalStateException("config tree has no value for " + key.name() + " of " + type.getSimpleName());
            }
            values[i] = valueOf(key, value);
            types[i] = key.javaType();
            i++;
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object valueOf(ConfigSchema.Key key, JsonNode value) {
        return switch (key.type()) {
            case BOOLEAN -> value.booleanValue();
            case INT -> value.asInt();
            case LONG -> value.asLong();
            case DOUBLE -> value.doubleValue();
            case STRING -> value.textValue();
            case ENUM -> EnumLookup.find(key.javaType(), value.textValue());
            case STRING_MAP -> stringMap(value);
            case JSON_MAP -> JsonValues.toJava(value);
            case SECTION -> bind(value, key.section().type());
        };
    }

    /** A scalar as text, numbers as JavaScript prints them ({@code 1e6} → {@code "1000000"}). */
    private static String asText(JsonNode scalar) {
        return scalar.isFloatingPointNumber() ? Json.display(scalar) : scalar.asText();
    }

    private static Map<String, String> stringMap(JsonNode value) {
        Map<String, String> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> map.put(entry.getKey(), asText(entry.getValue())));
        return Collections.unmodifiableMap(map);
    }
}
