package ai.human.backend;

/** Activation fused into a convolution or matrix product ({@link Fused}). */
public enum Activation {
    NONE, RELU, RELU6, PRELU
}
