package ai.human.backend;

/** Element-wise functions of one float tensor. */
public enum UnaryOp {
    RELU, RELU6, SIGMOID, EXP, SQRT, RECIPROCAL
}
