package ai.human.internal.hand;

import ai.human.backend.Backend;
import ai.human.config.HandConfig;
import ai.human.model.Model;
import ai.human.result.Box;
import ai.human.result.FingerPose;
import ai.human.result.HandResult;
import ai.human.result.Point;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Hands as Human 3.3.6 finds them with {@code handtrack} + {@code handlandmark} ({@code hand/handtrack.ts}): the
 * detector's boxes ({@link HandTrackDetector}), then per box the landmark model ({@link HandLandmarkModel}) when
 * {@code hand.landmarks} is on and the box scores above {@code hand.minConfidence}; a hand whose finger score is
 * at least {@code hand.minConfidence} gets its 21 keypoints, FingerPose landmarks and per-finger annotations, and its
 * box becomes the keypoints' bounding box. A hand whose landmarks fail keeps no keypoints and, as in Human, an
 * infinite box. {@code hand.rotation} has no effect with this detector, as in Human.
 *
 * <p>Between frames, per instance (Human keeps it per process): when the caller says the frame is unchanged
 * ({@code skipAllowed}), the last hands are returned within {@code hand.skipFrames}/{@code hand.skipTime}; beyond
 * that, up to three times those limits, the landmark model runs again on boxes made from the last keypoints (a
 * square grown by 1.6, kept only with {@code cacheSensitivity > 0}) without the detector. Thread-safe: calls on one
 * instance run one at a time, since each may use what the previous one left.
 *
 * <pre>{@code
 * HandTrackPipeline hands = new HandTrackPipeline(detectorModel, landmarkModel, clock::millis);
 * List<HandResult> found = hands.detect(backend, image, config.hand(), 2, false, config.cacheSensitivity());
 * }</pre>
 */
public final class HandTrackPipeline {
    private static final double CACHE_BOX_EXPAND = 1.6;
    private static final double MIN_CACHE_BOX_FRACTION = 0.05;
    private static final Map<String, int[]> FINGER_MAP = fingerMap();

    private final HandTrackDetector detector;
    private final HandLandmarkModel landmarks;
    private final DoubleSupplier clockMillis;

    private List<HandDetection> cachedBoxes = List.of();
    private List<HandResult> cachedHands = List.of();
    private double lastMillis;
    private long skipped = Long.MAX_VALUE;

