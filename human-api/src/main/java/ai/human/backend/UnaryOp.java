package ai.human.backend;

/** Element-wise functions of one float tensor. */
public enum UnaryOp {
    /** {@code max(x, 0)}. */
    RELU,
    /** {@code min(max(x, 0), 6)}. */
    RELU6,
    /** {@code 1 / (1 + exp(-x))}. */
    SIGMOID,
    /** {@code exp(x)}. */
    EXP,
    /** {@code sqrt(x)}. */
    SQRT,
    /** {@code 1 / x}. */
    RECIPROCAL
}
