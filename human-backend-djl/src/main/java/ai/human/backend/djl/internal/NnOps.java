package ai.human.backend.djl.internal;

import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.human.backend.Activation;
import ai.human.backend.ConvSpec;

/**
 * Convolutions, pooling and matrix products on NHWC activations.
 *
 * <p>PyTorch wants NCHW. An NHWC array permuted to NCHW is a view whose strides are PyTorch's channels-last memory
 * format, which its CPU kernels take as is and answer in the same format; permuting the answer back gives a
 * contiguous NHWC array. So no op copies activations to change layout. A 1x1 stride-1 convolution is a matrix
 * product over the pixels and runs as one.
 */
public final class NnOps {
    private static final long[] TO_NCHW = {0, 3, 1, 2};
    private static final long[] TO_NHWC = {0, 2, 3, 1};
    private static final Shape NO_DILATION = new Shape(1, 1);

    private NnOps() {
    }

    /**
     * Convolution of NHWC {@code x} ({@code dims}) with a PyTorch-layout {@code weight} ({@code [out, in/groups, kh,
     * kw]}), plus {@code bias} (length {@code out}, or {@code null}).
     */
    public static PtNDArray conv2d(Scratch s, PtNDArray x, int[] dims, PtNDArray weight, int out, int kernelH,
                                   int kernelW, ConvSpec spec, int groups, PtNDArray bias) {
        if (kernelH == 1 && kernelW == 1 && spec.strideH() == 1 && spec.strideW() == 1 && groups == 1) {
            PtNDArray pixels = s.add(JniUtils.reshape(x, new long[] {(long) dims[0] * dims[1] * dims[2], dims[3]}));
            PtNDArray matrix = s.add(JniUtils.reshape(weight, new long[] {out, dims[3]}));
            PtNDArray product = s.add(JniUtils.linear(pixels, matrix, bias));
            return JniUtils.reshape(product, new long[] {dims[0], dims[1], dims[2], out});
        }
        Window window = Window.of(dims[1], dims[2], kernelH, kernelW, spec);
        PtNDArray input = s.add(JniUtils.permute(x, TO_NCHW));
        Shape padding;
        if (window.symmetric()) {
            padding = new Shape(window.top(), window.left());
        } else {
            input = s.add(JniUtils.pad(input, window.torchPadding(), 0));
            padding = new Shape(0, 0);
        }
        PtNDArray result = s.add(JniUtils.convolution(input, weight, bias, new Shape(spec.strideH(), spec.strideW()),
                padding, NO_DILATION, groups));
        return JniUtils.permute(result, TO_NHWC);
    }

    /** Max pooling of NHWC {@code x} ({@code dims}); padded positions never win, as in TensorFlow. */
    public static PtNDArray maxPool(Scratch s, PtNDArray x, int[] dims, int windowH, int windowW, ConvSpec spec) {
        Window window = Window.of(dims[1], dims[2], windowH, windowW, spec);
        PtNDArray input = s.add(JniUtils.permute(x, TO_NCHW));
        Shape padding;
        if (window.symmetric()) {
            padding = new Shape(window.top(), window.left());
        } else {
            input = s.add(JniUtils.pad(input, window.torchPadding(), Double.NEGATIVE_INFINITY));
            padding = new Shape(0, 0);
        }
        PtNDArray result = s.add(JniUtils.maxPool(input, new Shape(windowH, windowW),
                new Shape(spec.strideH(), spec.strideW()), padding, false));
        return JniUtils.permute(result, TO_NHWC);
    }

    /** {@code op(a) x op(b)} of rank-2 arrays, plus {@code bias} (length of the result's columns, or null). */
    public static PtNDArray matMul(Scratch s, PtNDArray a, PtNDArray b, boolean transposeA, boolean transposeB,
                                   PtNDArray bias) {
        PtNDArray left = transposeA ? s.add(JniUtils.transpose(a, 0, 1)) : a;
        // linear(x, w) computes x * w^T, so w is b^T
        PtNDArray weight = transposeB ? b : s.add(JniUtils.transpose(b, 0, 1));
        return JniUtils.linear(left, weight, bias);
    }

    /**
     * Adds {@code bias} (when not null) and applies {@code activation} to {@code x}, which this takes over: the
     * result is {@code x} itself or a new array, and {@code x} is closed with the scratch otherwise. {@code alpha}
     * and {@code alphaWithinUnitInterval} are PReLU's slopes (see {@link ElementwiseOps#prelu}).
     */
    public static PtNDArray finish(Scratch s, PtNDArray x, PtNDArray bias, Activation activation, PtNDArray alpha,
                                   boolean alphaWithinUnitInterval) {
        PtNDArray y = x;
        if (bias != null) {
            s.add(y);
            y = JniUtils.add(y, bias);
        }
        return switch (activation) {
            case NONE -> y;
            case RELU -> JniUtils.relu(s.add(y));
            case RELU6 -> ElementwiseOps.relu6(s, s.add(y));
            case PRELU -> ElementwiseOps.prelu(s, s.add(y), alpha, alphaWithinUnitInterval);
        };
    }
}
