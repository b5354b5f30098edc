package ai.human.backend.reference;

import ai.human.backend.BackendException;
import ai.human.backend.ConvSpec;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.Arrays;

/** NHWC convolution, depthwise convolution, max pooling and matrix product, straight from their definitions. */
final class ConvolutionKernels {
    private ConvolutionKernels() {
    }

    /** {@code out[n,y,x,o] = sum over ky,kx,c of in[n, y*s+ky-pad, x*s+kx-pad, c] * filter[ky,kx,c,o]}. */
    static Values conv2d(Values input, Values filter, ConvSpec spec, Epilogue epilogue) {
        checkRanks(input, filter, "conv2d");
        int[] in = input.shape().toArray();
        int[] f = filter.shape().toArray();
        int batch = in[0], height = in[1], width = in[2], channels = in[3];
        int kh = f[0], kw = f[1], outChannels = f[3];
        if (f[2] != channels) {
            throw new BackendException("conv2d: filter " + filter.shape() + " expects " + f[2]
                    + " input channels, the input " + input.shape() + " has " + channels);
        }
        epilogue.check(outChannels, "conv2d");
        Window rows = Window.of(height, kh, spec.strideH(), spec.padding());
        Window cols = Window.of(width, kw, spec.strideW(), spec.padding());
        float[] x = input.floatData();
        float[] w = filter.floatData();
        Values out = Values.allocate(DType.FLOAT32, Shape.of(batch, rows.out(), cols.out(), outChannels));
        float[] y = out.floatData();
        double[] sums = new double[outChannels];
        int o = 0;
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < rows.out(); oy++) {
                for (int ox = 0; ox < cols.out(); ox++) {
                    Arrays.fill(sums, 0);
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = oy * spec.strideH() + ky - rows.padBefore();
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ox * spec.strideW() + kx - cols.padBefore();
                            if (iy < 0 || iy >= height || ix < 0 || ix >= width) {
                                continue; // padding contributes zero
                            }
                            int inBase = ((n * height + iy) * width + ix) * channels;
                            int filterBase = (ky * kw + kx) * channels * outChannels;
                            for (int c = 0; c < channels; c++) {
                                double v = x[inBase + c];
                                for (int k = 0; k < outChannels; k++) {
                                    sums[k] += v * w[filterBase + c * outChannels + k];
                                }
                            }
                        }
                    }
                    for (int k = 0; k < outChannels; k++) {
                        y[o++] = epilogue.apply(k, sums[k]);
                    }
                }
            }
        }
        return out;
    }

    /** Each input channel {@code c} convolved with its own {@code multiplier} filters; output channel {@code c*m+j}. */
    static Values depthwiseConv2d(Values input, Values filter, ConvSpec spec, Epilogue epilogue) {
        checkRanks(input, filter, "depthwiseConv2d");
        int[] in = input.shape().toArray();
        int[] f = filter.shape().toArray();
        int batch = in[0], height = in[1], width = in[2], channels = in[3];
        int kh = f[0], kw = f[1], multiplier = f[3];
        if (f[2] != channels) {
            throw new BackendException("depthwiseConv2d: filter " + filter.shape() + " expects " + f[2]
                    + " input channels, the input " + input.shape() + " has " + channels);
        }
        int outChannels = channels * multiplier;
        epilogue.check(outChannels, "depthwiseConv2d");
        Window rows = Window.of(height, kh, spec.strideH(), spec.padding());
        Window cols = Window.of(width, kw, spec.strideW(), spec.padding());
        float[] x = input.floatData();
        float[] w = filter.floatData();
        Values out = Values.allocate(DType.FLOAT32, Shape.of(batch, rows.out(), cols.out(), outChannels));
        float[] y = out.floatData();
        int o = 0;
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < rows.out(); oy++) {
                for (int ox = 0; ox < cols.out(); ox++) {
                    for (int c = 0; c < channels; c++) {
                        for (int m = 0; m < multiplier; m++) {
                            double sum = 0;
                            for (int ky = 0; ky < kh; ky++) {
                                int iy = oy * spec.strideH() + ky - rows.padBefore();
                                for (int kx = 0; kx < kw; kx++) {
                                    int ix = ox * spec.strideW() + kx - cols.padBefore();
                                    if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                        sum += (double) x[((n * height + iy) * width + ix) * channels + c]
                                                * w[((ky * kw + kx) * channels + c) * multiplier + m];
                                    }
                                }
                            }
                            y[o++] = epilogue.apply(c * multiplier + m, sum);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The largest value of each window; positions in the SAME padding are ignored, not treated as zero. */
    static Values maxPool(Values input, int windowH, int windowW, ConvSpec spec) {
        if (input.shape().rank() != 4) {
            throw new BackendException("maxPool needs an NHWC input of rank 4, got " + input.shape());
        }
        if (windowH < 1 || windowW < 1) {
            throw new BackendException("maxPool: window " + windowH + "x" + windowW + " must be at least 1x1");
        }
        int[] in = input.shape().toArray();
        int batch = in[0], height = in[1], width = in[2], channels = in[3];
        Window rows = Window.of(height, windowH, spec.strideH(), spec.padding());
        Window cols = Window.of(width, windowW, spec.strideW(), spec.padding());
        Values out = Values.allocate(input.dtype(), Shape.of(batch, rows.out(), cols.out(), channels));
        int o = 0;
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < rows.out(); oy++) {
                for (int ox = 0; ox < cols.out(); ox++) {
                    for (int c = 0; c < channels; c++) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int ky = 0; ky < windowH; ky++) {
                            int iy = oy * spec.strideH() + ky - rows.padBefore();
                            for (int kx = 0; kx < windowW; kx++) {
                                int ix = ox * spec.strideW() + kx - cols.padBefore();
                                if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                    max = Math.max(max, input.get(((n * height + iy) * width + ix) * channels + c));
                                }
                            }
                        }
                        out.set(o++, max);
                    }
                }
            }
        }
        return out;
    }

    /** {@code op(a) x op(b)} for rank-2 float tensors, then the epilogue per output column. */
    static Values matMul(Values a, Values b, boolean transposeA, boolean transposeB, Epilogue epilogue) {
        ElementwiseKernels.requireFloat(a, "matMul");
        ElementwiseKernels.requireFloat(b, "matMul");
        if (a.shape().rank() != 2 || b.shape().rank() != 2) {
            throw new BackendException("matMul needs two rank-2 tensors, got " + a.shape() + " and " + b.shape());
        }
        int m = a.shape().dim(transposeA ? 1 : 0);
        int k = a.shape().dim(transposeA ? 0 : 1);
        int kb = b.shape().dim(transposeB ? 1 : 0);
        int n = b.shape().dim(transposeB ? 0 : 1);
        if (k != kb) {
            throw new BackendException("matMul: inner dimensions differ: " + a.shape() + (transposeA ? "^T" : "")
                    + " x " + b.shape() + (transposeB ? "^T" : ""));
        }
        epilogue.check(n, "matMul");
        float[] x = a.floatData();
        float[] w = b.floatData();
        Values out = Values.allocate(DType.FLOAT32, Shape.of(m, n));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    float left = transposeA ? x[p * m + i] : x[i * k + p];
                    float right = transposeB ? w[j * k + p] : w[p * n + j];
                    sum += (double) left * right;
                }
                out.floatData()[i * n + j] = epilogue.apply(j, sum);
            }
        }
        return out;
    }

    private static void checkRanks(Values input, Values filter, String op) {
        ElementwiseKernels.requireFloat(input, op);
        ElementwiseKernels.requireFloat(filter, op);
        if (input.shape().rank() != 4 || filter.shape().rank() != 4) {
            throw new BackendException(op + " needs an NHWC input and an HWIO filter (both rank 4), got "
                    + input.shape() + " and " + filter.shape());
        }
    }
}
