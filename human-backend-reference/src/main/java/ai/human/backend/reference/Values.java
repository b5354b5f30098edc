package ai.human.backend.reference;

import ai.human.backend.BackendException;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;

/**
 * Row-major elements of one dtype, the plain data the reference kernels compute on: {@code float[]} for FLOAT32,
 * {@code int[]} for INT32, {@code byte[]} for UINT8 and BOOL (0 or 1).
 */
record Values(DType dtype, Shape shape, Object data) {

    Values {
        int length = switch (dtype) {
            case FLOAT32 -> ((float[]) data).length;
            case INT32 -> ((int[]) data).length;
            case UINT8, BOOL -> ((byte[]) data).length;
        };
        if (length != shape.size()) {
            throw new BackendException("Shape " + shape + " needs " + shape.size() + " elements, got " + length);
        }
    }

    static Values allocate(DType dtype, Shape shape) {
        int n = Math.toIntExact(shape.size());
        return new Values(dtype, shape, switch (dtype) {
            case FLOAT32 -> new float[n];
            case INT32 -> new int[n];
            case UINT8, BOOL -> new byte[n];
        });
    }

    int size() {
        return (int) shape.size();
    }

    float[] floatData() {
        return (float[]) data;
    }

    int[] intData() {
        return (int[]) data;
    }

    byte[] byteData() {
        return (byte[]) data;
    }

    /** Element {@code i} as a number (uint8 unsigned, bool 0 or 1). */
    double get(int i) {
        return switch (dtype) {
            case FLOAT32 -> floatData()[i];
            case INT32 -> intData()[i];
            case UINT8, BOOL -> byteData()[i] & 0xff;
        };
    }

    /** Stores {@code value} converted as TensorFlow's {@code Cast} does: truncation to int, non-zero to true. */
    void set(int i, double value) {
        switch (dtype) {
            case FLOAT32 -> floatData()[i] = (float) value;
            case INT32 -> intData()[i] = (int) value;
            case UINT8 -> byteData()[i] = (byte) (int) value;
            case BOOL -> byteData()[i] = (byte) (value != 0 ? 1 : 0);
        }
    }

    /** All elements converted to float (a fresh array). */
    float[] toFloats() {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) get(i);
        }
        return out;
    }

    /** A copy with the same elements and a new shape of equal size. */
    Values withShape(Shape newShape) {
        Values out = allocate(dtype, newShape);
        System.arraycopy(data, 0, out.data, 0, size());
        return out;
    }

    /**
     * A new tensor of {@code shape} whose element {@code i} is this tensor's element {@code source[i]}, or
     * {@code fill} where {@code source[i]} is negative: the common form of every layout op.
     */
    Values remap(Shape outShape, int[] source, double fill) {
        Values out = allocate(dtype, outShape);
        for (int i = 0; i < source.length; i++) {
            if (source[i] < 0) {
                out.set(i, fill);
            } else {
                System.arraycopy(data, source[i], out.data, i, 1);
            }
        }
        return out;
    }
}
