package ai.human.tensor;

import java.util.Arrays;

/**
 * Immutable dimensions of a tensor, outermost first ({@code [batch, height, width, channels]} for images).
 *
 * <pre>{@code
 * Shape s = Shape.of(1, 256, 256, 3);
 * s.rank();  // 4
 * s.size();  // 196608
 * }</pre>
 */
public final class Shape {
    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /**
     * {@return a shape with the given dimensions; each must be zero or positive}
     *
     * @param dims the dimensions, none for a scalar
     */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            return SCALAR;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException("Dimension " + i + " of " + Arrays.toString(dims)
                        + " is negative; a shape's dimensions must be zero or positive");
            }
        }
        return new Shape(dims.clone());
    }

    /**
     * Same as {@link #of(int...)} for {@code long} dimensions (as engines report them).
     *
     * @param dims the dimensions, none for a scalar
     * @return the shape
     */
    public static Shape of(long... dims) {
        int[] ints = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Dimension " + i + " of " + Arrays.toString(dims) + " is too large");
            }
            ints[i] = (int) dims[i];
        }
        return of(ints);
    }

    /** {@return the rank-0 shape of a single value} */
    public static Shape scalar() {
        return SCALAR;
    }

    /** {@return the number of dimensions (0 for a scalar)} */
    public int rank() {
        return dims.length;
    }

    /**
     * {@return dimension {@code axis}; a negative axis counts from the end ({@code -1} is the last)}
     *
     * @param axis the axis
     */
    public int dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    /** {@return the number of elements: the product of the dimensions (1 for a scalar)} */
    public long size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** {@return a copy of the dimensions} */
    public int[] toArray() {
        return dims.clone();
    }

    /** {@return a copy of the dimensions as {@code long}s} */
    public long[] toLongArray() {
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = dims[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
