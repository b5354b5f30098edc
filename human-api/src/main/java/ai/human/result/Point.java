package ai.human.result;

/**
 * A point in pixels or normalized coordinates. Two-dimensional points (body keypoints) have {@code z = NaN}
 * ({@link #hasZ()} is false); face mesh and hand points carry a depth.
 */
public record Point(double x, double y, double z) {

    /**
     * {@return a 2-D point}
     *
     * @param x the x coordinate
     * @param y the y coordinate
     */
    public static Point of(double x, double y) {
        return new Point(x, y, Double.NaN);
    }

    /**
     * {@return a 3-D point}
     *
     * @param x the x coordinate
     * @param y the y coordinate
     * @param z the z coordinate
     */
    public static Point of(double x, double y, double z) {
        return new Point(x, y, z);
    }

    /** {@return whether the point has a z coordinate} */
    public boolean hasZ() {
        return !Double.isNaN(z);
    }
}
