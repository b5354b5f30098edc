package ai.human.backend.djl;

/**
 * Plain-loop TensorFlow semantics for the tests: convolution, depthwise convolution, bilinear resize and
 * crop-and-resize over row-major NHWC float arrays.
 */
final class TfReference {
    private TfReference() {
    }

    /** TensorFlow conv2d (groups = 1) or depthwise conv (filter {@code [kh, kw, c, m]}) with SAME or VALID padding. */
    static float[] conv(float[] x, int n, int h, int w, int c, float[] filter, int kh, int kw, int out, int stride,
                        boolean same, boolean depthwise) {
        int oh = same ? (h + stride - 1) / stride : (h - kh) / stride + 1;
        int ow = same ? (w + stride - 1) / stride : (w - kw) / stride + 1;
        int top = same ? Math.max((oh - 1) * stride + kh - h, 0) / 2 : 0;
        int left = same ? Math.max((ow - 1) * stride + kw - w, 0) / 2 : 0;
        int channelsOut = depthwise ? c * out : out;
        float[] y = new float[n * oh * ow * channelsOut];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int o = 0; o < channelsOut; o++) {
                        double sum = 0;
                        for (int dy = 0; dy < kh; dy++) {
                            for (int dx = 0; dx < kw; dx++) {
                                int yy = i * stride + dy - top;
                                int xx = j * stride + dx - left;
                                if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                                    continue;
                                }
                                if (depthwise) {
                                    int ci = o / out;
                                    int m = o % out;
                                    sum += x[((b * h + yy) * w + xx) * c + ci] * filter[((dy * kw + dx) * c + ci) * out + m];
                                } else {
                                    for (int ci = 0; ci < c; ci++) {
                                        sum += x[((b * h + yy) * w + xx) * c + ci]
                                                * filter[((dy * kw + dx) * c + ci) * out + o];
                                    }
                                }
                            }
                        }
                        y[((b * oh + i) * ow + j) * channelsOut + o] = (float) sum;
                    }
                }
            }
        }
        return y;
    }

    /** TensorFlow ResizeBilinear. */
    static float[] resize(float[] x, int n, int h, int w, int c, int oh, int ow, boolean alignCorners,
                          boolean halfPixel) {
        float[] y = new float[n * oh * ow * c];
        float sy = alignCorners && oh > 1 ? (h - 1) / (float) (oh - 1) : h / (float) oh;
        float sx = alignCorners && ow > 1 ? (w - 1) / (float) (ow - 1) : w / (float) ow;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                float iny = halfPixel ? (i + 0.5f) * sy - 0.5f : i * sy;
                int y0 = Math.max((int) Math.floor(iny), 0);
                int y1 = Math.min((int) Math.ceil(iny), h - 1);
                float ly = iny - (float) Math.floor(iny);
                for (int j = 0; j < ow; j++) {
                    float inx = halfPixel ? (j + 0.5f) * sx - 0.5f : j * sx;
                    int x0 = Math.max((int) Math.floor(inx), 0);
                    int x1 = Math.min((int) Math.ceil(inx), w - 1);
                    float lx = inx - (float) Math.floor(inx);
                    for (int ch = 0; ch < c; ch++) {
                        float tl = x[((b * h + y0) * w + x0) * c + ch];
                        float tr = x[((b * h + y0) * w + x1) * c + ch];
                        float bl = x[((b * h + y1) * w + x0) * c + ch];
                        float br = x[((b * h + y1) * w + x1) * c + ch];
                        float top = tl + (tr - tl) * lx;
                        float bottom = bl + (br - bl) * lx;
                        y[((b * oh + i) * ow + j) * c + ch] = top + (bottom - top) * ly;
                    }
                }
            }
        }
        return y;
    }

    /** TensorFlow CropAndResize, bilinear, extrapolation value 0. */
    static float[] cropAndResize(float[] x, int h, int w, int c, float[][] boxes, int[] index, int ch, int cw) {
        float[] y = new float[boxes.length * ch * cw * c];
        for (int b = 0; b < boxes.length; b++) {
            float y1 = boxes[b][0];
            float x1 = boxes[b][1];
            float y2 = boxes[b][2];
            float x2 = boxes[b][3];
            float hs = ch > 1 ? (y2 - y1) * (h - 1) / (ch - 1) : 0;
            float ws = cw > 1 ? (x2 - x1) * (w - 1) / (cw - 1) : 0;
            for (int i = 0; i < ch; i++) {
                float iny = ch > 1 ? y1 * (h - 1) + i * hs : (float) (0.5 * (y1 + y2) * (h - 1));
                for (int j = 0; j < cw; j++) {
                    float inx = cw > 1 ? x1 * (w - 1) + j * ws : (float) (0.5 * (x1 + x2) * (w - 1));
                    int at = ((b * ch + i) * cw + j) * c;
                    if (iny < 0 || iny > h - 1 || inx < 0 || inx > w - 1) {
                        continue;
                    }
                    int t = (int) Math.floor(iny);
                    int bo = (int) Math.ceil(iny);
                    int l = (int) Math.floor(inx);
                    int r = (int) Math.ceil(inx);
                    float ly = iny - t;
                    float lx = inx - l;
                    for (int k = 0; k < c; k++) {
                        int base = index[b] * h;
                        float tl = x[((base + t) * w + l) * c + k];
                        float tr = x[((base + t) * w + r) * c + k];
                        float bl = x[((base + bo) * w + l) * c + k];
                        float br = x[((base + bo) * w + r) * c + k];
                        float top = tl + (tr - tl) * lx;
                        float bottom = bl + (br - bl) * lx;
                        y[at + k] = top + (bottom - top) * ly;
                    }
                }
            }
        }
        return y;
    }
}
