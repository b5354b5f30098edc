package ai.human.internal.face;

/**
 * A face box as Human's face pipeline passes it between stages ({@code DetectBox}): corners in pixels of the input,
 * the detector's six landmarks in pixels, the detector confidence and the {@code size} Human reports.
 *
 * @param startX     left
 * @param startY     top
 * @param endX       right
 * @param endY       bottom
 * @param landmarks  BlazeFace's six keypoints {@code [x, y]} (eyes, nose, mouth, ears), pixels
 * @param confidence detector score
 * @param sizeX      Human's {@code size[0]}
 * @param sizeY      Human's {@code size[1]}
 */
record FaceBox(double startX, double startY, double endX, double endY, double[][] landmarks, double confidence,
               double sizeX, double sizeY) {

    double width() {
        return Math.abs(endX - startX);
    }

    double height() {
        return Math.abs(endY - startY);
    }

    /** Human's {@code getBoxCenter}. */
    double centerX() {
        return startX + (endX - startX) / 2;
    }

    double centerY() {
        return startY + (endY - startY) / 2;
    }

    FaceBox withCorners(double sx, double sy, double ex, double ey) {
        return new FaceBox(sx, sy, ex, ey, landmarks, confidence, sizeX, sizeY);
    }
}
