package ai.human.backend;

/**
 * Strides and padding of a convolution or pooling window (NHWC; dilation is always 1 in the supported models).
 *
 * @param strideH vertical stride, at least 1
 * @param strideW horizontal stride, at least 1
 * @param padding TensorFlow padding mode
 */
public record ConvSpec(int strideH, int strideW, Padding padding) {
    /**
     * Checks the strides and the padding.
     *
     * @param strideH vertical stride, at least 1
     * @param strideW horizontal stride, at least 1
     * @param padding TensorFlow padding mode
     */
    public ConvSpec {
        if (strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("Strides must be at least 1, got " + strideH + "x" + strideW);
        }
        if (padding == null) {
            throw new IllegalArgumentException("padding is required (SAME or VALID)");
        }
    }

    /**
     * {@return the same stride on both axes}
     *
     * @param stride the stride, at least 1
     * @param padding the padding mode
     */
    public static ConvSpec of(int stride, Padding padding) {
        return new ConvSpec(stride, stride, padding);
    }
}
