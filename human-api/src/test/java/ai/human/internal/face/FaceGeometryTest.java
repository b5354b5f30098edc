package ai.human.internal.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.human.result.Box;
import org.junit.jupiter.api.Test;

class FaceGeometryTest {
    private static final double[][] NO_LANDMARKS = new double[0][];

    private static FaceBox box(double sx, double sy, double ex, double ey) {
        return new FaceBox(sx, sy, ex, ey, NO_LANDMARKS, 0.9, 0, 0);
    }

    @Test
    void enlargeKeepsTheCentreAndRemembersTheOldSize() {
        FaceBox enlarged = FaceGeometry.enlarge(box(100, 200, 140, 230), 1.5);
        assertThat(new double[] {enlarged.startX(), enlarged.startY(), enlarged.endX(), enlarged.endY()})
                .containsExactly(90, 192.5, 150, 237.5);
        assertThat(new double[] {enlarged.sizeX(), enlarged.sizeY()}).containsExactly(40, 30);
    }

    @Test
    void squarifyMakesARoundedSquareOfTheLongerSide() {
        FaceBox square = FaceGeometry.squarify(box(100.2, 200, 140.6, 230));
        // centre (120.4, 215), half side 20.2
        assertThat(new double[] {square.startX(), square.startY(), square.endX(), square.endY()})
                .containsExactly(100, 195, 141, 235);
        assertThat(new double[] {square.sizeX(), square.sizeY()}).containsExactly(40, 30);
    }

    @Test
    void clampTruncatesToWholePixelsInsideTheImage() {
        Box clamped = FaceGeometry.clamp(box(-10.7, 5.9, 90.5, 120.2), 80, 100);
        assertThat(clamped).isEqualTo(new Box(0, 5, 80, 94));
        Box raw = FaceGeometry.raw(box(-10, 5, 90, 105), 80, 100);
        assertThat(raw).isEqualTo(new Box(-0.125, 0.05, 1.25, 1.0));
    }

    @Test
    void rawMeshPointsMapFromTheCropBackToTheImage() {
        FaceBox face = box(100, 200, 292, 392); // 192 pixels: crop scale 1
        double[][] raw = {{96, 96, 3.7}, {0, 0, -2.2}, {191, 10.5, 0}};
        double[][] mesh = FaceGeometry.transformRawCoords(raw, face, 0, FaceGeometry.IDENTITY, 192);
        assertThat(mesh[0]).containsExactly(196, 296, 3);
        assertThat(mesh[1]).containsExactly(100, 200, -2);
        assertThat(mesh[2]).containsExactly(291, 210, 0);
    }

    @Test
    void aCorrectedRotationIsUndoneForTheMesh() {
        FaceBox face = box(0, 0, 192, 192);
        double angle = 0.5;
        double[][] rotation = FaceGeometry.rotationMatrix(-angle, face.centerX(), face.centerY());
        // the crop centre stays where it is, whatever the angle
        double[][] centre = FaceGeometry.transformRawCoords(new double[][] {{96, 96, 0}}, face, angle, rotation, 192);
        assertThat(centre[0]).containsExactly(96, 96, 0);
        // a point right of the centre in the upright crop lies rotated by the angle in the image
        double[][] right = FaceGeometry.transformRawCoords(new double[][] {{146, 96, 0}}, face, angle, rotation, 192);
        assertThat(right[0][0]).isEqualTo(Math.floor(96 + 50 * Math.cos(angle)));
        assertThat(right[0][1]).isEqualTo(Math.floor(96 + 50 * Math.sin(angle)));
    }

    @Test
    void rotationMatricesInvert() {
        double[][] m = FaceGeometry.rotationMatrix(0.7, 30, -12);
        double[][] product = FaceGeometry.multiply(m, FaceGeometry.invert(m));
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(product[r][c]).isCloseTo(r == c ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void computeRotationIsZeroForAnUprightFaceAndNormalised() {
        // mouth below the nose: upright
        assertThat(FaceGeometry.computeRotation(new double[] {50, 80}, new double[] {50, 60})).isCloseTo(0, within(1e-12));
        // mouth to the right of the nose: a quarter turn
        assertThat(FaceGeometry.computeRotation(new double[] {70, 60}, new double[] {50, 60})).isCloseTo(-Math.PI / 2, within(1e-12));
        assertThat(FaceGeometry.normalizeRadians(3 * Math.PI / 2)).isCloseTo(-Math.PI / 2, within(1e-12));
    }

    @Test
    void theBoxAroundTheMeshKeepsThePreviousSize() {
        double[][] mesh = {{10, 20, 0}, {30, 60, 0}, {20, 40, 0}};
        FaceBox around = FaceGeometry.boxAroundMesh(mesh, box(0, 0, 100, 80));
        assertThat(new double[] {around.startX(), around.startY(), around.endX(), around.endY()})
                .containsExactly(-30, 0, 70, 80);
    }
}
