package ai.human.backend;

/**
 * Element-wise operations of two tensors with NumPy/TensorFlow broadcasting. Both operands have the same dtype;
 * comparisons and {@link #LOGICAL_AND} return {@code BOOL}. {@link #FLOOR_DIV} and {@link #FLOOR_MOD} round toward
 * negative infinity as TensorFlow does.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, FLOOR_DIV, FLOOR_MOD, MINIMUM, MAXIMUM, SQUARED_DIFFERENCE,
    EQUAL, GREATER, GREATER_EQUAL, LESS, LOGICAL_AND;

    /** True for the ops whose result is {@code BOOL}. */
    public boolean isComparison() {
        return switch (this) {
            case EQUAL, GREATER, GREATER_EQUAL, LESS, LOGICAL_AND -> true;
            default -> false;
        };
    }
}
