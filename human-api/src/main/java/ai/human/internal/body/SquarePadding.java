package ai.human.internal.body;

import ai.human.result.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * The zero padding Human puts around an image to make it square before MoveNet ({@code movenetfix.padInput}): half
 * the difference of the sides on each side of the shorter one, truncated.
 *
 * @param vertical   rows added above and below
 * @param horizontal columns added left and right
 */
record SquarePadding(int vertical, int horizontal) {

    static SquarePadding of(int width, int height) {
        return new SquarePadding(width > height ? (width - height) / 2 : 0, height > width ? (height - width) / 2 : 0);
    }

    /** The paddings of an NHWC image for {@code Backend.pad}. */
    int[][] paddings() {
        return new int[][] {{0, 0}, {vertical, vertical}, {horizontal, horizontal}, {0, 0}};
    }

    /**
     * Human's {@code rescaleBody}: drops empty entries, maps each position from the padded square back to the image
     * and sets {@code positionRaw} to position / image size.
     *
     * @return the surviving keypoints and their bounding box
     */
    Rescaled rescale(List<RawKeypoint> keypoints, int width, int height) {
        List<RawKeypoint> kept = new ArrayList<>();
        for (RawKeypoint kp : keypoints) {
            if (kp != null) {
                kept.add(kp);
            }
        }
        for (RawKeypoint kp : kept) {
            kp.x = kp.x * (width + horizontal + horizontal) / width - horizontal;
            kp.y = kp.y * (height + vertical + vertical) / height - vertical;
            kp.rawX = kp.x / width;
            kp.rawY = kp.y / height;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (RawKeypoint kp : kept) {
            minX = Math.min(minX, kp.x);
            minY = Math.min(minY, kp.y);
            maxX = Math.max(maxX, kp.x);
            maxY = Math.max(maxY, kp.y);
        }
        Box box = new Box(minX, minY, maxX - minX, maxY - minY);
        Box boxRaw = new Box(box.x() / width, box.y() / height, box.width() / width, box.height() / height);
        return new Rescaled(kept, box, boxRaw);
    }

    /**
     * Keypoints in image coordinates.
     *
     * @param keypoints the keypoints, none null
     * @param box       their bounding box in pixels; infinite when there are none, as Human's
     * @param boxRaw    the box as fractions of the image size
     */
    record Rescaled(List<RawKeypoint> keypoints, Box box, Box boxRaw) {
    }
}
