package ai.human.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One detected hand (HandTrack detector + hand landmarks).
 *
 * @param id          index in the result
 * @param score       overall confidence
 * @param boxScore    detector confidence
 * @param fingerScore landmark model confidence
 * @param box         pixels
 * @param boxRaw      fractions of the image size
 * @param keypoints   21 landmarks in pixels (x, y, z)
 * @param label       detector class: {@code hand}, {@code fist}, {@code pinch}, {@code point}, {@code face},
 *                    {@code tip}, {@code pinchtip}
 * @param annotations keypoints per finger ({@code thumb}, {@code index}, ..., {@code palm})
 * @param landmarks   curl and direction per finger
 */
public record HandResult(int id, double score, double boxScore, double fingerScore, Box box, Box boxRaw,
                         List<Point> keypoints, String label, Map<String, List<Point>> annotations,
                         Map<String, FingerPose> landmarks) {
    /**
     * Makes immutable copies of the lists and maps.
     *
     * @param id index in the result
     * @param score overall confidence
     * @param boxScore detector confidence
     * @param fingerScore landmark model confidence
     * @param box pixels
     * @param boxRaw fractions of the image size
     * @param keypoints 21 landmarks in pixels (x, y, z)
     * @param label detector class: {@code hand}, {@code fist}, {@code pinch}, {@code point}, {@code face},
     *     {@code tip}, {@code pinchtip}
     * @param annotations keypoints per finger ({@code thumb}, {@code index}, ..., {@code palm})
     * @param landmarks curl and direction per finger
     */
    public HandResult {
        keypoints = List.copyOf(keypoints);
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        landmarks = Collections.unmodifiableMap(new LinkedHashMap<>(landmarks));
    }
}
