package ai.human.backend;

/**
 * What a constant weight is for, so a backend can lay it out once at load time (PyTorch wants convolution filters
 * as OIHW while TensorFlow models store HWIO). The tensor still reports its TensorFlow shape.
 */
public enum WeightUse {
    /** {@code [h, w, in, out]} filter of {@link Backend#conv2d}. */
    CONV2D_FILTER,
    /** {@code [h, w, in, multiplier]} filter of {@link Backend#depthwiseConv2d}. */
    DEPTHWISE_FILTER,
    /** Anything else. */
    OTHER
}
