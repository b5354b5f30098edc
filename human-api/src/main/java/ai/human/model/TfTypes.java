package ai.human.model;

import ai.human.tensor.DType;
import java.util.Optional;

/** TensorFlow data type names ({@code DT_FLOAT}) and their counterparts among the library's {@link DType}s. */
final class TfTypes {
    /** TensorFlow's {@code DataType} enum by number, for JSON that writes types as numbers. */
    private static final String[] BY_NUMBER = {"DT_INVALID", "DT_FLOAT", "DT_DOUBLE", "DT_INT32", "DT_UINT8",
        "DT_INT16", "DT_INT8", "DT_STRING", "DT_COMPLEX64", "DT_INT64", "DT_BOOL", "DT_QINT8", "DT_QUINT8",
        "DT_QINT32", "DT_BFLOAT16", "DT_QINT16", "DT_QUINT16", "DT_UINT16", "DT_COMPLEX128", "DT_HALF",
        "DT_RESOURCE", "DT_VARIANT", "DT_UINT32", "DT_UINT64"};

    private TfTypes() {
    }

    /** The type name for a {@code DataType} number, if it is one. */
    public static Optional<String> nameOf(int number) {
        return number >= 0 && number < BY_NUMBER.length ? Optional.of(BY_NUMBER[number]) : Optional.empty();
    }

    /** The library type for a TensorFlow type name, if it has one. */
    public static Optional<DType> toDType(String tfType) {
        return switch (tfType) {
            case "DT_FLOAT" -> Optional.of(DType.FLOAT32);
            case "DT_INT32" -> Optional.of(DType.INT32);
            case "DT_UINT8" -> Optional.of(DType.UINT8);
            case "DT_BOOL" -> Optional.of(DType.BOOL);
            default -> Optional.empty();
        };
    }
}
