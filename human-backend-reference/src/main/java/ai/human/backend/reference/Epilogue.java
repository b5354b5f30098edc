package ai.human.backend.reference;

import ai.human.backend.Activation;
import ai.human.backend.BackendException;

/**
 * What a fused op does to each result: {@code activation(x + bias[c])}, with {@code alpha[c]} the slope of PRELU.
 * Bias and alpha are per output channel (a single value applies to all channels).
 */
record Epilogue(float[] bias, Activation activation, float[] alpha) {
    static final Epilogue NONE = new Epilogue(null, Activation.NONE, null);

    Epilogue check(int channels, String op) {
        checkLength(bias, channels, op + " bias");
        checkLength(alpha, channels, op + " prelu alpha");
        return this;
    }

    float apply(int channel, double value) {
        float x = (float) value;
        if (bias != null) {
            x += bias[bias.length == 1 ? 0 : channel];
        }
        return switch (activation) {
            case NONE -> x;
            case RELU -> x > 0 ? x : 0f;
            case RELU6 -> Math.min(Math.max(x, 0f), 6f);
            case PRELU -> x >= 0 ? x : alpha[alpha.length == 1 ? 0 : channel] * x;
        };
    }

    private static void checkLength(float[] values, int channels, String what) {
        if (values != null && values.length != channels && values.length != 1) {
            throw new BackendException(what + " has " + values.length + " values; the output has " + channels
                    + " channels");
        }
    }
}
