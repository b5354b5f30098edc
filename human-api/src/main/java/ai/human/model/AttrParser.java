package ai.human.model;

import ai.human.model.AttrValue.FuncValue;
import ai.human.model.AttrValue.ListValue;
import ai.human.model.AttrValue.ShapeValue;
import ai.human.model.AttrValue.TensorValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads TensorFlow {@code AttrValue}s from their proto3 JSON form: int64 as strings, bytes as base64,
 * floats as numbers or {@code "NaN"}/{@code "Infinity"}, enums as names (or numbers).
 */
final class AttrParser {
    private static final Set<String> LIST_FIELDS = Set.of("s", "i", "f", "b", "type", "shape", "tensor", "func");

    private final String where;

    /** @param where names the file and node for error messages */
    AttrParser(String where) {
        this.where = where;
    }

    Map<String, AttrValue> parseAll(JsonNode attrs) {
        Map<String, AttrValue> out = new LinkedHashMap<>();
        if (attrs == null || attrs.isNull()) {
            return out;
        }
        if (!attrs.isObject()) {
            throw fail("'attr' is not an object");
        }
        for (Map.Entry<String, JsonNode> e : attrs.properties()) {
            out.put(e.getKey(), parse(e.getKey(), e.getValue()));
        }
        return out;
    }

    AttrValue parse(String attr, JsonNode json) {
        if (!json.isObject() || json.size() != 1) {
            throw fail("attribute '" + attr + "' is " + json
                    + "; expected an object with exactly one of s, i, f, b, type, shape, tensor, list, func");
        }
        Map.Entry<String, JsonNode> field = json.properties().iterator().next();
        String kind = field.getKey();
        JsonNode v = field.getValue();
        String raw = json.toString();
        String what = "attribute '" + attr + "'";
        return switch (kind) {
            case "s" -> AttrValue.ofBytes(bytes(what, v), raw);
            case "i" -> AttrValue.ofInt(integer(what, v), raw);
            case "f" -> AttrValue.ofFloat(floating(what, v), raw);
            case "b" -> AttrValue.ofBool(bool(what, v), raw);
            case "type" -> AttrValue.ofType(type(what, v), raw);
            case "shape" -> AttrValue.ofShape(shape(what, v), raw);
            case "tensor" -> AttrValue.ofTensor(tensor(what, v), raw);
            case "list" -> AttrValue.ofList(list(what, v), raw);
            case "func" -> AttrValue.ofFunc(func(what, v), raw);
            default -> throw fail(what + " has kind '" + kind
                    + "', which this loader does not read (known: s, i, f, b, type, shape, tensor, list, func)");
        };
    }

    private ListValue list(String what, JsonNode v) {
        if (!v.isObject()) {
            throw fail(what + ": list is not an object: " + v);
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String f = e.getKey();
            if (!LIST_FIELDS.contains(f)) {
                throw fail(what + ": list has elements of kind '" + f + "', which this loader does not read (known: "
                        + LIST_FIELDS + ")");
            }
        }
        List<byte[]> s = new ArrayList<>();
        for (JsonNode e : elements(what, v.get("s"))) {
            s.add(bytes(what, e));
        }
        List<JsonNode> is = elements(what, v.get("i"));
        long[] i = new long[is.size()];
        for (int k = 0; k < i.length; k++) {
            i[k] = integer(what, is.get(k));
        }
        List<JsonNode> fs = elements(what, v.get("f"));
        float[] f = new float[fs.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = floating(what, fs.get(k));
        }
        List<JsonNode> bs = elements(what, v.get("b"));
        boolean[] b = new boolean[bs.size()];
        for (int k = 0; k < b.length; k++) {
            b[k] = bool(what, bs.get(k));
        }
        List<String> types = new ArrayList<>();
        for (JsonNode e : elements(what, v.get("type"))) {
            types.add(type(what, e));
        }
        List<ShapeValue> shapes = new ArrayList<>();
        for (JsonNode e : elements(what, v.get("shape"))) {
            shapes.add(shape(what, e));
        }
        List<TensorValue> tensors = new ArrayList<>();
        for (JsonNode e : elements(what, v.get("tensor"))) {
            tensors.add(tensor(what, e));
        }
        List<FuncValue> funcs = new ArrayList<>();
        for (JsonNode e : elements(what, v.get("func"))) {
            funcs.add(func(what, e));
        }
        return new ListValue(s, i, f, b, types, shapes, tensors, funcs);
    }

    private List<JsonNode> elements(String what, JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        if (!array.isArray()) {
            throw fail(what + ": list field is not an array: " + array);
        }
        array.forEach(out::add);
        return out;
    }

    private byte[] bytes(String what, JsonNode v) {
        if (!v.isTextual()) {
            throw fail(what + ": string value is not base64 text: " + v);
        }
        // proto3 JSON accepts standard and URL-safe base64, with or without padding
        String text = v.asText().replace('-', '+').replace('_', '/');
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw fail(what + ": '" + v.asText() + "' is not base64 (" + e.getMessage() + ")");
        }
    }

    private long integer(String what, JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw fail(what + ": " + v + " is not a 64-bit integer");
    }

    private float floating(String what, JsonNode v) {
        if (v.isNumber()) {
            return (float) v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Float.parseFloat(v.asText());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw fail(what + ": " + v + " is not a float");
    }

    private boolean bool(String what, JsonNode v) {
        if (!v.isBoolean()) {
            throw fail(what + ": " + v + " is not a boolean");
        }
        return v.asBoolean();
    }

    String type(String what, JsonNode v) {
        if (v.isTextual() && v.asText().startsWith("DT_")) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return TfTypes.nameOf(v.asInt()).orElseThrow(() -> fail(what + ": " + v + " is not a TensorFlow data type"));
        }
        throw fail(what + ": " + v + " is not a TensorFlow data type such as DT_FLOAT");
    }

    ShapeValue shape(String what, JsonNode v) {
        if (!v.isObject()) {
            throw fail(what + ": shape is not an object: " + v);
        }
        boolean unknownRank = v.path("unknownRank").asBoolean(false);
        List<JsonNode> dims = elements(what, v.get("dim"));
        long[] sizes = new long[dims.size()];
        for (int k = 0; k < sizes.length; k++) {
            JsonNode size = dims.get(k).get("size");
            sizes[k] = size == null ? 0 : integer(what, size); // proto3 JSON omits a size of 0
        }
        return new ShapeValue(unknownRank, sizes);
    }

    private TensorValue tensor(String what, JsonNode v) {
        if (!v.isObject()) {
            throw fail(what + ": tensor is not an object: " + v);
        }
        String dtype = v.has("dtype") ? type(what, v.get("dtype")) : "DT_INVALID";
        JsonNode shape = v.get("tensorShape");
        return new TensorValue(dtype, shape == null ? new ShapeValue(false, new long[0]) : shape(what, shape));
    }

    private FuncValue func(String what, JsonNode v) {
        if (!v.isObject() || !v.path("name").isTextual()) {
            throw fail(what + ": function reference has no name: " + v);
        }
        AttrParser inner = new AttrParser(where + ", function '" + v.get("name").asText() + "'");
        return new FuncValue(v.get("name").asText(), inner.parseAll(v.get("attr")));
    }

    private ModelException fail(String problem) {
        return new ModelException(where + ": " + problem);
    }
}
