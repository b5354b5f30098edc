package ai.human.graph.internal;

import ai.human.tensor.DType;

/** TensorFlow type names to the library's dtypes; int64 runs as int32, as in TensorFlow.js. */
final class Types {
    private Types() {
    }

    /** The dtype for {@code tfType}, or {@code null} when there is none. */
    static DType of(String tfType) {
        return switch (tfType) {
            case "DT_FLOAT" -> DType.FLOAT32;
            case "DT_INT32", "DT_INT64" -> DType.INT32;
            case "DT_UINT8" -> DType.UINT8;
            case "DT_BOOL" -> DType.BOOL;
            default -> null;
        };
    }

    /** True when a tensor of {@code given} may feed a placeholder of {@code declared} (uint8 images arrive as int32). */
    static boolean feeds(DType declared, DType given) {
        return declared == given || isInteger(declared) && isInteger(given);
    }

    private static boolean isInteger(DType t) {
        return t == DType.INT32 || t == DType.UINT8;
    }
}
