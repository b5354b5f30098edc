package ai.human.model;

import ai.human.tensor.DType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One node of a graph model, as written in {@code modelTopology.node}: name, op, inputs and attributes.
 *
 * <p>{@link #inputs()} keeps the inputs as written: {@code "x"} (output 0 of node {@code x}),
 * {@code "split:1"} (output 1), {@code "^init"} (a control dependency, no data). The typed attribute
 * getters throw {@link ModelException} naming the node when the attribute is missing or of another
 * kind.
 *
 * <pre>{@code
 * GraphNode conv = model.node("conv1").orElseThrow();
 * conv.op();                        // "_FusedConv2D"
 * conv.dataInputs();                // ["input", "conv1/weights", "conv1/bias"]
 * conv.attrInts("strides");         // [1, 2, 2, 1]
 * conv.attrString("padding");       // "SAME"
 * conv.attrStrings("fused_ops");    // ["BiasAdd", "Relu"]
 * }</pre>
 *
 * @param name    unique name within the graph
 * @param op      TensorFlow (or TensorFlow.js) op name
 * @param device  device placement as written, often empty
 * @param inputs  inputs as written, data inputs first by TensorFlow convention
 * @param attrs   attributes by name, in JSON order
 * @param rawJson the node's JSON text, for backends that rebuild a TensorFlow GraphDef
 */
public record GraphNode(String name, String op, String device, List<String> inputs, Map<String, AttrValue> attrs,
        String rawJson) {

    /**
     * Checks the name and op, and makes immutable copies of the inputs and attributes.
     *
     * @param name unique name within the graph
     * @param op TensorFlow (or TensorFlow.js) op name
     * @param device device placement as written, often empty
     * @param inputs inputs as written, data inputs first by TensorFlow convention
     * @param attrs attributes by name, in JSON order
     * @param rawJson the node's JSON text, for backends that rebuild a TensorFlow GraphDef
     */
    public GraphNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        device = device == null ? "" : device;
        inputs = List.copyOf(inputs);
        attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
        Objects.requireNonNull(rawJson, "rawJson");
    }

    /** {@return data inputs as written ({@code x}, {@code x:1}), without control inputs} */
    public List<String> dataInputs() {
        return inputs.stream().filter(in -> !in.startsWith("^")).toList();
    }

    /** {@return data inputs as node and output index} */
    public List<TensorRef> dataInputRefs() {
        return dataInputs().stream().map(TensorRef::parse).toList();
    }

    /** {@return names of the nodes this one must run after without taking data from them (inputs {@code ^name})} */
    public List<String> controlInputs() {
        return inputs.stream().filter(in -> in.startsWith("^")).map(in -> in.substring(1)).toList();
    }

    /**
     * {@return whether the node has attribute {@code attr}}
     *
     * @param attr the attribute's name
     */
    public boolean hasAttr(String attr) {
        return attrs.containsKey(attr);
    }

    /**
     * {@return the attribute, if the node has it}
     *
     * @param attr the attribute's name
     */
    public Optional<AttrValue> findAttr(String attr) {
        return Optional.ofNullable(attrs.get(attr));
    }

    /**
     * {@return the attribute; throws {@link ModelException} when the node does not have it}
     *
     * @param attr the attribute's name
     */
    public AttrValue attr(String attr) {
        AttrValue value = attrs.get(attr);
        if (value == null) {
            throw new ModelException("Node '" + name + "' (" + op + ") has no attribute '" + attr + "'; it has "
                    + attrs.keySet());
        }
        return value;
    }

    /**
     * {@return an integer attribute that must fit in an {@code int}}
     *
     * @param attr the attribute's name
     */
    public int attrInt(String attr) {
        return read(attr, AttrValue::intValue);
    }

    /**
     * {@return an integer attribute, or {@code defaultValue} when the node does not have it}
     *
     * @param attr the attribute's name
     * @param defaultValue the value when the attribute is missing
     */
    public int attrInt(String attr, int defaultValue) {
        return hasAttr(attr) ? attrInt(attr) : defaultValue;
    }

    /**
     * {@return an integer attribute}
     *
     * @param attr the attribute's name
     */
    public long attrLong(String attr) {
        return read(attr, AttrValue::longValue);
    }

    /**
     * {@return a list-of-integers attribute, each fitting in an {@code int}}
     *
     * @param attr the attribute's name
     */
    public int[] attrInts(String attr) {
        return read(attr, AttrValue::ints);
    }

    /**
     * {@return a float attribute}
     *
     * @param attr the attribute's name
     */
    public float attrFloat(String attr) {
        return read(attr, AttrValue::floatValue);
    }

    /**
     * {@return a float attribute, or {@code defaultValue} when the node does not have it}
     *
     * @param attr the attribute's name
     * @param defaultValue the value when the attribute is missing
     */
    public float attrFloat(String attr, float defaultValue) {
        return hasAttr(attr) ? attrFloat(attr) : defaultValue;
    }

    /**
     * {@return a list-of-floats attribute}
     *
     * @param attr the attribute's name
     */
    public float[] attrFloats(String attr) {
        return read(attr, AttrValue::floats);
    }

    /**
     * {@return a boolean attribute}
     *
     * @param attr the attribute's name
     */
    public boolean attrBool(String attr) {
        return read(attr, AttrValue::boolValue);
    }

    /**
     * {@return a boolean attribute, or {@code defaultValue} when the node does not have it}
     *
     * @param attr the attribute's name
     * @param defaultValue the value when the attribute is missing
     */
    public boolean attrBool(String attr, boolean defaultValue) {
        return hasAttr(attr) ? attrBool(attr) : defaultValue;
    }

    /**
     * {@return a string attribute, e.g. {@code padding} → {@code "SAME"}}
     *
     * @param attr the attribute's name
     */
    public String attrString(String attr) {
        return read(attr, AttrValue::string);
    }

    /**
     * {@return a string attribute, or {@code defaultValue} when the node does not have it}
     *
     * @param attr the attribute's name
     * @param defaultValue the value when the attribute is missing
     */
    public String attrString(String attr, String defaultValue) {
        return hasAttr(attr) ? attrString(attr) : defaultValue;
    }

    /**
     * {@return a list-of-strings attribute, e.g. {@code fused_ops} → {@code [BiasAdd, Relu]}}
     *
     * @param attr the attribute's name
     */
    public List<String> attrStrings(String attr) {
        return read(attr, AttrValue::strings);
    }

    /**
     * {@return a type attribute by TensorFlow name, e.g. {@code T} → {@code "DT_FLOAT"}}
     *
     * @param attr the attribute's name
     */
    public String attrType(String attr) {
        return read(attr, AttrValue::type);
    }

    /**
     * {@return a type attribute as one of the library's {@link DType}s}
     *
     * @param attr the attribute's name
     */
    public DType attrDType(String attr) {
        return read(attr, AttrValue::dtype);
    }

    /**
     * {@return a shape attribute}
     *
     * @param attr the attribute's name
     */
    public AttrValue.ShapeValue attrShape(String attr) {
        return read(attr, AttrValue::shape);
    }

    /**
     * {@return a tensor attribute (its type and shape)}
     *
     * @param attr the attribute's name
     */
    public AttrValue.TensorValue attrTensor(String attr) {
        return read(attr, AttrValue::tensor);
    }

    private <T> T read(String attr, Function<AttrValue, T> reader) {
        AttrValue value = attr(attr);
        try {
            return reader.apply(value);
        } catch (ModelException e) {
            throw new ModelException("Node '" + name + "' (" + op + "), attribute '" + attr + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "GraphNode[" + name + " = " + op + inputs + "]";
    }
}
