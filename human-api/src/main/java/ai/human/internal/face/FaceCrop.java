package ai.human.internal.face;

import ai.human.backend.RotateWithOffset;
import ai.human.backend.Backend;
import ai.human.backend.BinaryOp;
import ai.human.tensor.Tensor;

/**
 * Human's face crop ({@code correctFaceRotation} and {@code cutAndResize}): the box cut out of the image and resized
 * to {@code size x size} (bilinear crop-and-resize), divided by 255. With rotation correction on and the face tilted
 * by more than 0.2 radians (angle from the detector's mouth and nose keypoints) the whole image is first rotated
 * around the box centre.
 *
 * @param tensor   FLOAT32 {@code [1, size, size, 3]}, 0..1, owned by the open scope
 * @param angle    the corrected angle in radians, 0 when none
 * @param rotation the matrix that maps crop coordinates back ({@link FaceGeometry#IDENTITY} when none)
 */
record FaceCrop(Tensor tensor, double angle, double[][] rotation) {
    private static final int MOUTH = 3;
    private static final int NOSE = 2;

    static FaceCrop of(Backend backend, Tensor image, FaceBox box, boolean correctRotation, int size) {
        if (!correctRotation) {
            return new FaceCrop(cut(backend, image, box, size), 0, FaceGeometry.IDENTITY);
        }
        double angle = FaceGeometry.computeRotation(box.landmarks()[MOUTH], box.landmarks()[NOSE]);
        if (angle == 0 || Math.abs(angle) <= FaceGeometry.SMALL_ANGLE) {
            return new FaceCrop(cut(backend, image, box, size), angle, FaceGeometry.IDENTITY);
        }
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        double cx = box.centerX();
        double cy = box.centerY();
        Tensor rotated = RotateWithOffset.apply(backend, image, (float) angle, 0f, (float) (cx / width), (float) (cy / height));
        try {
            return new FaceCrop(cut(backend, rotated, box, size), angle, FaceGeometry.rotationMatrix(-angle, cx, cy));
        } finally {
            rotated.close();
        }
    }

    /** {@code cutAndResize}: normalised {@code [y1, x1, y2, x2]} crop, then {@code / 255}. */
    static Tensor cut(Backend backend, Tensor image, FaceBox box, int size) {
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        float[][] boxes = {{(float) (box.startY() / height), (float) (box.startX() / width),
                (float) (box.endY() / height), (float) (box.endX() / width)}};
        Tensor crop = backend.cropAndResize(image, boxes, new int[] {0}, size, size);
        try {
            return backend.binary(BinaryOp.DIV, crop, backend.scalar(255f));
        } finally {
            crop.close();
        }
    }
}
