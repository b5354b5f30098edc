package ai.human.config;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between JSON trees and plain Java values (Boolean, Long, Double, String, List, Map,
 * null), used for free-form options such as {@code flags} and for {@code HumanConfig.with(path, value)}.
 */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * A Java value as JSON: booleans, numbers, strings, config enums, config records, maps, lists,
     * arrays and null.
     *
     * @throws IllegalArgumentException for any other type
     */
    public static JsonNode fromJava(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        } else if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long whole = ((Number) value).longValue();
            return whole == (int) whole ? IntNode.valueOf((int) whole) : LongNode.valueOf(whole);
        } else if (value instanceof Float single) {
            // 0.35f means 0.35, not 0.3499999940395355
            return Json.number(Float.isFinite(single) ? Double.parseDouble(single.toString()) : single.doubleValue());
        } else if (value instanceof Double number) {
            return Json.number(number);
        } else if (value instanceof BigDecimal decimal) {
            return DecimalNode.valueOf(decimal);
        } else if (value instanceof BigInteger integer) {
            return BigIntegerNode.valueOf(integer);
        } else if (value instanceof CharSequence text) {
            return TextNode.valueOf(text.toString());
        } else if (value instanceof JsonNamed named) {
            return TextNode.valueOf(named.jsonValue());
        } else if (value instanceof Enum<?> constant) {
            return TextNode.valueOf(constant.name());
        } else if (value instanceof Record record && isConfigRecord(record)) {
            return TreeWriter.write(record);
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), fromJava(item)));
            return object;
        } else if (value instanceof Iterable<?> items) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.forEach(item -> array.add(fromJava(item)));
            return array;
        } else if (value instanceof Object[] items) {
            return fromJava(List.of(items));
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be a configuration value;"
                + " use a boolean, number, string, enum, config record, Map or List");
    }

    private static boolean isConfigRecord(Record record) {
        return ConfigSchema.isSectionType(record.getClass(), ConfigSchema.of(HumanConfig.class));
    }

    /** A JSON value as an immutable plain Java value. */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        } else if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), toJava(entry.getValue())));
            return Collections.unmodifiableMap(map);
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toJava(item)));
            return Collections.unmodifiableList(list);
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        } else if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** A deep, immutable copy of a free-form JSON map, its values normalised to plain Java values. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> immutableJsonMap(Map<String, ?> map) {
        return (Map<String, Object>) toJava(fromJava(map));
    }
}
