package ai.human.graph.internal;

import ai.human.backend.Backend;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;

/** Java arrays behind host values: {@code float[]} for FLOAT32, {@code int[]} for INT32, {@code byte[]} for UINT8 and BOOL. */
final class HostArrays {
    private HostArrays() {
    }

    static Object allocate(DType dtype, int length) {
        return switch (dtype) {
            case FLOAT32 -> new float[length];
            case INT32 -> new int[length];
            case UINT8, BOOL -> new byte[length];
        };
    }

    static int length(Object data) {
        if (data instanceof float[] f) {
            return f.length;
        }
        if (data instanceof int[] i) {
            return i.length;
        }
        return ((byte[]) data).length;
    }

    /** Element {@code i} as a double (exact for int32 and float32; uint8 and bool unsigned). */
    static double get(Object data, int i) {
        if (data instanceof float[] f) {
            return f[i];
        }
        if (data instanceof int[] a) {
            return a[i];
        }
        return ((byte[]) data)[i] & 0xff;
    }

    /** Stores {@code value} converted as TensorFlow's {@code Cast} does (truncation toward zero, bool = non-zero). */
    static void set(Object data, DType dtype, int i, double value) {
        switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i] = (float) value;
            case INT32 -> ((int[]) data)[i] = (int) value;
            case UINT8 -> ((byte[]) data)[i] = (byte) ((long) value & 0xff);
            case BOOL -> ((byte[]) data)[i] = (byte) (value != 0 ? 1 : 0);
        }
    }

    /** Reads a backend tensor into the array type of its dtype. */
    static Object read(Tensor tensor) {
        return switch (tensor.dtype()) {
            case FLOAT32 -> tensor.toFloats();
            case INT32 -> tensor.toInts();
            case UINT8, BOOL -> tensor.toBytes();
        };
    }

    /** A new backend tensor holding {@code data}. */
    static Tensor toTensor(Backend backend, DType dtype, Shape shape, Object data) {
        return switch (dtype) {
            case FLOAT32 -> backend.fromFloats((float[]) data, shape);
            case INT32 -> backend.fromInts((int[]) data, shape);
            case UINT8, BOOL -> backend.fromBytes((byte[]) data, shape, dtype);
        };
    }

    /** The values as ints (floats truncated). */
    static int[] toInts(Object data) {
        if (data instanceof int[] a) {
            return a;
        }
        int n = length(data);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) get(data, i);
        }
        return out;
    }

    /** The values as floats. */
    static float[] toFloats(Object data) {
        if (data instanceof float[] f) {
            return f;
        }
        int n = length(data);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) get(data, i);
        }
        return out;
    }
}
