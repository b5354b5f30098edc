package ai.human.tensor;

/** Element type of a {@link Tensor}; {@link #byteSize()} is what one element costs in memory accounting. */
public enum DType {
    /** 32-bit float. */
    FLOAT32(4),
    /** 32-bit signed integer. */
    INT32(4),
    /** 8-bit unsigned integer (image pixels). */
    UINT8(1),
    /** Boolean, one byte per element (0 or 1). */
    BOOL(1);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** {@return the bytes one element takes} */
    public int byteSize() {
        return byteSize;
    }
}
