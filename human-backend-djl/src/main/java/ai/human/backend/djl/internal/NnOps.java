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
 * contiguous NHWC array. So no op copies activations to change layout.
 *
 * <p>Choices measured on a 2-core machine (medians, microseconds):
 * <ul>
 *   <li>A 1x1 stride-1 convolution is a matrix product over the pixels, {@code matmul} then an in-place bias add:
 *       PyTorch's {@code linear} with a bias ({@code addmm}) first fills the whole output with the broadcast bias,
 *       which for many pixels and few input channels cost more than the product ({@code [65536 x 16] x [16 x 64]}:
 *       9400 against 1850).</li>
 *   <li>Other convolutions get their bias inside PyTorch's convolution: adding a channel bias afterwards to a
 *       channels-last result is a slow broadcast (a 3x3 depthwise on {@code 256x256x64}: 1650 plus 6300).</li>
 *   <li>TensorFlow's {@code SAME} padding puts the odd extra row or column at the bottom or right, which PyTorch's
 *       symmetric padding cannot say. A depthwise filter gets a zero row on top (or column on the left) instead and
 *       the larger symmetric padding, which computes the same sums without copying the input (a stride-2 3x3 on
 *       {@code 256x256x64}: padding the input took 2400, the convolution 960). Max pooling uses ceil mode, which
 *       adds the missing windows at the end. Regular convolutions, whose filters are larger, pad the input.</li>
 * </ul>
 */
public final class NnOps {
    private static final long[] TO_NCHW = {0, 3, 1, 2};
    private static final long[] TO_NHWC = {0, 2, 3, 1};
    private static final Shape NO_DILATION = new Shape(1, 1);
    private static final Shape NO_PADDING = new Shape(0, 0);

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
            PtNDArray product = s.add(matMulPlusBias(pixels, s.add(JniUtils.transpose(matrix, 0, 1)), bias));
            return JniUtils.reshape(product, new long[] {dims[0], dims[1], dims[2], out});
        }
        Window window = Window.of(dims[1], dims[2], kernelH, kernelW, spec);
        PtNDArray input = s.add(JniUtils.permute(x, TO_NCHW));
        PtNDArray filter = weight;
        Shape padding;
        int extraTop = window.bottom() - window.top();
        int extraLeft = window.right() - window.left();
        if (window.symmetric()) {
            padding = new Shape(window.top(), window.left());
        } else if (groups > 1 && extraTop <= 1 && extraLeft <= 1) {
            filter = s.add(JniUtils.pad(weight, new long[] {extraLeft, 0, extraTop, 0}, 0));
            padding = new Shape(window.bottom(), window.right());
        } else {
            input = s.add(JniUtils.pad(input, window.torchPadding(), 0));
            padding = NO_PADDING;
        }
        PtNDArray result = s.add(JniUtils.convolution(input, filter, bias, new Shape(spec.strideH(), spec.strideW()),
                padding, NO_DILATION, groups));
        return JniUtils.permute(result, TO_NHWC);
    }

    /** Max pooling of NHWC {@code x} ({@code dims}); padded positions never win, as in TensorFlow. */
    public static PtNDArray maxPool(Scratch s, PtNDArray x, int[] dims, int windowH, int windowW, ConvSpec spec) {
        Window window = Window.of(dims[1], dims[2], windowH, windowW, spec);
        PtNDArray input = s.add(JniUtils.permute(x, TO_NCHW));
        Shape padding = new Shape(window.top(), window.left());
        boolean ceil = false;
        if (!window.symmetric()) {
            if (window.top() == 0 && window.left() == 0
                    && ceilModeSize(dims[1], windowH, spec.strideH()) == window.outH()
                    && ceilModeSize(dims[2], windowW, spec.strideW()) == window.outW()) {
                ceil = true;
            } else {
                input = s.add(JniUtils.pad(input, window.torchPadding(), Double.NEGATIVE_INFINITY));
                padding = NO_PADDING;
            }
        }
        PtNDArray result = s.add(JniUtils.maxPool(input, new Shape(windowH, windowW),
                new Shape(spec.strideH(), spec.strideW()), padding, ceil));
        return JniUtils.permute(result, TO_NHWC);
    }

    /** PyTorch's output size for an unpadded window in ceil mode (the last window must start inside the input). */
    private static int ceilModeSize(int in, int window, int stride) {
        if (in < window) {
            return -1;
        }
        int size = (in - window + stride - 1) / stride + 1;
        return (size - 1) * stride >= in ? size - 1 : size;
    }

    /** {@code op(a) x op(b)} of rank-2 arrays, plus {@code bias} (length of the result's columns, or null). */
    public static PtNDArray matMul(Scratch s, PtNDArray a, PtNDArray b, boolean transposeA, boolean transposeB,
                                   PtNDArray bias) {
        PtNDArray left = transposeA ? s.add(JniUtils.transpose(a, 0, 1)) : a;
        PtNDArray right = transposeB ? s.add(JniUtils.transpose(b, 0, 1)) : b;
        return matMulPlusBias(left, right, bias);
    }

    /** {@code a x b}, then {@code bias} added in place (when not null); a new array. */
    private static PtNDArray matMulPlusBias(PtNDArray a, PtNDArray b, PtNDArray bias) {
        PtNDArray product = JniUtils.matmul(a, b);
        if (bias != null) {
            try {
                JniUtils.addi(product, bias);
            } catch (RuntimeException e) {
                product.close();
                throw e;
            }
        }
        return product;
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
