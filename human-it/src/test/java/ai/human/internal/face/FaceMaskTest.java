package ai.human.internal.face;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.result.Box;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.backend.reference.ReferenceBackend;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // the scopes close the test tensors
class FaceMaskTest {

    /** A mesh whose silhouette is a diamond around the centre of a 100x100 box at (0, 0). */
    private static double[][] diamondMesh() {
        double[][] mesh = new double[468][];
        Arrays.fill(mesh, new double[] {50, 50, 0});
        int[] silhouette = MeshAnnotations.get().group("silhouette");
        for (int i = 0; i < silhouette.length; i++) {
            double angle = 2 * Math.PI * i / silhouette.length;
            mesh[silhouette[i]] = new double[] {50 + 30 * Math.cos(angle), 50 + 30 * Math.sin(angle), 0};
        }
        return mesh;
    }

    @Test
    void pixelsOutsideTheExpandedSilhouetteAreHalved() {
        try (ReferenceBackend backend = new ReferenceBackend(); TensorScope scope = backend.scope()) {
            float[] ones = new float[10 * 10 * 3];
            Arrays.fill(ones, 1f);
            Tensor crop = backend.fromFloats(ones, Shape.of(1, 10, 10, 3));
            float[] masked = FaceMask.apply(backend, crop, diamondMesh(), new Box(0, 0, 100, 100)).toFloats();
            // the silhouette circle has radius 0.3 of the box, pushed out by 0.1 on each axis
            assertThat(masked[(5 * 10 + 5) * 3]).isEqualTo(1f);   // centre
            assertThat(masked[(5 * 10 + 2) * 3]).isEqualTo(1f);   // x 0.2: the circle reaches 0.2, pushed out to 0.1
            assertThat(masked[(5 * 10) * 3]).isEqualTo(0.5f);     // x 0: outside
            assertThat(masked[0]).isEqualTo(0.5f);                // corner
            assertThat(masked[(9 * 10 + 9) * 3 + 2]).isEqualTo(0.5f);
        }
    }

    @Test
    void facesWithoutAFullMeshAreNotMasked() {
        try (ReferenceBackend backend = new ReferenceBackend(); TensorScope scope = backend.scope()) {
            Tensor crop = backend.fromFloats(new float[12], Shape.of(1, 2, 2, 3));
            assertThat(FaceMask.apply(backend, crop, new double[6][2], new Box(0, 0, 1, 1))).isSameAs(crop);
        }
    }
}
