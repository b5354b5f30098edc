package ai.human.internal.body;

import ai.human.result.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MoveNet's output as Human 3.3.6 does: single-pose {@code [1, 1, 17, 3]} (y, x, score per keypoint) or
 * multi-pose {@code [1, n, 56]} (17 keypoints, then box y1, x1, y2, x2 and score). Positions are fractions of the
 * square padded input; pixel positions use the unpadded image size, as in Human, and are corrected by
 * {@link SquarePadding#rescale}.
 */
final class MoveNetOutput {
    private static final int KEYPOINTS = 17;
    private static final int MULTI_POSE_ROW = 56;

    private MoveNetOutput() {
    }

    /**
     * @param values        the output tensor's values
     * @param shape         its shape
     * @param minConfidence {@code body.minConfidence}
     * @param maxDetected   bodies to keep (multi-pose only, as in Human)
     * @param width         image width in pixels
     * @param height        image height in pixels
     */
    static List<RawBody> parse(float[] values, int[] shape, double minConfidence, int maxDetected, int width, int height) {
        if (shape.length == 4 && shape[2] == KEYPOINTS && shape[3] == 3) {
            return List.of(singlePose(values, minConfidence, width, height));
        }
        if (shape.length == 3 && shape[2] == MULTI_POSE_ROW) {
            return multiPose(values, shape[1], minConfidence, maxDetected, width, height);
        }
        throw new IllegalArgumentException("MoveNet output has shape " + java.util.Arrays.toString(shape)
                + "; expected [1, 1, 17, 3] (single-pose) or [1, n, 56] (multi-pose). Check body.modelPath.");
    }

    private static RawBody singlePose(float[] v, double minConfidence, int width, int height) {
        List<RawKeypoint> keypoints = keypoints(v, 0, minConfidence, width, height);
        double score = 0;
        for (RawKeypoint kp : keypoints) {
            score = kp.score > score ? kp.score : score;
        }
        RawBody body = new RawBody(0, score, keypoints, outline(keypoints, minConfidence));
        BodyPartFixes.apply(body.keypoints());
        return body;
    }

    private static List<RawBody> multiPose(float[] v, int rows, double minConfidence, int maxDetected, int width,
                                           int height) {
        List<RawBody> bodies = new ArrayList<>();
        for (int id = 0; id < rows; id++) {
            int row = id * MULTI_POSE_ROW;
            double boxScore = round2(v[row + 3 * KEYPOINTS + 4]);
            if (boxScore > minConfidence) {
                List<RawKeypoint> keypoints = keypoints(v, row, minConfidence, width, height);
                RawBody body = new RawBody(id, boxScore, keypoints, outline(keypoints, minConfidence));
                BodyPartFixes.apply(body.keypoints());
                bodies.add(body);
            }
        }
        bodies.sort(Comparator.comparingDouble(RawBody::score).reversed());
        return bodies.size() > maxDetected ? new ArrayList<>(bodies.subList(0, Math.max(0, maxDetected))) : bodies;
    }

    private static List<RawKeypoint> keypoints(float[] v, int offset, double minConfidence, int width, int height) {
        List<RawKeypoint> keypoints = new ArrayList<>();
        for (int i = 0; i < KEYPOINTS; i++) {
            double score = v[offset + 3 * i + 2];
            if (score > minConfidence) {
                double rawX = v[offset + 3 * i + 1];
                double rawY = v[offset + 3 * i];
                keypoints.add(new RawKeypoint(MoveNetParts.NAMES.get(i), round2(score),
                        Math.round(width * rawX), Math.round(height * rawY), rawX, rawY));
            }
        }
        return keypoints;
    }

    /** Segments between consecutive connected parts whose rounded scores are above {@code minConfidence}. */
    private static Map<String, List<List<Point>>> outline(List<RawKeypoint> keypoints, double minConfidence) {
        Map<String, List<List<Point>>> annotations = new LinkedHashMap<>();
        MoveNetParts.CONNECTED.forEach((name, parts) -> {
            List<List<Point>> segments = new ArrayList<>();
            for (int i = 0; i < parts.size() - 1; i++) {
                RawKeypoint from = find(keypoints, parts.get(i));
                RawKeypoint to = find(keypoints, parts.get(i + 1));
                if (from != null && to != null && from.score > minConfidence && to.score > minConfidence) {
                    segments.add(List.of(Point.of(from.x, from.y), Point.of(to.x, to.y)));
                }
            }
            annotations.put(name, segments);
        });
        return annotations;
    }

    private static RawKeypoint find(List<RawKeypoint> keypoints, String part) {
        for (RawKeypoint kp : keypoints) {
            if (kp.part.equals(part)) {
                return kp;
            }
        }
        return null;
    }

    /** Human's {@code Math.round(100 * x) / 100}. */
    static double round2(double x) {
        return Math.round(100 * x) / 100.0;
    }
}
