package ai.human.internal.face;

import ai.human.backend.Backend;
import ai.human.model.Model;
import ai.human.tensor.Tensor;
import java.util.List;

/**
 * Human's iris refinement ({@code iris.ts augmentIris}): both eyes cut from the face crop around their corner points
 * (box enlarged by {@code face.iris.scale} and squared), flipped left-right as Human flips both, run through the iris
 * model together; the eye contours replace the mesh's where Human replaces them (all of them when the eyes are at a
 * similar depth, else only the upper and lower contour of the nearer eye) and ten iris points are appended: 478
 * points, left iris 468..472, right iris 473..477.
 */
final class IrisModel {
    private static final int POINTS = 76;
    private static final int IRIS_START = 71;
    private static final int UPPER_CENTER = 3;
    private static final int LOWER_CENTER = 4;
    /** Eyes whose depths differ less than this count as looking straight ahead. */
    private static final double STRAIGHT_DEPTH = 30;

    private final Model model;
    private final int inputSize;
    private final MeshAnnotations annotations = MeshAnnotations.get();
    private final int[] leftBounds;
    private final int[] rightBounds;

    IrisModel(Model model) {
        this.model = model;
        int size = ModelOutputs.inputSize(model, 0);
        this.inputSize = size <= 0 ? 64 : size;
        int[] left = annotations.group("leftEyeLower0");
        int[] right = annotations.group("rightEyeLower0");
        this.leftBounds = new int[] {left[0], left[left.length - 1]};
        this.rightBounds = new int[] {right[0], right[right.length - 1]};
    }

    /**
     * @param raw      the mesh's 468 raw points in crop pixels; the eye contours are replaced in place
     * @param faceCrop the {@code meshSize} face crop (0..1) they refer to
     * @return 478 points: {@code raw} followed by the left and the right iris
     */
    double[][] refine(Backend backend, double[][] raw, Tensor faceCrop, int meshSize, double scale) {
        FaceBox leftBox = eyeBox(raw, leftBounds, scale);
        FaceBox rightBox = eyeBox(raw, rightBounds, scale);
        float[][] boxes = {normalized(leftBox, meshSize), normalized(rightBox, meshSize)};
        Tensor crops = backend.cropAndResize(faceCrop, boxes, new int[] {0, 0}, inputSize, inputSize);
        Tensor flipped = backend.reverse(crops, new int[] {2});
        List<Tensor> outputs = model.run(flipped);
        float[] data = outputs.get(0).toFloats();

        double[][] leftEye = eyeCoords(data, 0, leftBox, true);
        double[][] rightEye = eyeCoords(data, POINTS * 3, rightBox, false);
        double depthDifference = raw[leftBounds[0]][2] - raw[rightBounds[0]][2];
        if (Math.abs(depthDifference) < STRAIGHT_DEPTH) {
            replace(raw, leftEye, "left", null);
            replace(raw, rightEye, "right", null);
        } else if (depthDifference < 1) {
            replace(raw, leftEye, "left", List.of("EyeUpper0", "EyeLower0"));
        } else {
            replace(raw, rightEye, "right", List.of("EyeUpper0", "EyeLower0"));
        }
        double[][] leftIris = adjustedIris(raw, leftEye, "left");
        double[][] rightIris = adjustedIris(raw, rightEye, "right");
        double[][] out = new double[raw.length + 10][];
        System.arraycopy(raw, 0, out, 0, raw.length);
        System.arraycopy(leftIris, 0, out, raw.length, 5);
        System.arraycopy(rightIris, 0, out, raw.length + 5, 5);
        return out;
    }

    /** {@code getEyeBox}: the two corner points' bounding box, enlarged and squared. */
    private static FaceBox eyeBox(double[][] raw, int[] corners, double scale) {
        double[] a = raw[corners[0]];
        double[] b = raw[corners[1]];
        FaceBox bounds = new FaceBox(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]),
                new double[0][], 0, 0, 0);
        return FaceGeometry.squarify(FaceGeometry.enlarge(bounds, scale));
    }

    private static float[] normalized(FaceBox box, int meshSize) {
        return new float[] {(float) (box.startY() / meshSize), (float) (box.startX() / meshSize),
                (float) (box.endY() / meshSize), (float) (box.endX() / meshSize)};
    }

    /** {@code getEyeCoords}: the 76 eye points in face-crop pixels (Human un-flips x only for the left eye). */
    private double[][] eyeCoords(float[] data, int offset, FaceBox box, boolean flip) {
        double[][] out = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) {
            double x = data[offset + i * 3];
            double y = data[offset + i * 3 + 1];
            double z = data[offset + i * 3 + 2];
            double fx = flip ? 1 - x / inputSize : x / inputSize;
            out[i] = new double[] {fx * box.width() + box.startX(), y / inputSize * box.height() + box.startY(), z};
        }
        return out;
    }

    /** {@code replaceIrisCoords}: eye contour points replace the mesh's; z is the mean of both. */
    private void replace(double[][] raw, double[][] eye, String side, List<String> onlyKeys) {
        for (MeshAnnotations.IrisMapping mapping : annotations.irisMappings()) {
            if (onlyKeys != null && !onlyKeys.contains(mapping.key())) {
                continue;
            }
            int[] meshIndices = annotations.group(side + mapping.key());
            int[] eyeIndices = mapping.indices();
            for (int j = 0; j < eyeIndices.length; j++) {
                double[] p = eye[eyeIndices[j]];
                int m = meshIndices[j];
                raw[m] = new double[] {p[0], p[1], (p[2] + raw[m][2]) / 2};
            }
        }
    }

    /** {@code getAdjustedIrisCoords}: iris points with z taken from the eyelid centres. */
    private double[][] adjustedIris(double[][] raw, double[][] eye, String side) {
        double upper = raw[annotations.group(side + "EyeUpper0")[UPPER_CENTER]][2];
        double lower = raw[annotations.group(side + "EyeLower0")[LOWER_CENTER]][2];
        double average = (upper + lower) / 2;
        double[][] out = new double[5][];
        for (int i = 0; i < 5; i++) {
            double[] p = eye[IRIS_START + i];
            double z = i == 2 ? upper : i == 4 ? lower : average;
            out[i] = new double[] {p[0], p[1], z};
        }
        return out;
    }
}
