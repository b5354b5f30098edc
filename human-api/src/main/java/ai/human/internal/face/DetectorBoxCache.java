package ai.human.internal.face;

import ai.human.internal.pipeline.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Human's face-box cache ({@code facemesh.ts cache}): on an unchanged frame, within {@code skipFrames} frames and
 * {@code skipTime} ms of the last detection, the boxes the mesh found in the previous frame are used instead of
 * running the detector. The cache holds only faces the mesh confirmed, so a frame without mesh results always runs
 * the detector next time.
 *
 * <p>Thread-safe. With caching on, {@code Human} runs detections one at a time, so frames use the cache in order.
 * With caching off ({@code cacheSensitivity: 0}) detections on several threads at once still store their boxes here;
 * each call nevertheless gets back the boxes its own detector run found, never those another call stored meanwhile.
 */
final class DetectorBoxCache {
    private List<FaceBox> boxes = List.of();
    private long skipped = Long.MAX_VALUE;
    private double timestamp;

    /** The cached boxes if Human would reuse them now, else fresh ones from {@code detect} (remembered). */
    List<FaceBox> boxes(boolean skipAllowed, int skipFrames, int skipTime, double nowMillis,
                        Supplier<List<FaceBox>> detect, Clock clock) {
        synchronized (this) {
            boolean timeSkip = skipTime > nowMillis - timestamp;
            boolean frameSkip = skipped < skipFrames;
            if (skipAllowed && timeSkip && frameSkip && !boxes.isEmpty()) {
                skipped++;
                return boxes;
            }
        }
        // the detector runs unlocked, and this call returns what it found: re-reading the field would hand it the
        // boxes of another photo if a parallel call stored its own in between
        List<FaceBox> detected = List.copyOf(detect.get());
        double detectedAt = clock.millis();
        synchronized (this) {
            boxes = detected;
            timestamp = detectedAt;
            skipped = 0;
        }
        return detected;
    }

    /** Replaces the cache with the boxes the mesh confirmed in this frame. */
    synchronized void replace(List<FaceBox> confirmed) {
        boxes = List.copyOf(confirmed);
    }
}
