package ai.human.internal.face;

import java.util.List;
import java.util.function.Supplier;

/**
 * Human's face-box cache ({@code facemesh.ts cache}): on an unchanged frame, within {@code skipFrames} frames and
 * {@code skipTime} ms of the last detection, the boxes the mesh found in the previous frame are used instead of
 * running the detector. The cache holds only faces the mesh confirmed, so a frame without mesh results always runs
 * the detector next time. Not thread-safe: {@code Human} serialises detection while caching is on.
 */
final class DetectorBoxCache {
    private List<FaceBox> boxes = List.of();
    private long skipped = Long.MAX_VALUE;
    private double timestamp;

    /** The cached boxes if Human would reuse them now, else fresh ones from {@code detect} (remembered). */
    List<FaceBox> boxes(boolean skipAllowed, int skipFrames, int skipTime, double nowMillis,
                        Supplier<List<FaceBox>> detect, ai.human.internal.pipeline.Clock clock) {
        boolean timeSkip = skipTime > nowMillis - timestamp;
        boolean frameSkip = skipped < skipFrames;
        if (!skipAllowed || !timeSkip || !frameSkip || boxes.isEmpty()) {
            boxes = List.copyOf(detect.get());
            timestamp = clock.millis();
            skipped = 0;
        } else {
            skipped++;
        }
        return boxes;
    }

    /** Replaces the cache with the boxes the mesh confirmed in this frame. */
    void replace(List<FaceBox> confirmed) {
        boxes = List.copyOf(confirmed);
    }
}
