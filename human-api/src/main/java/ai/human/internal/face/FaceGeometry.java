package ai.human.internal.face;

import ai.human.result.Box;

/**
 * The box and coordinate arithmetic of Human's {@code facemeshutil.ts}, in double precision as JavaScript computes
 * it. Each method names the Human function it reproduces.
 */
final class FaceGeometry {
    static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    /** Rotations up to this many radians are not corrected (Human's "large angle" limit). */
    static final double SMALL_ANGLE = 0.2;

    private FaceGeometry() {
    }

    /** {@code enlargeBox}: same centre, both sides times {@code factor}; {@code size} becomes the old side lengths. */
    static FaceBox enlarge(FaceBox box, double factor) {
        double cx = box.centerX();
        double cy = box.centerY();
        double w = box.width();
        double h = box.height();
        double halfW = factor * w / 2;
        double halfH = factor * h / 2;
        return new FaceBox(cx - halfW, cy - halfH, cx + halfW, cy + halfH, box.landmarks(), box.confidence(), w, h);
    }

    /** {@code squarifyBox}: a square of the longer side around the centre, corners rounded; size = rounded sides. */
    static FaceBox squarify(FaceBox box) {
        double cx = box.centerX();
        double cy = box.centerY();
        double w = box.width();
        double h = box.height();
        double half = Math.max(w, h) / 2;
        return new FaceBox(Math.round(cx - half), Math.round(cy - half), Math.round(cx + half), Math.round(cy + half),
                box.landmarks(), box.confidence(), Math.round(w), Math.round(h));
    }

    /** {@code clampBox}: whole-pixel {@code [x, y, width, height]} inside the image. */
    static Box clamp(FaceBox box, int imageWidth, int imageHeight) {
        double x = Math.max(0, box.startX());
        double y = Math.max(0, box.startY());
        return new Box(trunc(x), trunc(y), trunc(Math.min(imageWidth, box.endX()) - x), trunc(Math.min(imageHeight, box.endY()) - y));
    }

    /** {@code getRawBox}: {@code [x, y, width, height]} as fractions of the image. */
    static Box raw(FaceBox box, int imageWidth, int imageHeight) {
        return new Box(box.startX() / imageWidth, box.startY() / imageHeight, (box.endX() - box.startX()) / imageWidth,
                (box.endY() - box.startY()) / imageHeight);
    }

    /** {@code computeRotation}: the angle that turns the line from {@code a} to {@code b} upright. */
    static double computeRotation(double[] a, double[] b) {
        return normalizeRadians(Math.PI / 2 - Math.atan2(-(b[1] - a[1]), b[0] - a[0]));
    }

    /** {@code normalizeRadians}: into [-pi, pi). */
    static double normalizeRadians(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }

    /** {@code buildRotationMatrix}: rotation by {@code angle} around {@code (cx, cy)}, homogeneous 3x3. */
    static double[][] rotationMatrix(double angle, double cx, double cy) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[][] rotation = {{cos, -sin, 0}, {sin, cos, 0}, {0, 0, 1}};
        double[][] translation = {{1, 0, cx}, {0, 1, cy}, {0, 0, 1}};
        double[][] back = {{1, 0, -cx}, {0, 1, -cy}, {0, 0, 1}};
        return multiply(multiply(translation, rotation), back);
    }

    /** {@code invertTransformMatrix} of a rotation-plus-translation matrix. */
    static double[][] invert(double[][] m) {
        double[] r0 = {m[0][0], m[1][0]};
        double[] r1 = {m[0][1], m[1][1]};
        double[] t = {m[0][2], m[1][2]};
        return new double[][] {{r0[0], r0[1], -dot(r0, t)}, {r1[0], r1[1], -dot(r1, t)}, {0, 0, 1}};
    }

    /** {@code multiplyTransformMatrices}. */
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[row][k] * b[k][col];
                }
                out[row][col] = sum;
            }
        }
        return out;
    }

    /** {@code dot}, accumulated left to right as Human does. */
    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * {@code transformRawCoords}: mesh points from the {@code inputSize} crop of {@code box} back to image pixels,
     * undoing a corrected rotation, truncated to whole pixels as Human does.
     */
    static double[][] transformRawCoords(double[][] raw, FaceBox box, double angle, double[][] rotation, int inputSize) {
        double scaleX = box.width() / inputSize;
        double scaleY = box.height() / inputSize;
        boolean large = angle != 0 && Math.abs(angle) > SMALL_ANGLE;
        double[][] coordsRotation = large ? rotationMatrix(angle, 0, 0) : IDENTITY;
        double[][] inverse = large ? invert(rotation) : IDENTITY;
        double[] center = {box.centerX(), box.centerY(), 1};
        double offsetX = dot(center, inverse[0]);
        double offsetY = dot(center, inverse[1]);
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            double[] scaled = {scaleX * (raw[i][0] - inputSize / 2.0), scaleY * (raw[i][1] - inputSize / 2.0), raw[i][2]};
            double x = scaled[0];
            double y = scaled[1];
            if (large) {
                x = dot(scaled, coordsRotation[0]);
                y = dot(scaled, coordsRotation[1]);
            }
            out[i] = new double[] {trunc(x + offsetX), trunc(y + offsetY), trunc(raw[i][2])};
        }
        return out;
    }

    /** {@code calculateFaceBox}: a box of {@code previous}'s size centred on the mesh's extent. */
    static FaceBox boxAroundMesh(double[][] mesh, FaceBox previous) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : mesh) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double cx = minX + (maxX - minX) / 2;
        double cy = minY + (maxY - minY) / 2;
        double halfW = previous.width() / 2;
        double halfH = previous.height() / 2;
        return previous.withCorners(cx - halfW, cy - halfH, cx + halfW, cy + halfH);
    }

    /** JavaScript's {@code Math.trunc}. */
    static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }
}
