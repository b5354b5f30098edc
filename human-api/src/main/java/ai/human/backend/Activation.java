package ai.human.backend;

/** Activation fused into a convolution or matrix product ({@link Fused}). */
public enum Activation {
    /** No activation. */
    NONE,
    /** {@code max(x, 0)}. */
    RELU,
    /** {@code min(max(x, 0), 6)}. */
    RELU6,
    /** {@code max(x, 0) + alpha * min(x, 0)}, with the per-channel {@link Fused#alpha()}. */
    PRELU
}
