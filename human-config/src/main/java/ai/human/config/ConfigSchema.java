package ai.human.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The option tree, read once from the config records themselves: every record component is a key
 * (its JSON name is the component name, or its {@link JsonProperty} value such as {@code return}),
 * in declaration order, which is Human's key order.
 */
final class ConfigSchema {

    /** The JSON shape of a value. */
    public enum ValueType {
        BOOLEAN, INT, LONG, DOUBLE, STRING, ENUM,
        /** An object of free keys with string values ({@code backendOptions}). */
        STRING_MAP,
        /** An object of free keys with any JSON values ({@code flags}). */
        JSON_MAP,
        /** A nested section (another config record). */
        SECTION
    }

    /** A section: a config record and its keys in order. */
    public record Section(Class<? extends Record> type, Map<String, Key> keys) {
        public List<String> keyNames() {
            return List.copyOf(keys.keySet());
        }
    }

    /**
     * One key of a section.
     *
     * @param name the JSON name
     * @param component the record component that holds it
     * @param type its JSON shape
     * @param section for {@link ValueType#SECTION}: the nested section, else null
     */
    public record Key(String name, RecordComponent component, ValueType type, Section section) {
        public Class<?> javaType() {
            return component.getType();
        }

        /** For {@link ValueType#ENUM}: the constants. */
        public Object[] enumConstants() {
            return component.getType().getEnumConstants();
        }
    }

    private static final Map<Class<?>, Section> SECTIONS = new ConcurrentHashMap<>();

    private ConfigSchema() {
    }

    /** The section described by a config record type. */
    public static Section of(Class<? extends Record> type) {
        Section known = SECTIONS.get(type);
        if (known != null) {
            return known;
        }
        Section built = build(type);
        SECTIONS.putIfAbsent(type, built);
        return built;
    }

    /** Every dotted path of a value (not of a section) under the given section, in tree order. */
    public static List<String> leafPaths(Section section) {
        List<String> paths = new ArrayList<>();
        collectLeafPaths(section, "", paths);
        return Collections.unmodifiableList(paths);
    }

    /** Every dotted path (sections and values) under the given section, in tree order. */
    public static List<String> allPaths(Section section) {
        List<String> paths = new ArrayList<>();
        collectAllPaths(section, "", paths);
        return Collections.unmodifiableList(paths);
    }

    /** Whether {@code type} is the record of {@code section} or of a section below it. */
    public static boolean isSectionType(Class<?> type, Section section) {
        if (section.type() == type) {
            return true;
        }
        return section.keys().values().stream()
                .anyMatch(key -> key.type() == ValueType.SECTION && isSectionType(type, key.section()));
    }

    public static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static void collectLeafPaths(Section section, String prefix, List<String> paths) {
        for (Key key : section.keys().values()) {
            String path = join(prefix, key.name());
            if (key.type() == ValueType.SECTION) {
                collectLeafPaths(key.section(), path, paths);
            } else {
                paths.add(path);
            }
        }
    }

    private static void collectAllPaths(Section section, String prefix, List<String> paths) {
        for (Key key : section.keys().values()) {
            String path = join(prefix, key.name());
            paths.add(path);
            if (key.type() == ValueType.SECTION) {
                collectAllPaths(key.section(), path, paths);
            }
        }
    }

    private static Section build(Class<? extends Record> type) {
        Map<String, Key> keys = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            // JsonProperty does not target record components; Java copies it onto the accessor
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed != null ? renamed.value() : component.getName();
            ValueType valueType = valueTypeOf(type, component);
            Section nested = valueType == ValueType.SECTION ? of(component.getType().asSubclass(Record.class)) : null;
            keys.put(name, new Key(name, component, valueType, nested));
        }
        return new Section(type, Collections.unmodifiableMap(keys));
    }

    private static ValueType valueTypeOf(Class<?> owner, RecordComponent component) {
        Class<?> type = component.getType();
        if (type == boolean.class) {
            return ValueType.BOOLEAN;
        } else if (type == int.class) {
            return ValueType.INT;
        } else if (type == long.class) {
            return ValueType.LONG;
        } else if (type == double.class) {
            return ValueType.DOUBLE;
        } else if (type == String.class) {
            return ValueType.STRING;
        } else if (type.isEnum() && JsonNamed.class.isAssignableFrom(type)) {
            return ValueType.ENUM;
        } else if (type.isRecord()) {
            return ValueType.SECTION;
        } else if (type == Map.class) {
            Type valueType = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1];
            return valueType == String.class ? ValueType.STRING_MAP : ValueType.JSON_MAP;
        }
        throw new IllegalStateException("config component " + owner.getSimpleName() + "." + component.getName()
                + " has type " + type + ", which the config schema does not support");
    }
}
