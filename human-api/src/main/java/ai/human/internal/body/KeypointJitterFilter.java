package ai.human.internal.body;

import ai.human.result.BodyKeypoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Human 3.3.6's keypoint jitter filter ({@code movenetfix.jitter}): the keypoint at list index {@code i} is replaced
 * by the one remembered at index {@code i} (name, score and position, from an earlier frame or body) when both
 * {@code positionRaw} coordinates moved less than 0.5%; otherwise it is remembered. Indices are list positions, not
 * parts, exactly as in Human.
 *
 * <p>Human keeps this memory in a module variable shared by every {@code Human} in the process and never clears
 * it; here each pipeline instance (one per {@code Human}) has its own, which is the same for the usual single
 * instance. Thread-safe.
 */
final class KeypointJitterFilter {
    static final double MAX_JITTER = 0.005;

    private final List<BodyKeypoint> remembered = new ArrayList<>();

    synchronized List<BodyKeypoint> apply(List<BodyKeypoint> keypoints) {
        List<BodyKeypoint> out = new ArrayList<>(keypoints);
        for (int i = 0; i < out.size(); i++) {
            BodyKeypoint previous = i < remembered.size() ? remembered.get(i) : null;
            BodyKeypoint current = out.get(i);
            if (previous != null
                    && Math.abs(current.positionRaw().x() - previous.positionRaw().x()) < MAX_JITTER
                    && Math.abs(current.positionRaw().y() - previous.positionRaw().y()) < MAX_JITTER) {
                out.set(i, previous);
            } else if (i < remembered.size()) {
                remembered.set(i, current);
            } else {
                remembered.add(current);
            }
        }
        return out;
    }
}
