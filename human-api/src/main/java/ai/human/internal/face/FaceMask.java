package ai.human.internal.face;

import ai.human.backend.Backend;
import ai.human.backend.BinaryOp;
import ai.human.result.Box;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;

/**
 * Human's {@code face.detector.mask} ({@code mask.ts}): the face crop is dimmed to half outside the face silhouette,
 * expanded by 0.1 of the box in each direction, so that the models after the mesh see less background. The polygon
 * test runs in Java; the crop is multiplied by the resulting mask on the backend.
 */
final class FaceMask {
    private static final double EXPAND = 0.1;
    private static final float ALPHA = 0.5f;

    private FaceMask() {
    }

    /**
     * The masked crop (in the open scope), or {@code crop} itself when the face has no full mesh.
     *
     * @param crop FLOAT32 {@code [1, h, w, 3]}
     * @param mesh the face's mesh in image pixels
     * @param box  the face's {@code box} in image pixels
     */
    static Tensor apply(Backend backend, Tensor crop, double[][] mesh, Box box) {
        if (mesh.length < 100) {
            return crop;
        }
        int[] silhouette = MeshAnnotations.get().group("silhouette");
        double[] xs = new double[silhouette.length];
        double[] ys = new double[silhouette.length];
        for (int i = 0; i < silhouette.length; i++) {
            double x = (mesh[silhouette[i]][0] - box.x()) / box.width();
            double y = (mesh[silhouette[i]][1] - box.y()) / box.height();
            xs[i] = x > 0.5 ? x + EXPAND : x - EXPAND;
            ys[i] = y > 0.5 ? y + EXPAND : y - EXPAND;
        }
        int height = crop.shape().dim(1);
        int width = crop.shape().dim(2);
        float[] weights = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Human divides both coordinates by the width (the crop is square)
                weights[y * width + x] = inside((double) x / width, (double) y / width, xs, ys) ? 1f : ALPHA;
            }
        }
        return backend.binary(BinaryOp.MUL, crop, backend.fromFloats(weights, Shape.of(1, height, width, 1)));
    }

    /** Point in polygon by ray crossing (W. Randolph Franklin's test, as Human uses). */
    private static boolean inside(double x, double y, double[] xs, double[] ys) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
