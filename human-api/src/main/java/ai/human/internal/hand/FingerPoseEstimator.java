package ai.human.internal.hand;

import ai.human.result.FingerPose;
import ai.human.result.Point;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FingerPose as Human 3.3.6 computes it ({@code hand/fingerpose.ts}): per finger a curl from the angle at its middle
 * joint, and a direction voted from the spread of its joints and the slopes of its bones. Angles use
 * {@link StrictMath} (fdlibm, as JavaScript engines do) so that results on the limits match Human's.
 *
 * <pre>{@code
 * Map<String, FingerPose> pose = FingerPoseEstimator.analyze(hand.keypoints()); // {thumb=FingerPose[none, verticalUp], ...}
 * List<String> gestures = FingerPoseEstimator.gestures(hand.keypoints());    // [open palm]
 * }</pre>
 */
public final class FingerPoseEstimator {
    /** Finger names, in FingerPose's order. */
    public static final List<String> FINGERS = List.of("thumb", "index", "middle", "ring", "pinky");
    /** The lowest confidence at which a described gesture counts as recognised. */
    static final double MIN_GESTURE_CONFIDENCE = 0.7;

    private static final double DISTANCE_VOTE_POWER = 1.1;
    private static final double SINGLE_ANGLE_VOTE_POWER = 0.9;
    private static final double TOTAL_ANGLE_VOTE_POWER = 1.6;
    private static final int THUMB = 0;

    private FingerPoseEstimator() {
    }

    /** Curls and directions, indexed by finger. */
    record Estimate(FingerCurl[] curls, FingerDirection[] directions) {
    }

    /** Keypoint indices of finger {@code f}'s four bones: palm base to first joint, then joint to joint. */
    private static int[][] bones(int finger) {
        int first = 1 + 4 * finger;
        return new int[][] {{0, first}, {first, first + 1}, {first + 1, first + 2}, {first + 2, first + 3}};
    }

