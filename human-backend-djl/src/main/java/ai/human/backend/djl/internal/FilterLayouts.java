package ai.human.backend.djl.internal;

import ai.human.tensor.Shape;

/**
 * Rearranges TensorFlow filters into PyTorch's layout once, when a model's weights are made: a conv filter
 * {@code [h, w, in, out]} becomes {@code [out, in, h, w]}, a depthwise filter {@code [h, w, in, m]} becomes
 * {@code [in * m, 1, h, w]} (output channel {@code i * m + k}, as in TensorFlow).
 */
public final class FilterLayouts {
    private FilterLayouts() {
    }

    /** The values of TensorFlow filter {@code values} ({@code shape}) in {@code layout}'s order. */
    public static float[] toTorch(float[] values, Shape shape, Layout layout) {
        int kh = shape.dim(0);
        int kw = shape.dim(1);
        int in = shape.dim(2);
        int out = shape.dim(3);
        float[] torch = new float[values.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        int row = layout == Layout.CONV_FILTER ? o * in + i : i * out + o;
                        torch[(row * kh + y) * kw + x] = values[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return torch;
    }

    /** PyTorch's shape of a TensorFlow filter of {@code shape} in {@code layout}. */
    public static long[] torchShape(Shape shape, Layout layout) {
        return layout == Layout.CONV_FILTER
                ? new long[] {shape.dim(3), shape.dim(2), shape.dim(0), shape.dim(1)}
                : new long[] {(long) shape.dim(2) * shape.dim(3), 1, shape.dim(0), shape.dim(1)};
    }
}
