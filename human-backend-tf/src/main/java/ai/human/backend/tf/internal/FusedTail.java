package ai.human.backend.tf.internal;

import ai.human.backend.Activation;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/**
 * The native form of {@link ai.human.backend.Fused}: what follows a convolution or matrix product.
 *
 * @param bias       bias handle or {@code null}
 * @param biasRank   the bias's rank (1 for a per-channel vector), ignored without bias
 * @param activation activation after the bias
 * @param alpha      prelu slopes, exactly when {@code activation} is {@link Activation#PRELU}
 */
public record FusedTail(TFE_TensorHandle bias, int biasRank, Activation activation, TFE_TensorHandle alpha) {
    public static final FusedTail NONE = new FusedTail(null, 0, Activation.NONE, null);

    /** True when TensorFlow's fused kernels can do the whole tail: a bias vector, then nothing, relu or relu6. */
    boolean nativelyFusable() {
        return bias != null && biasRank == 1 && activation != Activation.PRELU;
    }
}
