package ai.human.backend.djl.internal;

import ai.djl.ndarray.types.DataType;
import ai.human.backend.BackendException;
import ai.human.tensor.DType;

/** Maps Human's element types to DJL's and back. */
public final class DTypes {
    private DTypes() {
    }

    public static DataType toDjl(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT32;
            case INT32 -> DataType.INT32;
            case UINT8 -> DataType.UINT8;
            case BOOL -> DataType.BOOLEAN;
        };
    }

    /**
     * The Human type of a DJL type.
     *
     * @throws BackendException for types a Human tensor cannot hold (an op of this backend forgot a cast)
     */
    public static DType fromDjl(DataType dataType) {
        return switch (dataType) {
            case FLOAT32 -> DType.FLOAT32;
            case INT32 -> DType.INT32;
            case UINT8 -> DType.UINT8;
            case BOOLEAN -> DType.BOOL;
            default -> throw new BackendException("PyTorch produced a " + dataType + " array, which a Human tensor "
                    + "cannot hold; this is a bug in the DJL backend, please report it with the op that was called");
        };
    }
}
