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
    public static final Fused NONE = new Fused(null, Activation.NONE, null);

    public Fused {
        if (activation == null) {
            throw new IllegalArgumentException("activation is required (use Activation.NONE)");
        }
        if ((activation == Activation.PRELU) != (alpha != null)) {
            throw new IllegalArgumentException("alpha must be given exactly when the activation is PRELU");
        }
    }

    public static Fused bias(Tensor bias) {
        return new Fused(bias, Activation.NONE, null);
    }

    public static Fused of(Tensor bias, Activation activation) {
        return new Fused(bias, activation, null);
    }

    public static Fused prelu(Tensor bias, Tensor alpha) {
        return new Fused(bias, Activation.PRELU, alpha);
    }
}
