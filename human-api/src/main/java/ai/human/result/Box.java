package ai.human.result;

/**
 * An axis-aligned box, {@code [x, y, width, height]} as Human writes it: in pixels for {@code box}, as fractions
 * of the image size for {@code boxRaw}.
 */
public record Box(double x, double y, double width, double height) {

    /**
     * Intersection over union with {@code other}; 0 when either is empty.
     *
     * @param other another box
     * @return the intersection over union, 0..1
     */
    public double iou(Box other) {
        double ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        double iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        double inter = ix * iy;
        double union = width * height + other.width * other.height - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
