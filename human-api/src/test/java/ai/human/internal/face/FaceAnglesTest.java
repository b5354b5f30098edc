package ai.human.internal.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.human.result.FaceRotation;
import ai.human.testing.FaceGoldens;
import org.junit.jupiter.api.Test;

class FaceAnglesTest {

    /** A face whose top, bottom, left and right points form an upright cross, turned by {@code roll} in the image. */
    private static double[][] cross(double roll) {
        double[][] raw = new double[468][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = new double[] {0.5, 0.5, 0};
        }
        double[][] offsets = {{0, -0.1}, {0, 0.1}, {-0.1, 0}, {0.1, 0}};
        int[] indices = {10, 152, 234, 454};
        for (int k = 0; k < 4; k++) {
            double x = offsets[k][0] * Math.cos(roll) - offsets[k][1] * Math.sin(roll);
            double y = offsets[k][0] * Math.sin(roll) + offsets[k][1] * Math.cos(roll);
            raw[indices[k]] = new double[] {0.5 + x, 0.5 + y, 0};
        }
        return raw;
    }

    @Test
    void anUprightFrontalFaceHasNoRotation() {
        FaceRotation r = FaceAngles.calculate(new double[0][], cross(0), new double[] {0.4, 0.4, 0.2, 0.2}, 100, 100);
        assertThat(new double[] {r.roll(), r.yaw(), r.pitch()}).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        assertThat(r.matrix()).containsExactly(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, within(1e-12));
    }

    @Test
    void aTiltInTheImageIsRoll() {
        FaceRotation r = FaceAngles.calculate(new double[0][], cross(0.3), new double[] {0.4, 0.4, 0.2, 0.2}, 100, 100);
        assertThat(r.roll()).isCloseTo(0.3, within(1e-9));
        assertThat(r.yaw()).isCloseTo(0, within(1e-9));
        assertThat(r.pitch()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aSparseMeshHasNoAngles() {
        FaceRotation r = FaceAngles.calculate(new double[0][], new double[6][3], new double[] {0, 0, 1, 1}, 10, 10);
        assertThat(r.matrix()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void anglesGazeAndDistanceFromHumansMeshesEqualHumansExactly() {
        assumeTrue(FaceGoldens.available("face-multi"), "golden/pipeline/face-multi.json is not in this checkout");
        FaceGoldens golden = FaceGoldens.load("face-multi");
        int faces = 0;
        for (FaceGoldens.Image image : golden.images()) {
            for (FaceGoldens.Face face : image.faces()) {
                double[][] mesh = face.mesh();
                double[][] meshRaw = new double[mesh.length][];
                for (int i = 0; i < mesh.length; i++) {
                    meshRaw[i] = new double[] {mesh[i][0] / image.width(), mesh[i][1] / image.height(), mesh[i][2] / 192};
                }
                FaceRotation r = FaceAngles.calculate(mesh, meshRaw, face.boxRaw(), image.width(), image.height());
                assertThat(r.roll()).isEqualTo(face.roll());
                assertThat(r.yaw()).isEqualTo(face.yaw());
                assertThat(r.pitch()).isEqualTo(face.pitch());
                assertThat(r.matrix()).containsExactly(face.rotationMatrix());
                assertThat(r.bearing()).isEqualTo(face.gazeBearing());
                assertThat(r.strength()).isEqualTo(face.gazeStrength());
                double[][] left = java.util.Arrays.copyOfRange(mesh, 468, 473);
                double[][] right = java.util.Arrays.copyOfRange(mesh, 473, 478);
                assertThat(CameraDistance.metres(left, right, image.width())).isEqualTo(face.distance().orElseThrow());
                faces++;
            }
        }
        assertThat(faces).isEqualTo(22);
    }
}
