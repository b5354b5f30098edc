package ai.human.tensor;

/** Element type of a {@link Tensor}; {@link #byteSize()} is what one element costs in memory accounting. */
public enum DType {
    FLOAT32(4), INT32(4), UINT8(1), BOOL(1);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    public int byteSize() {
        return byteSize;
    }
}
