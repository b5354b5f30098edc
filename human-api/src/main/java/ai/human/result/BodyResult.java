package ai.human.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One detected body (MoveNet).
 *
 * @param id          index in the result
 * @param score       overall confidence
 * @param box         pixels
 * @param boxRaw      fractions of the image size
 * @param keypoints   the 17 keypoints that passed {@code body.minConfidence}
 * @param annotations named polylines ({@code leftLeg}, {@code torso}, ...): lists of point lists
 */
public record BodyResult(int id, double score, Box box, Box boxRaw, List<BodyKeypoint> keypoints,
                         Map<String, List<List<Point>>> annotations) {
    /**
     * Makes immutable copies of the lists and maps.
     *
     * @param id index in the result
     * @param score overall confidence
     * @param box pixels
     * @param boxRaw fractions of the image size
     * @param keypoints the 17 keypoints that passed {@code body.minConfidence}
     * @param annotations named polylines ({@code leftLeg}, {@code torso}, ...): lists of point lists
     */
    public BodyResult {
        keypoints = List.copyOf(keypoints);
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }
}
