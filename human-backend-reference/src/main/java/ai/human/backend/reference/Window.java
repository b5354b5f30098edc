package ai.human.backend.reference;

import ai.human.backend.Padding;

/**
 * Output length and leading padding of a sliding window along one axis, as TensorFlow computes them. With
 * {@code SAME}, {@code out = ceil(in / stride)} and the total padding
 * {@code max((out - 1) * stride + size - in, 0)} is split with the smaller half before, so the extra row or column
 * goes at the bottom or right.
 */
record Window(int out, int padBefore) {

    static Window of(int in, int size, int stride, Padding padding) {
        if (padding == Padding.VALID) {
            return new Window(in >= size ? (in - size) / stride + 1 : 0, 0);
        }
        int out = (in + stride - 1) / stride;
        int padTotal = Math.max((out - 1) * stride + size - in, 0);
        return new Window(out, padTotal / 2);
    }
}
