package ai.human.result;

/**
 * How one finger is bent and where it points.
 *
 * @param curl      {@code none}, {@code half} or {@code full}
 * @param direction {@code verticalUp}, {@code diagonalUpLeft}, ... (Human's eight directions)
 */
public record FingerPose(String curl, String direction) {
}
