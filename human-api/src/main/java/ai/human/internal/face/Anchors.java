package ai.human.internal.face;

/** BlazeFace's anchor centres, as Human's {@code generateAnchors}: {@code [x, y]} pairs in input pixels. */
final class Anchors {

    private Anchors() {
    }

    /** Anchors for a square detector input of {@code inputSize} pixels, flattened {@code x0, y0, x1, y1, ...}. */
    static float[] generate(int inputSize) {
        double[] strides;
        int[] perCell;
        if (inputSize == 192) { // the face-mesh detector variant
            strides = new double[] {4};
            perCell = new int[] {1};
        } else {
            strides = new double[] {inputSize / 16.0, inputSize / 8.0};
            perCell = new int[] {2, 6};
        }
        int count = 0;
        for (int i = 0; i < strides.length; i++) {
            int cells = (int) Math.floor((inputSize + strides[i] - 1) / strides[i]);
            count += cells * cells * perCell[i];
        }
        float[] out = new float[count * 2];
        int o = 0;
        for (int i = 0; i < strides.length; i++) {
            double stride = strides[i];
            int cells = (int) Math.floor((inputSize + stride - 1) / stride);
            for (int gy = 0; gy < cells; gy++) {
                double ay = stride * (gy + 0.5);
                for (int gx = 0; gx < cells; gx++) {
                    double ax = stride * (gx + 0.5);
                    for (int n = 0; n < perCell[i]; n++) {
                        out[o++] = (float) ax;
                        out[o++] = (float) ay;
                    }
                }
            }
        }
        return out;
    }
}
