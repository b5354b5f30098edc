package ai.human.backend.djl.internal;

import ai.human.backend.BackendException;
import ai.human.backend.ConvSpec;
import ai.human.backend.Padding;

/**
 * Where a TensorFlow convolution or pooling window goes over an {@code inH x inW} input: output size and the
 * padding on each side. TensorFlow's {@code SAME} puts the odd extra row or column at the bottom or right, which
 * PyTorch's symmetric padding cannot express; {@link #symmetric()} says whether it can.
 */
record Window(int outH, int outW, int top, int bottom, int left, int right) {

    public static Window of(int inH, int inW, int kernelH, int kernelW, ConvSpec spec) {
        int strideH = spec.strideH();
        int strideW = spec.strideW();
        if (spec.padding() == Padding.VALID) {
            if (inH < kernelH || inW < kernelW) {
                throw new BackendException("A " + kernelH + "x" + kernelW + " window with VALID padding does not fit"
                        + " an input of " + inH + "x" + inW + "; use SAME padding or a larger input");
            }
            return new Window((inH - kernelH) / strideH + 1, (inW - kernelW) / strideW + 1, 0, 0, 0, 0);
        }
        int outH = (inH + strideH - 1) / strideH;
        int outW = (inW + strideW - 1) / strideW;
        int padH = Math.max((outH - 1) * strideH + kernelH - inH, 0);
        int padW = Math.max((outW - 1) * strideW + kernelW - inW, 0);
        return new Window(outH, outW, padH / 2, padH - padH / 2, padW / 2, padW - padW / 2);
    }

    /** True when PyTorch's symmetric padding argument can express this window's padding. */
    public boolean symmetric() {
        return top == bottom && left == right;
    }

    /** True when no padding is needed at all. */
    public boolean unpadded() {
        return top == 0 && bottom == 0 && left == 0 && right == 0;
    }

    /** PyTorch's pad order for the two spatial axes of an NCHW view: left, right, top, bottom. */
    public long[] torchPadding() {
        return new long[] {left, right, top, bottom};
    }
}
