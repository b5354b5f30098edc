package ai.human.backend.tf.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_BOOL;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_FLOAT;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_INT32;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_INT64;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_UINT8;

import ai.human.backend.BackendException;
import ai.human.tensor.DType;

/** Maps {@link DType} to TensorFlow's {@code TF_DataType} codes and back. */
public final class DataTypes {
    private DataTypes() {
    }

    /** The {@code TF_DataType} of {@code dtype}. */
    public static int toTf(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> TF_FLOAT;
            case INT32 -> TF_INT32;
            case UINT8 -> TF_UINT8;
            case BOOL -> TF_BOOL;
        };
    }

    /**
     * The {@link DType} of a {@code TF_DataType} code.
     *
     * @throws BackendException for a type Human's tensors do not have (an op produced, say, int64)
     */
    public static DType fromTf(int tfType) {
        if (tfType == TF_FLOAT) {
            return DType.FLOAT32;
        } else if (tfType == TF_INT32) {
            return DType.INT32;
        } else if (tfType == TF_UINT8) {
            return DType.UINT8;
        } else if (tfType == TF_BOOL) {
            return DType.BOOL;
        }
        throw new BackendException("TensorFlow produced a tensor of TF_DataType " + tfType
                + (tfType == TF_INT64 ? " (int64)" : "") + ", which Human tensors cannot hold; the op must cast its"
                + " output to float32, int32, uint8 or bool");
    }
}
