package ai.human.backend;

import ai.human.tensor.Tensor;

/**
 * What follows a convolution or matrix product in the same op: {@code activation(x + bias)}.
 *
 * @param bias       per-output-channel bias, or {@code null}
 * @param activation activation after the bias
 * @param alpha      per-channel slopes when {@code activation} is {@link Activation#PRELU}, else {@code null}
 */
public record Fused(Tensor bias, Activation activation, Tensor alpha) {
    /** Nothing fused: no bias, no activation. */
    public static final Fused NONE = new Fused(null, Activation.NONE, null);

    /**
     * Checks that the activation is given, and alpha exactly for PRELU.
     *
     * @param bias per-output-channel bias, or {@code null}
     * @param activation activation after the bias
     * @param alpha per-channel slopes when {@code activation} is {@link Activation#PRELU}, else {@code null}
     */
    public Fused {
        if (activation == null) {
            throw new IllegalArgumentException("activation is required (use Activation.NONE)");
        }
        if ((activation == Activation.PRELU) != (alpha != null)) {
            throw new IllegalArgumentException("alpha must be given exactly when the activation is PRELU");
        }
    }

    /**
     * {@return a bias and no activation}
     *
     * @param bias per-output-channel bias
     */
    public static Fused bias(Tensor bias) {
        return new Fused(bias, Activation.NONE, null);
    }

    /**
     * {@return a bias and an activation other than {@link Activation#PRELU}}
     *
     * @param bias per-output-channel bias, or {@code null}
     * @param activation the activation
     */
    public static Fused of(Tensor bias, Activation activation) {
        return new Fused(bias, activation, null);
    }

    /**
     * {@return a bias and {@link Activation#PRELU}}
     *
     * @param bias per-output-channel bias, or {@code null}
     * @param alpha per-channel slopes for negative values
     */
    public static Fused prelu(Tensor bias, Tensor alpha) {
        return new Fused(bias, Activation.PRELU, alpha);
    }
}
