package ai.human.internal.hand;

import ai.human.result.Box;
import ai.human.result.Point;
import java.util.List;

/**
 * Human 3.3.6's box helpers ({@code util/box.ts}) for hands. With no keypoints the boxes are infinite or NaN, as in
 * Human (which writes them as {@code null} in JSON).
 */
final class HandBoxes {

    private HandBoxes() {
    }

    /** JavaScript's {@code Math.trunc}: toward zero, NaN and infinities kept; -0 becomes 0 (as Human's JSON shows it). */
    static double trunc(double x) {
        return (x < 0 ? Math.ceil(x) : Math.floor(x)) + 0.0;
    }

    /** The bounding box of the keypoints in pixels, and as fractions of {@code width x height}. */
    static Box[] calc(List<Point> keypoints, int width, int height) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point p : keypoints) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        Box box = new Box(minX, minY, maxX - minX, maxY - minY);
        return new Box[] {box, fractions(box, width, height)};
    }

    /** The square around the keypoints' centre that holds them all, truncated to whole pixels; and as fractions. */
    static Box[] square(List<Point> keypoints, int width, int height) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point p : keypoints) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        double centerX = (minX + maxX) / 2;
        double centerY = (minY + maxY) / 2;
        double dist = Math.max(Math.max(centerX - minX, centerY - minY), Math.max(-centerX + maxX, -centerY + maxY));
        Box box = new Box(trunc(centerX - dist), trunc(centerY - dist), trunc(2 * dist), trunc(2 * dist));
        return new Box[] {box, fractions(box, width, height)};
    }

    /** The box grown by {@code factor} around its centre. */
    static Box scale(Box box, double factor) {
        double w = box.width() * factor;
        double h = box.height() * factor;
        return new Box(box.x() - (w - box.width()) / 2, box.y() - (h - box.height()) / 2, w, h);
    }

    private static Box fractions(Box box, int width, int height) {
        return new Box(box.x() / width, box.y() / height, box.width() / width, box.height() / height);
    }
}
