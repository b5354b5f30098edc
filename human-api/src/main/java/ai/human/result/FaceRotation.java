package ai.human.result;

/**
 * Head rotation and gaze computed from the face mesh.
 *
 * @param roll     radians, rotation in the image plane
 * @param yaw      radians, left/right
 * @param pitch    radians, up/down
 * @param matrix   3x3 rotation matrix, row-major (9 values)
 * @param bearing  gaze direction in radians
 * @param strength gaze strength 0..1
 */
public record FaceRotation(double roll, double yaw, double pitch, double[] matrix, double bearing, double strength) {
    /**
     * Checks and copies the matrix.
     *
     * @param roll radians, rotation in the image plane
     * @param yaw radians, left/right
     * @param pitch radians, up/down
     * @param matrix 3x3 rotation matrix, row-major (9 values)
     * @param bearing gaze direction in radians
     * @param strength gaze strength 0..1
     */
    public FaceRotation {
        if (matrix.length != 9) {
            throw new IllegalArgumentException("A rotation matrix has 9 values, got " + matrix.length);
        }
        matrix = matrix.clone();
    }

    /** {@return the 3x3 rotation matrix, row-major (a copy)} */
    @Override
    public double[] matrix() {
        return matrix.clone();
    }
}