    /**
     * @param detectorModel the {@code hand.detector} model (handtrack); the caller keeps owning it
     * @param landmarkModel the {@code hand.skeleton} model (handlandmark); the caller keeps owning it
     * @param clockMillis   milliseconds from any origin, for {@code hand.skipTime}
     */
    public HandTrackPipeline(Model detectorModel, Model landmarkModel, DoubleSupplier clockMillis) {
        this.detector = new HandTrackDetector(Objects.requireNonNull(detectorModel, "detectorModel"));
        this.landmarks = new HandLandmarkModel(Objects.requireNonNull(landmarkModel, "landmarkModel"));
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /**
     * Human's number of hands to look for: {@code hand.maxDetected}, or when it is -1 two per detected face (one when
     * face detection is off).
     */
    public static int maxDetected(int configured, boolean faceEnabled, int faces) {
        return configured == -1 ? (faceEnabled ? 2 * faces : 1) : configured;
    }

    /**
     * Finds hands in {@code image}.
     *
     * @param backend          the backend {@code image} lives on
     * @param image            UINT8 or FLOAT32 {@code [1, height, width, 3]}, values 0..255; not consumed
     * @param config           the {@code hand} section
     * @param maxDetected      hands to keep, already resolved with {@link #maxDetected}
     * @param skipAllowed      the frame is unchanged, so cached hands or boxes may be used
     * @param cacheSensitivity Human's top-level {@code cacheSensitivity}: 0 keeps no boxes for the next frame
     */
    public synchronized List<HandResult> detect(Backend backend, Tensor image, HandConfig config, int maxDetected,
                                                boolean skipAllowed, double cacheSensitivity) {
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        skipped = skipped == Long.MAX_VALUE ? skipped : skipped + 1;
        double elapsed = clockMillis.getAsDouble() - lastMillis;
        if (skipAllowed && config.skipTime() > elapsed && skipped < config.skipFrames()) {
            return cachedHands;
        }
        boolean extendedTime = 3.0 * config.skipTime() > elapsed;
        boolean extendedFrames = skipped < 3L * config.skipFrames();
        List<HandDetection> boxes;
        if (skipAllowed && cachedHands.size() == maxDetected) {
            boxes = cachedBoxes;
        } else if (skipAllowed && extendedTime && extendedFrames && !cachedHands.isEmpty()) {
            boxes = cachedBoxes;
        } else {
            boxes = detector.detect(backend, image, config, maxDetected);
            lastMillis = clockMillis.getAsDouble();
            skipped = 0;
        }
        List<Hand> hands = new ArrayList<>();
        for (HandDetection box : boxes) {
            hands.add(fingers(backend, image, box, config));
        }
        List<HandDetection> nextBoxes = new ArrayList<>();
        if (cacheSensitivity > 0) {
            for (int i = 0; i < hands.size(); i++) {
                Hand hand = hands.get(i);
                Box[] square = HandBoxes.square(hand.keypoints, width, height);
                if (square[0].width() / width > MIN_CACHE_BOX_FRACTION && square[0].height() / height > MIN_CACHE_BOX_FRACTION
                        && hand.fingerScore != 0 && hand.fingerScore > config.minConfidence()) {
                    nextBoxes.add(boxes.get(i).withBoxes(HandBoxes.scale(square[0], CACHE_BOX_EXPAND),
                            HandBoxes.scale(square[1], CACHE_BOX_EXPAND)));
                }
            }
        }
        cachedBoxes = List.copyOf(nextBoxes);
        List<HandResult> results = new ArrayList<>();
        for (Hand hand : hands) {
            Box[] bbox = HandBoxes.calc(hand.keypoints, width, height);
            results.add(new HandResult(hand.detection.id(), hand.score, hand.score, hand.fingerScore, bbox[0], bbox[1],
                    hand.keypoints, hand.detection.label(), hand.annotations, hand.landmarks));
        }
        cachedHands = List.copyOf(results);
        return cachedHands;
    }

    /** A hand after the landmark model. */
    private record Hand(HandDetection detection, double score, double fingerScore, List<Point> keypoints,
                        Map<String, FingerPose> landmarks, Map<String, List<Point>> annotations) {
    }

    private Hand fingers(Backend backend, Tensor image, HandDetection box, HandConfig config) {
        double score = Math.round(100 * box.score()) / 100.0;
        if (config.landmarks() && box.score() > config.minConfidence()) {
            HandLandmarkModel.Landmarks found = landmarks.run(backend, image, box.boxRaw());
            if (found.score() >= config.minConfidence()) {
                List<Point> keypoints = found.keypoints();
                Map<String, List<Point>> annotations = new LinkedHashMap<>();
                FINGER_MAP.forEach((finger, indices) -> {
                    List<Point> points = new ArrayList<>();
                    for (int index : indices) {
                        points.add(keypoints.get(index));
                    }
                    annotations.put(finger, points);
                });
                return new Hand(box, score, found.score(), keypoints, FingerPoseEstimator.analyze(keypoints), annotations);
            }
        }
        return new Hand(box, score, 0, List.of(), Map.of(), Map.of());
    }

    private static Map<String, int[]> fingerMap() {
        Map<String, int[]> map = new LinkedHashMap<>();
        map.put("thumb", new int[] {1, 2, 3, 4});
        map.put("index", new int[] {5, 6, 7, 8});
        map.put("middle", new int[] {9, 10, 11, 12});
        map.put("ring", new int[] {13, 14, 15, 16});
        map.put("pinky", new int[] {17, 18, 19, 20});
        map.put("base", new int[] {0});
        map.put("palm", new int[] {0, 17, 13, 9, 5, 1, 0});
        return map;
    }
}
