package ai.human.model;

import ai.human.tensor.DType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attribute of a graph node, as TensorFlow's {@code AttrValue}: a string ({@code s}, base64 in
 * the JSON, decoded here), an integer ({@code i}), a float ({@code f}), a boolean ({@code b}), a data
 * type ({@code type}), a shape, a tensor, a function reference, or a list of any of these. The
 * attribute's JSON text is kept ({@link #rawJson()}) so a backend can rebuild the exact GraphDef.
 *
 * <p>Reading a value of another kind throws {@link ModelException}: a {@code Conv2D}'s {@code strides}
 * is a {@link Kind#LIST}, read it with {@link #ints()}, not {@link #intValue()}.
 *
 * <pre>{@code
 * AttrValue padding = node.attrs().get("padding");
 * padding.kind();      // Kind.S
 * padding.string();    // "SAME"
 * node.attrs().get("strides").ints(); // [1, 2, 2, 1]
 * }</pre>
 */
public final class AttrValue {

    /** Which field of TensorFlow's {@code AttrValue} is set. */
    public enum Kind {
        /** A string ({@code s}). */
        S,
        /** An integer ({@code i}). */
        I,
        /** A float ({@code f}). */
        F,
        /** A boolean ({@code b}). */
        B,
        /** A data type ({@code type}). */
        TYPE,
        /** A shape. */
        SHAPE,
        /** A tensor. */
        TENSOR,
        /** A function reference. */
        FUNC,
        /** A list of any of these. */
        LIST
    }

    /**
     * A tensor shape attribute.
     *
     * @param unknownRank true when not even the rank is known; {@code dims} is then empty
     * @param dims        the dimensions, -1 where unknown
     */
    public record ShapeValue(boolean unknownRank, long[] dims) {
        /**
         * Copies the dimensions.
         *
         * @param unknownRank true when not even the rank is known; {@code dims} is then empty
         * @param dims the dimensions, -1 where unknown
         */
        public ShapeValue {
            dims = dims.clone();
        }

        /** {@return the dimensions (a copy)} */
        @Override
        public long[] dims() {
            return dims.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ShapeValue other && unknownRank == other.unknownRank && Arrays.equals(dims, other.dims);
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(unknownRank) * 31 + Arrays.hashCode(dims);
        }

        @Override
        public String toString() {
            return unknownRank ? "<unknown rank>" : Arrays.toString(dims);
        }
    }

    /**
     * A tensor attribute, as TensorFlow.js graph models carry on {@code Const} nodes: its type and
     * shape (the values live in the weights). Any inline content stays in the attribute's raw JSON.
     *
     * @param dtype TensorFlow type name such as {@code DT_FLOAT}
     * @param shape the tensor's shape
     */
    public record TensorValue(String dtype, ShapeValue shape) {
        /**
         * Checks that nothing is null.
         *
         * @param dtype TensorFlow type name such as {@code DT_FLOAT}
         * @param shape the tensor's shape
         */
        public TensorValue {
            Objects.requireNonNull(dtype, "dtype");
            Objects.requireNonNull(shape, "shape");
        }
    }

    /**
     * A function reference with its own attributes.
     *
     * @param name  function name in the graph's library
     * @param attrs its attributes
     */
    public record FuncValue(String name, Map<String, AttrValue> attrs) {
        /**
         * Checks the name and copies the attributes.
         *
         * @param name function name in the graph's library
         * @param attrs its attributes
         */
        public FuncValue {
            Objects.requireNonNull(name, "name");
            attrs = Map.copyOf(attrs);
        }
    }

    /**
     * The contents of a {@link Kind#LIST} attribute. TensorFlow allows several element kinds in one
     * list; in practice one is set, or none for an empty list.
     */
    public record ListValue(List<byte[]> s, long[] i, float[] f, boolean[] b, List<String> type,
            List<ShapeValue> shape, List<TensorValue> tensor, List<FuncValue> func) {
        /**
         * Copies every list and array.
         *
         * @param s the strings, as bytes
         * @param i the integers
         * @param f the floats
         * @param b the booleans
         * @param type the data types, by TensorFlow name
         * @param shape the shapes
         * @param tensor the tensors
         * @param func the function references
         */
        public ListValue {
            s = s.stream().map(byte[]::clone).toList();
            i = i.clone();
            f = f.clone();
            b = b.clone();
            type = List.copyOf(type);
            shape = List.copyOf(shape);
            tensor = List.copyOf(tensor);
            func = List.copyOf(func);
        }

        /** {@return an empty list} */
        public static ListValue empty() {
            return new ListValue(List.of(), new long[0], new float[0], new boolean[0], List.of(), List.of(),
                    List.of(), List.of());
        }

        /** {@return the strings, as bytes (a copy)} */
        @Override
        public List<byte[]> s() {
            return s.stream().map(byte[]::clone).toList();
        }

        /** {@return the integers (a copy)} */
        @Override
        public long[] i() {
            return i.clone();
        }

        /** {@return the floats (a copy)} */
        @Override
        public float[] f() {
            return f.clone();
        }

        /** {@return the booleans (a copy)} */
        @Override
        public boolean[] b() {
            return b.clone();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ListValue other) || s.size() != other.s.size()) {
                return false;
            }
            for (int k = 0; k < s.size(); k++) {
                if (!Arrays.equals(s.get(k), other.s.get(k))) {
                    return false;
                }
            }
            return Arrays.equals(i, other.i) && Arrays.equals(f, other.f) && Arrays.equals(b, other.b)
                    && type.equals(other.type) && shape.equals(other.shape) && tensor.equals(other.tensor)
                    && func.equals(other.func);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(i), Arrays.hashCode(f), type, shape);
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (!s.isEmpty()) {
                parts.add("s=" + s.stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList());
            }
            if (i.length > 0) {
                parts.add("i=" + Arrays.toString(i));
            }
            if (f.length > 0) {
                parts.add("f=" + Arrays.toString(f));
            }
            if (b.length > 0) {
                parts.add("b=" + Arrays.toString(b));
            }
            if (!type.isEmpty()) {
                parts.add("type=" + type);
            }
            if (!shape.isEmpty()) {
                parts.add("shape=" + shape);
            }
            if (!tensor.isEmpty()) {
                parts.add("tensor=" + tensor);
            }
            if (!func.isEmpty()) {
                parts.add("func=" + func);
            }
            return "list" + parts;
        }
    }

    private final Kind kind;
    private final Object value;
    private final String rawJson;

    private AttrValue(Kind kind, Object value, String rawJson) {
        this.kind = kind;
        this.value = value;
        this.rawJson = Objects.requireNonNull(rawJson, "rawJson");
    }

    /**
     * {@return a string attribute ({@code s}); {@code bytes} is copied}
     *
     * @param bytes the string's bytes
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofBytes(byte[] bytes, String rawJson) {
        return new AttrValue(Kind.S, bytes.clone(), rawJson);
    }

    /**
     * {@return an integer attribute ({@code i})}
     *
     * @param value the integer
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofInt(long value, String rawJson) {
        return new AttrValue(Kind.I, value, rawJson);
    }

    /**
     * {@return a float attribute ({@code f})}
     *
     * @param value the float
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofFloat(float value, String rawJson) {
        return new AttrValue(Kind.F, value, rawJson);
    }

    /**
     * {@return a boolean attribute ({@code b})}
     *
     * @param value the boolean
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofBool(boolean value, String rawJson) {
        return new AttrValue(Kind.B, value, rawJson);
    }

    /**
     * {@return a data type attribute, by TensorFlow name such as {@code DT_FLOAT}}
     *
     * @param tfType the TensorFlow type name
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofType(String tfType, String rawJson) {
        return new AttrValue(Kind.TYPE, Objects.requireNonNull(tfType, "tfType"), rawJson);
    }

    /**
     * {@return a shape attribute}
     *
     * @param shape the shape
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofShape(ShapeValue shape, String rawJson) {
        return new AttrValue(Kind.SHAPE, Objects.requireNonNull(shape, "shape"), rawJson);
    }

    /**
     * {@return a tensor attribute}
     *
     * @param tensor the tensor's type and shape
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofTensor(TensorValue tensor, String rawJson) {
        return new AttrValue(Kind.TENSOR, Objects.requireNonNull(tensor, "tensor"), rawJson);
    }

    /**
     * {@return a function attribute}
     *
     * @param func the function reference
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofFunc(FuncValue func, String rawJson) {
        return new AttrValue(Kind.FUNC, Objects.requireNonNull(func, "func"), rawJson);
    }

    /**
     * {@return a list attribute}
     *
     * @param list the list's contents
     * @param rawJson the attribute's JSON text
     */
    public static AttrValue ofList(ListValue list, String rawJson) {
        return new AttrValue(Kind.LIST, Objects.requireNonNull(list, "list"), rawJson);
    }

    /** {@return which kind of value this attribute holds} */
    public Kind kind() {
        return kind;
    }

    /** {@return the attribute as it was written in {@code model.json}, e.g. {@code {"s":"U0FNRQ=="}}} */
    public String rawJson() {
        return rawJson;
    }

    /** {@return the bytes of a string attribute (base64-decoded)} */
    public byte[] bytes() {
        return ((byte[]) as(Kind.S)).clone();
    }

    /** {@return a string attribute decoded as UTF-8, e.g. {@code "SAME"}} */
    public String string() {
        return new String((byte[]) as(Kind.S), StandardCharsets.UTF_8);
    }

    /** {@return an integer attribute} */
    public long longValue() {
        return (Long) as(Kind.I);
    }

    /** {@return an integer attribute that must fit in an {@code int}} */
    public int intValue() {
        return toInt(longValue());
    }

    /** {@return a float attribute} */
    public float floatValue() {
        return (Float) as(Kind.F);
    }

    /** {@return a boolean attribute} */
    public boolean boolValue() {
        return (Boolean) as(Kind.B);
    }

    /** {@return a data type attribute by TensorFlow name, e.g. {@code DT_FLOAT}} */
    public String type() {
        return (String) as(Kind.TYPE);
    }

    /** {@return a data type attribute as one of the types this library computes with} */
    public DType dtype() {
        String tf = type();
        return TfTypes.toDType(tf).orElseThrow(() -> new ModelException("Type attribute " + tf
                + " has no counterpart among " + Arrays.toString(DType.values())));
    }

    /** {@return a shape attribute} */
    public ShapeValue shape() {
        return (ShapeValue) as(Kind.SHAPE);
    }

    /** {@return a tensor attribute} */
    public TensorValue tensor() {
        return (TensorValue) as(Kind.TENSOR);
    }

    /** {@return a function attribute} */
    public FuncValue func() {
        return (FuncValue) as(Kind.FUNC);
    }

    /** {@return a list attribute} */
    public ListValue list() {
        return (ListValue) as(Kind.LIST);
    }

    /** {@return the strings of a list attribute, decoded as UTF-8 (e.g. {@code fused_ops}: {@code [BiasAdd, Relu]})} */
    public List<String> strings() {
        return list().s.stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    /** {@return the integers of a list attribute} */
    public long[] longs() {
        return list().i();
    }

    /** {@return the integers of a list attribute, each of which must fit in an {@code int}} */
    public int[] ints() {
        long[] longs = list().i;
        int[] out = new int[longs.length];
        for (int k = 0; k < longs.length; k++) {
            out[k] = toInt(longs[k]);
        }
        return out;
    }

    /** {@return the floats of a list attribute} */
    public float[] floats() {
        return list().f();
    }

    /** {@return the booleans of a list attribute} */
    public boolean[] bools() {
        return list().b();
    }

    /** {@return the data types of a list attribute, by TensorFlow name} */
    public List<String> types() {
        return list().type;
    }

    /** {@return the shapes of a list attribute} */
    public List<ShapeValue> shapes() {
        return list().shape;
    }

    private Object as(Kind wanted) {
        if (kind != wanted) {
            throw new ModelException("Attribute " + rawJson + " is of kind " + kind + ", not " + wanted);
        }
        return value;
    }

    private int toInt(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ModelException("Attribute " + rawJson + " holds " + v + ", which does not fit in an int");
        }
        return (int) v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttrValue other && kind == other.kind && Objects.deepEquals(value, other.value);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + (value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value.hashCode());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case S -> '"' + string() + '"';
            default -> String.valueOf(value);
        };
    }
}
