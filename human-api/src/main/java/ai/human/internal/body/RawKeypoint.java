package ai.human.internal.body;

import ai.human.result.BodyKeypoint;
import ai.human.result.Point;

/**
 * A body keypoint while Human's post-processing still moves it: {@code position} in pixels, {@code positionRaw} as
 * fractions. Mutable on purpose, like the objects Human's movenet.ts and movenetfix.ts work on.
 */
final class RawKeypoint {
    final String part;
    /** Confidence rounded to 2 decimals, as Human reports it. */
    final double score;
    double x;
    double y;
    double rawX;
    double rawY;

    RawKeypoint(String part, double score, double x, double y, double rawX, double rawY) {
        this.part = part;
        this.score = score;
        this.x = x;
        this.y = y;
        this.rawX = rawX;
        this.rawY = rawY;
    }

    BodyKeypoint toResult() {
        return new BodyKeypoint(part, Point.of(x, y), Point.of(rawX, rawY), score);
    }
}
