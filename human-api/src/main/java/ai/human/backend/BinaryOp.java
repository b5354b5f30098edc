package ai.human.backend;

/**
 * Element-wise operations of two tensors with NumPy/TensorFlow broadcasting. Both operands have the same dtype;
 * comparisons and {@link #LOGICAL_AND} return {@code BOOL}. {@link #FLOOR_DIV} and {@link #FLOOR_MOD} round toward
 * negative infinity as TensorFlow does.
 */
public enum BinaryOp {
    /** {@code a + b}. */
    ADD,
    /** {@code a - b}. */
    SUB,
    /** {@code a * b}. */
    MUL,
    /** {@code a / b}. */
    DIV,
    /** {@code floor(a / b)}. */
    FLOOR_DIV,
    /** {@code a - floor(a / b) * b}, with the sign of {@code b}. */
    FLOOR_MOD,
    /** {@code min(a, b)}. */
    MINIMUM,
    /** {@code max(a, b)}. */
    MAXIMUM,
    /** {@code (a - b)^2}. */
    SQUARED_DIFFERENCE,
    /** {@code a == b}. */
    EQUAL,
    /** {@code a > b}. */
    GREATER,
    /** {@code a >= b}. */
    GREATER_EQUAL,
    /** {@code a < b}. */
    LESS,
    /** {@code a && b} on {@code BOOL} tensors. */
    LOGICAL_AND;

    /** {@return true for the ops whose result is {@code BOOL}} */
    public boolean isComparison() {
        return switch (this) {
            case EQUAL, GREATER, GREATER_EQUAL, LESS, LOGICAL_AND -> true;
            default -> false;
        };
    }
}
