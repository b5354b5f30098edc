package ai.human.internal.face;

/**
 * Human's camera distance estimate ({@code anthropometry.ts calculateCameraDistance}): the human iris is about
 * 11.7 mm wide, so the wider of the two irises in the image gives the distance in metres, rounded to centimetres.
 */
final class CameraDistance {

    private CameraDistance() {
    }

    /**
     * @param leftIris  the five left iris points (centre, then x-extremes at 1 and 3), pixels
     * @param rightIris the five right iris points
     * @return metres, or {@code NaN} when the irises have no width
     */
    static double metres(double[][] leftIris, double[][] rightIris, int imageWidth) {
        double irisSize = Math.max(Math.abs(leftIris[3][0] - leftIris[1][0]), Math.abs(rightIris[3][0] - rightIris[1][0]))
                / imageWidth;
        if (!(irisSize > 0)) {
            return Double.NaN;
        }
        return Math.round(1.17 / irisSize) / 100.0;
    }
}
