package ai.human.internal.body;

import ai.human.result.Point;
import java.util.List;
import java.util.Map;

/**
 * A body as parsed from MoveNet's output, before the padding is undone.
 *
 * @param id          Human's id: 0 for single-pose, the detection's row for multi-pose
 * @param score       the body's score
 * @param keypoints   keypoints above {@code body.minConfidence}; after {@link BodyPartFixes} an entry may be null
 * @param annotations outline segments in the coordinates before the padding is undone (Human computes them first
 *                    and never updates them)
 */
record RawBody(int id, double score, List<RawKeypoint> keypoints, Map<String, List<List<Point>>> annotations) {
}
