package ai.human.result;

/**
 * One body keypoint.
 *
 * @param part        name such as {@code nose}, {@code leftShoulder}
 * @param position    pixels
 * @param positionRaw fractions of the image size
 * @param score       confidence 0..1
 */
public record BodyKeypoint(String part, Point position, Point positionRaw, double score) {
}
