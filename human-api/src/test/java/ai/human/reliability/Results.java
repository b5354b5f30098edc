package ai.human.reliability;

import ai.human.json.ResultJson;
import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Gesture;
import ai.human.result.Result;
import java.util.List;
import java.util.Map;

/**
 * Compares results by everything they hold except timings: two results are the same when their JSON without
 * {@code performance} is the same text (every number at full precision).
 *
 * <p>Body keypoints are an exception for results made concurrently or in another order: Human's keypoint jitter
 * filter (kept per instance) replaces a keypoint by the one remembered at the same list index when it moved less
 * than 0.5% of the image, so a keypoint may come out as another image's when two images have keypoints that close.
 * {@link #sameUpToBodyJitter} accepts exactly that difference.
 */
public final class Results {
    /** Human's {@code maxJitter}: 0.5% of the image, in normalised coordinates. */
    static final double MAX_JITTER = 0.005;

    private Results() {
    }

    /** The result as compact JSON without {@code performance}. */
    public static String canonical(Result result) {
        return ResultJson.compact().toJson(new Result(result.face(), result.body(), result.hand(), result.object(),
                result.gesture(), Map.of(), result.width(), result.height()));
    }

    /** Whether {@code actual} is {@code expected}, except for what the body jitter filter may change. */
    public static boolean sameUpToBodyJitter(Result actual, Result expected) {
        if (canonical(actual).equals(canonical(expected))) {
            return true;
        }
        if (!canonical(withoutBodyKeypoints(actual)).equals(canonical(withoutBodyKeypoints(expected)))) {
            return false;
        }
        for (int i = 0; i < actual.body().size(); i++) {
            if (!keypointsWithinJitter(actual.body().get(i).keypoints(), expected.body().get(i).keypoints())) {
                return false;
            }
        }
        return true;
    }

    private static boolean keypointsWithinJitter(List<BodyKeypoint> actual, List<BodyKeypoint> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int k = 0; k < actual.size(); k++) {
            BodyKeypoint a = actual.get(k);
            BodyKeypoint e = expected.get(k);
            // each is within MAX_JITTER of the image's own keypoint, so they are within twice that of each other
            if (Math.abs(a.positionRaw().x() - e.positionRaw().x()) >= 2 * MAX_JITTER
                    || Math.abs(a.positionRaw().y() - e.positionRaw().y()) >= 2 * MAX_JITTER) {
                return false;
            }
        }
        return true;
    }

    /** The result with body keypoints, the annotations made of them and the body gestures left out. */
    private static Result withoutBodyKeypoints(Result result) {
        List<BodyResult> bodies = result.body().stream()
                .map(b -> new BodyResult(b.id(), b.score(), b.box(), b.boxRaw(), List.of(), Map.of()))
                .toList();
        List<Gesture> gestures = result.gesture().stream().filter(g -> !g.source().equals("body")).toList();
        return new Result(result.face(), bodies, result.hand(), result.object(), gestures, Map.of(), result.width(),
                result.height());
    }
}
