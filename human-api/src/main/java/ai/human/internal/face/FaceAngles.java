package ai.human.internal.face;

import ai.human.result.FaceRotation;

/**
 * Human's head rotation and gaze ({@code angles.ts calculateFaceAngle}): axes from the mesh's top, bottom, left and
 * right points (in proportions independent of the image and box size), a rotation matrix from them, Euler angles
 * from the matrix, and with iris points the gaze from the iris centre's offset in the nearer eye.
 */
final class FaceAngles {
    private static final int TOP = 10;
    private static final int BOTTOM = 152;
    private static final int LEFT = 234;
    private static final int RIGHT = 454;

    private FaceAngles() {
    }

    /**
     * @param mesh    points in pixels (478 with iris)
     * @param meshRaw the same as fractions of the image
     * @param boxRaw  Human's {@code boxRaw} {@code [x, y, width, height]}
     */
    static FaceRotation calculate(double[][] mesh, double[][] meshRaw, double[] boxRaw, int imageWidth, int imageHeight) {
        if (meshRaw.length < 300) {
            return new FaceRotation(0, 0, 0, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 0, 0);
        }
        double size = Math.max(boxRaw[2] * imageWidth, boxRaw[3] * imageHeight) / 1.5;
        double[][] pts = new double[4][];
        int[] indices = {TOP, BOTTOM, LEFT, RIGHT};
        for (int i = 0; i < 4; i++) {
            double[] p = meshRaw[indices[i]];
            pts[i] = new double[] {p[0] * imageWidth / size, p[1] * imageHeight / size, p[2]};
        }
        double[] yAxis = normalize(subtract(pts[1], pts[0]));
        double[] xAxis = normalize(subtract(pts[3], pts[2]));
        double[] zAxis = normalize(cross(xAxis, yAxis));
        xAxis = cross(yAxis, zAxis);
        double[] matrix = {xAxis[0], xAxis[1], xAxis[2], yAxis[0], yAxis[1], yAxis[2], zAxis[0], zAxis[1], zAxis[2]};
        double[] angle = eulerAngles(matrix);
        double[] gaze = meshRaw.length == 478 ? gaze(mesh, boxRaw) : new double[] {0, 0};
        return new FaceRotation(angle[2], angle[1], angle[0], matrix, gaze[0], gaze[1]);
    }

    /** Human's {@code rotationMatrixToEulerAngle}: {@code {pitch, yaw, roll}}. */
    private static double[] eulerAngles(double[] r) {
        double r00 = r[0];
        double r10 = r[3];
        double r11 = r[4];
        double r12 = r[5];
        double r20 = r[6];
        double r21 = r[7];
        double r22 = r[8];
        double thetaX;
        double thetaY;
        double thetaZ;
        if (r10 < 1) {
            if (r10 > -1) {
                double cosThetaZ = Math.sqrt(r00 * r00 + r20 * r20);
                thetaZ = Math.atan2(r10, cosThetaZ);
                thetaY = Math.atan2(-r20, r00);
                thetaX = Math.atan2(-r12, r11);
            } else {
                thetaZ = -Math.PI / 2;
                thetaY = -Math.atan2(r21, r22);
                thetaX = 0;
            }
        } else {
            thetaZ = Math.PI / 2;
            thetaY = Math.atan2(r21, r22);
            thetaX = 0;
        }
        return new double[] {zeroIfNaN(-thetaX), zeroIfNaN(-thetaY), zeroIfNaN(-thetaZ)};
    }

    /** Human's {@code calculateGaze}: {@code {bearing, strength}}. */
    private static double[] gaze(double[][] mesh, double[] boxRaw) {
        double offsetY = -0.1; // the iris centre sits a little above the middle of the eye corners
        boolean left = mesh[33][2] > mesh[263][2];
        double[] iris = left ? mesh[473] : mesh[468];
        double[] eyeCenter = left
                ? new double[] {(mesh[133][0] + mesh[33][0]) / 2, (mesh[133][1] + mesh[33][1]) / 2}
                : new double[] {(mesh[263][0] + mesh[362][0]) / 2, (mesh[263][1] + mesh[362][1]) / 2};
        double[] eyeSize = left
                ? new double[] {mesh[133][0] - mesh[33][0], mesh[23][1] - mesh[27][1]}
                : new double[] {mesh[263][0] - mesh[362][0], mesh[253][1] - mesh[257][1]};
        double dx = (eyeCenter[0] - iris[0]) / eyeSize[0];
        double dy = (iris[1] - eyeCenter[1]) / eyeSize[1] - offsetY;
        double strength = Math.sqrt(dx * dx + dy * dy);
        strength = Math.min(strength, Math.min(boxRaw[2] / 2, boxRaw[3] / 2));
        double bearing = (Math.atan2(0 - dy, 0 - dx) + Math.PI / 2) % Math.PI;
        return new double[] {bearing, strength};
    }

    private static double[] subtract(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalize(double[] v) {
        double length = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / length, v[1] / length, v[2] / length};
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
