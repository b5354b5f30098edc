package ai.human.result;

/**
 * A point in pixels or normalized coordinates. Two-dimensional points (body keypoints) have {@code z = NaN}
 * ({@link #hasZ()} is false); face mesh and hand points carry a depth.
 */
public record Point(double x, double y, double z) {

    /** A 2-D point. */
    public static Point of(double x, double y) {
        return new Point(x, y, Double.NaN);
    }

    /** A 3-D point. */
    public static Point of(double x, double y, double z) {
        return new Point(x, y, z);
    }

    public boolean hasZ() {
        return !Double.isNaN(z);
    }
}
