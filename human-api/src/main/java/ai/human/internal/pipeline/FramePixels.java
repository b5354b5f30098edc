package ai.human.internal.pipeline;

/**
 * The pixel values of one input frame on the JVM side, for {@link FrameChangeDetector}: either bytes (decoded
 * images, UINT8 tensors) or floats (other tensors), {@code height * width * 3} values in RGB order.
 */
public final class FramePixels {
    private final int width;
    private final int height;
    private final byte[] bytes;
    private final float[] floats;

    private FramePixels(int width, int height, byte[] bytes, float[] floats) {
        this.width = width;
        this.height = height;
        this.bytes = bytes;
        this.floats = floats;
    }

    /** Unsigned bytes 0..255; the array is kept, not copied. */
    public static FramePixels ofBytes(int width, int height, byte[] rgb) {
        return new FramePixels(width, height, rgb, null);
    }

    /** Float values; the array is kept, not copied. */
    public static FramePixels ofFloats(int width, int height, float[] rgb) {
        return new FramePixels(width, height, null, rgb);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Sum over all values of the squared difference to {@code other}, which has the same size. */
    double squaredDifference(FramePixels other) {
        double sum = 0;
        if (bytes != null && other.bytes != null) {
            byte[] a = bytes;
            byte[] b = other.bytes;
            long exact = 0;
            for (int i = 0; i < a.length; i++) {
                int d = (a[i] & 0xff) - (b[i] & 0xff);
                exact += d * d;
            }
            return exact;
        }
        int n = bytes != null ? bytes.length : floats.length;
        for (int i = 0; i < n; i++) {
            double d = (double) value(i) - other.value(i);
            sum += d * d;
        }
        return sum;
    }

    private float value(int i) {
        return bytes != null ? bytes[i] & 0xff : floats[i];
    }
}
