package ai.human.internal.pipeline;

/**
 * Human's input change detection ({@code image.skip}): whether a frame is close enough to the previous one that the
 * per-model caches may be used ({@code skipAllowed}). The mean squared difference per value, divided by 255, must
 * be at most {@code cacheSensitivity}; the first frame, a frame of another size, {@code cacheSensitivity} 0 or a
 * frame taller than 3840 or wider than 2160 pixels (Human's limits) is never a repeat.
 *
 * <p>Unlike Human, which keeps a copy of the previous input as a tensor, the previous frame stays on the JVM side,
 * so no tensor outlives a {@code detect} call. One instance per {@code Human}; thread-safe.
 */
public final class FrameChangeDetector {
    /** Human checks frames up to this height. */
    static final int MAX_HEIGHT = 3840;
    /** Human checks frames up to this width. */
    static final int MAX_WIDTH = 2160;

    private FramePixels last;

    /** Whether caching can apply to any frame of this size under {@code sensitivity}. */
    public static boolean applies(double sensitivity, int width, int height) {
        return sensitivity != 0 && height <= MAX_HEIGHT && width <= MAX_WIDTH;
    }

    /**
     * Compares {@code frame} with the previous one and remembers it.
     *
     * @return Human's {@code skipAllowed}: true when the frame counts as unchanged
     */
    public synchronized boolean unchanged(FramePixels frame, double sensitivity) {
        if (!applies(sensitivity, frame.width(), frame.height())) {
            return false;
        }
        FramePixels previous = last;
        last = frame;
        if (previous == null || previous.width() != frame.width() || previous.height() != frame.height()) {
            return false;
        }
        double relative = frame.squaredDifference(previous) / frame.height() / frame.width() / 255 / 3;
        return relative <= sensitivity;
    }

    /** Forgets the previous frame. */
    public synchronized void reset() {
        last = null;
    }
}
