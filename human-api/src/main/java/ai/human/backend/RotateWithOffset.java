package ai.human.backend;

import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.List;

/**
 * TensorFlow.js {@code tf.image.rotateWithOffset} on any backend: a host-side helper, not a backend op. The source
 * pixel of every output pixel is computed in Java once; the backend only gathers.
 *
 * <pre>{@code
 * Tensor rotated = RotateWithOffset.apply(backend, image, angle, 0f, 0.5f, 0.5f); // around the centre
 * }</pre>
 */
public final class RotateWithOffset {

    private RotateWithOffset() {
    }

    /**
     * Rotates NHWC {@code image} by {@code radians} around ({@code centerX * width}, {@code centerY * height}) with
     * nearest-neighbour sampling, filling uncovered pixels with {@code fillValue}, exactly as TensorFlow.js
     * {@code tf.image.rotateWithOffset} does. The result has the image's shape and dtype and belongs to the caller.
     *
     * @param backend   the image's backend
     * @param image     an NHWC tensor of rank 4
     * @param radians   the rotation angle
     * @param fillValue the value of output pixels whose source lies outside the image
     * @param centerX   the centre's x as a fraction of the width
     * @param centerY   the centre's y as a fraction of the height
     * @return a new tensor of the image's shape and dtype
     * @throws BackendException when {@code image} is not of rank 4
     */
    public static Tensor apply(Backend backend, Tensor image, float radians, float fillValue, float centerX,
                               float centerY) {
        Shape shape = image.shape();
        if (shape.rank() != 4) {
            throw new BackendException("rotateWithOffset needs an NHWC image of rank 4, got shape " + shape);
        }
        int batch = shape.dim(0);
        int height = shape.dim(1);
        int width = shape.dim(2);
        int channels = shape.dim(3);
        int pixels = height * width;
        int[] source = new int[batch * pixels];
        double cx = width * (double) centerX;
        double cy = height * (double) centerY;
        double sin = Math.sin(radians);
        double cos = Math.cos(radians);
        int fillRow = batch * pixels;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                long x = Math.round((col - cx) * cos - (row - cy) * sin + cx);
                long y = Math.round((col - cx) * sin + (row - cy) * cos + cy);
                boolean inside = x >= 0 && x < width && y >= 0 && y < height;
                for (int b = 0; b < batch; b++) {
                    source[b * pixels + row * width + col] = inside ? (int) (b * pixels + y * width + x) : fillRow;
                }
            }
        }
        try (TensorScope scope = backend.scope()) {
            Tensor flat = backend.reshape(image, Shape.of(batch * pixels, channels));
            float[] fill = new float[channels];
            java.util.Arrays.fill(fill, fillValue);
            Tensor fillPixel = backend.cast(backend.fromFloats(fill, Shape.of(1, channels)), image.dtype());
            Tensor table = backend.concat(List.of(flat, fillPixel), 0);
            Tensor picked = backend.gather(table, backend.fromInts(source, Shape.of(batch * pixels)), 0);
            return scope.keep(backend.reshape(picked, shape));
        }
    }

}