    /** Curl and direction per finger; empty when there are no keypoints. */
    public static Map<String, FingerPose> analyze(List<Point> keypoints) {
        if (keypoints == null || keypoints.isEmpty()) {
            return Map.of();
        }
        Estimate estimate = estimate(keypoints);
        Map<String, FingerPose> out = new LinkedHashMap<>();
        for (int f = 0; f < FINGERS.size(); f++) {
            out.put(FINGERS.get(f), new FingerPose(estimate.curls()[f].label(), estimate.directions()[f].label()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Names of the described gestures ({@link FingerGestures}) that match with confidence at least 0.7. */
    public static List<String> gestures(List<Point> keypoints) {
        if (keypoints == null || keypoints.isEmpty()) {
            return List.of();
        }
        Estimate estimate = estimate(keypoints);
        return FingerGestures.ALL.stream()
                .filter(g -> g.confidence(estimate.curls(), estimate.directions()) >= MIN_GESTURE_CONFIDENCE)
                .map(FingerGestures.Gesture::name)
                .toList();
    }

    static Estimate estimate(List<Point> landmarks) {
        double[][] slopesXY = new double[FINGERS.size()][];
        for (int f = 0; f < FINGERS.size(); f++) {
            int[][] bones = bones(f);
            slopesXY[f] = new double[bones.length];
            for (int b = 0; b < bones.length; b++) {
                Point p1 = landmarks.get(bones[b][0]);
                Point p2 = landmarks.get(bones[b][1]);
                slopesXY[f][b] = slope(p1.x(), p1.y(), p2.x(), p2.y());
            }
        }
        FingerCurl[] curls = new FingerCurl[FINGERS.size()];
        FingerDirection[] directions = new FingerDirection[FINGERS.size()];
        for (int f = 0; f < FINGERS.size(); f++) {
            int at = f == THUMB ? 1 : 0;
            int[][] bones = bones(f);
            Point start = landmarks.get(bones[at][0]);
            Point mid = landmarks.get(bones[at + 1][1]);
            Point end = landmarks.get(bones[3][1]);
            curls[f] = curl(start, mid, end);
            double[] fingerSlopes = java.util.Arrays.copyOfRange(slopesXY[f], at, slopesXY[f].length);
            directions[f] = direction(start, mid, end, fingerSlopes);
        }
        return new Estimate(curls, directions);
    }

    /** The angle of the line through two points against the x axis, folded into 0..180 degrees. */
    static double slope(double x1, double y1, double x2, double y2) {
        double value = (y1 - y2) / (x1 - x2);
        double slope = StrictMath.atan(value) * 180 / Math.PI;
        if (slope <= 0) {
            slope = -slope;
        } else if (slope > 0) {
            slope = 180 - slope;
        }
        return slope;
    }

    private static double zOf(Point p) {
        return p.hasZ() ? p.z() : Double.NaN;
    }

    private static FingerCurl curl(Point start, Point mid, Point end) {
        double startMidX = start.x() - mid.x();
        double startEndX = start.x() - end.x();
        double midEndX = mid.x() - end.x();
        double startMidY = start.y() - mid.y();
        double startEndY = start.y() - end.y();
        double midEndY = mid.y() - end.y();
        double startMidZ = zOf(start) - zOf(mid);
        double startEndZ = zOf(start) - zOf(end);
        double midEndZ = zOf(mid) - zOf(end);
        double startMid = Math.sqrt(startMidX * startMidX + startMidY * startMidY + startMidZ * startMidZ);
        double startEnd = Math.sqrt(startEndX * startEndX + startEndY * startEndY + startEndZ * startEndZ);
        double midEnd = Math.sqrt(midEndX * midEndX + midEndY * midEndY + midEndZ * midEndZ);
        double cos = (midEnd * midEnd + startMid * startMid - startEnd * startEnd) / (2 * midEnd * startMid);
        if (cos > 1.0) {
            cos = 1.0;
        } else if (cos < -1.0) {
            cos = -1.0;
        }
        double angle = (57.2958 * StrictMath.acos(cos)) % 180;
        return FingerCurl.ofAngle(angle);
    }

    /** Votes: {vertical, diagonal, horizontal}, the whole weight going to the angle's orientation. */
    private static double[] orientationVotes(double angle, double weight) {
        if (angle >= 75.0 && angle <= 105.0) {
            return new double[] {weight, 0, 0};
        }
        if (angle >= 25.0 && angle <= 155.0) {
            return new double[] {0, weight, 0};
        }
        return new double[] {0, 0, weight};
    }

    private static FingerDirection horizontal(double startEndX, double startMidX, double midEndX, double maxX) {
        double d;
        if (maxX == Math.abs(startEndX)) {
            d = startEndX;
        } else if (maxX == Math.abs(startMidX)) {
            d = startMidX;
        } else {
            d = midEndX;
        }
        return d > 0 ? FingerDirection.HORIZONTAL_LEFT : FingerDirection.HORIZONTAL_RIGHT;
    }

    private static FingerDirection vertical(double startEndY, double startMidY, double midEndY, double maxY) {
        double d;
        if (maxY == Math.abs(startEndY)) {
            d = startEndY;
        } else if (maxY == Math.abs(startMidY)) {
            d = startMidY;
        } else {
            d = midEndY;
        }
        return d < 0 ? FingerDirection.VERTICAL_DOWN : FingerDirection.VERTICAL_UP;
    }

    private static FingerDirection direction(Point start, Point mid, Point end, double[] fingerSlopes) {
        double startMidX = start.x() - mid.x();
        double startEndX = start.x() - end.x();
        double midEndX = mid.x() - end.x();
        double startMidY = start.y() - mid.y();
        double startEndY = start.y() - end.y();
        double midEndY = mid.y() - end.y();
        double maxX = Math.max(Math.max(Math.abs(startMidX), Math.abs(startEndX)), Math.abs(midEndX));
        double maxY = Math.max(Math.max(Math.abs(startMidY), Math.abs(startEndY)), Math.abs(midEndY));
        double voteVertical = 0.0;
        double voteDiagonal = 0.0;
        double voteHorizontal = 0.0;
        double ratio = maxY / (maxX + 0.00001);
        if (ratio > 1.5) {
            voteVertical += DISTANCE_VOTE_POWER;
        } else if (ratio > 0.66) {
            voteDiagonal += DISTANCE_VOTE_POWER;
        } else {
            voteHorizontal += DISTANCE_VOTE_POWER;
        }
        double startMid = Math.sqrt(startMidX * startMidX + startMidY * startMidY);
        double startEnd = Math.sqrt(startEndX * startEndX + startEndY * startEndY);
        double midEnd = Math.sqrt(midEndX * midEndX + midEndY * midEndY);
        double maxDist = Math.max(Math.max(startMid, startEnd), midEnd);
        double fromX = start.x();
        double fromY = start.y();
        if (maxDist != startMid && maxDist == midEnd) {
            fromX = mid.x();
            fromY = mid.y();
        }
        double[] total = orientationVotes(slope(fromX, fromY, end.x(), end.y()), TOTAL_ANGLE_VOTE_POWER);
        voteVertical += total[0];
        voteDiagonal += total[1];
        voteHorizontal += total[2];
        for (double fingerSlope : fingerSlopes) {
            double[] votes = orientationVotes(fingerSlope, SINGLE_ANGLE_VOTE_POWER);
            voteVertical += votes[0];
            voteDiagonal += votes[1];
            voteHorizontal += votes[2];
        }
        // ties: vertical first, then horizontal, then diagonal
        if (voteVertical == Math.max(Math.max(voteVertical, voteDiagonal), voteHorizontal)) {
            return vertical(startEndY, startMidY, midEndY, maxY);
        }
        if (voteHorizontal == Math.max(voteDiagonal, voteHorizontal)) {
            return horizontal(startEndX, startMidX, midEndX, maxX);
        }
        boolean up = vertical(startEndY, startMidY, midEndY, maxY) == FingerDirection.VERTICAL_UP;
        boolean left = horizontal(startEndX, startMidX, midEndX, maxX) == FingerDirection.HORIZONTAL_LEFT;
        if (up) {
            return left ? FingerDirection.DIAGONAL_UP_LEFT : FingerDirection.DIAGONAL_UP_RIGHT;
        }
        return left ? FingerDirection.DIAGONAL_DOWN_LEFT : FingerDirection.DIAGONAL_DOWN_RIGHT;
    }
}
