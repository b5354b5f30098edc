package ai.human.backend.djl.internal;

/** How an NDArray lays out the values of the TensorFlow-shaped tensor it stands for. */
public enum Layout {
    /** Same shape and element order as the tensor. */
    PLAIN,
    /** A TensorFlow {@code [h, w, in, out]} conv filter held as PyTorch's {@code [out, in, h, w]}. */
    CONV_FILTER,
    /** A TensorFlow {@code [h, w, in, multiplier]} depthwise filter held as {@code [in * multiplier, 1, h, w]}. */
    DEPTHWISE_FILTER
}
