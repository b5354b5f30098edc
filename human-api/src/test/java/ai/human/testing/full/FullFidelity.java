package ai.human.testing.full;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import ai.human.testing.FidelityRatchet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares body, hand, object and gesture results with Human 3.3.6's ({@link FullGoldens}) and tabulates the worst
 * differences per image.
 *
 * <pre>{@code
 * FullFidelity.Measure m = FullFidelity.compare("sample2.jpg", actual, golden.images().get(1), 0.3,
 *         FullFidelity.Tolerances.DEFAULT, FullFidelity.ALL_GESTURES);
 * System.out.println(FullFidelity.table("tensorflow vs Human 3.3.6", List.of(m)));
 * assertThat(m.failures()).isEmpty();
 * }</pre>
 */
public final class FullFidelity {
    /** Gesture sources compared when the face results are there too. */
    public static final Set<String> ALL_GESTURES = Set.of("face", "iris", "body", "hand");

    private FullFidelity() {
    }

    /**
     * How close results must be.
     *
     * @param bodyPositionRaw largest difference of a body keypoint's {@code positionRaw} coordinate
     * @param bodyScore       largest difference of a body keypoint's score; a keypoint found on one side only is
     *                        accepted when its score is within this of {@code body.minConfidence}
     * @param handIou         smallest IoU of matched hand boxes
     * @param handKeypointPx  largest distance in pixels (x, y) between matched hand keypoints
     * @param objectIou       smallest IoU of matched object boxes
     * @param objectScore     largest difference of matched object scores
     */
    public record Tolerances(double bodyPositionRaw, double bodyScore, double handIou, double handKeypointPx,
                             double objectIou, double objectScore) {
        /** The limits of issue 7. */
        public static final Tolerances DEFAULT = new Tolerances(0.01, 0.05, 0.9, 3, 0.9, 0.02);
    }

    /** This library's results for one image. */
    public record Actual(List<BodyResult> body, List<HandResult> hand, List<ObjectResult> object, List<Gesture> gesture) {
    }

    /**
     * Worst values of one image and what failed.
     *
     * @param image            file name
     * @param bodies           bodies found / expected
     * @param bodyPositionRaw  largest keypoint {@code positionRaw} difference
     * @param bodyScore        largest keypoint score difference
     * @param borderline       keypoints found on one side only, with a score at {@code body.minConfidence}
     * @param hands            hands found / expected
     * @param handIou          smallest box IoU of matched hands (1 when none)
     * @param handKeypointPx   largest keypoint distance of matched hands
     * @param objects          objects found / expected
     * @param objectIou        smallest box IoU of matched objects (1 when none)
     * @param objectScore      largest score difference of matched objects
     * @param gestures         gestures found / expected (of the compared sources)
     * @param failures         what is out of tolerance, one line each
     * @param worst            the worst value of every field the ratchet holds ({@link FidelityRatchet#FIELDS})
     */
    public record Measure(String image, String bodies, double bodyPositionRaw, double bodyScore, int borderline, String hands,
                          double handIou, double handKeypointPx, String objects, double objectIou, double objectScore,
                          String gestures, List<String> failures, Map<String, Double> worst) {
        public Measure {
            failures = List.copyOf(failures);
            worst = Collections.unmodifiableMap(new LinkedHashMap<>(worst));
        }
    }

    /** The worst values of {@code measures} (the images of one configuration) merged. */
    public static FidelityRatchet.Worst worst(List<Measure> measures) {
        FidelityRatchet.Worst all = new FidelityRatchet.Worst();
        measures.forEach(m -> all.addAll(m.worst()));
        return all;
    }

    public static Measure compare(String image, Actual actual, FullGoldens.Image expected, double bodyMinConfidence,
                                  Tolerances tol, Set<String> gestureSources) {
        List<String> failures = new ArrayList<>();
        FidelityRatchet.Worst worst = new FidelityRatchet.Worst();
        double[] body = compareBodies(image, actual.body(), expected.body(), bodyMinConfidence, tol, failures, worst);
        double[] hand = compareHands(image, actual.hand(), expected.hand(), tol, failures, worst);
        double[] object = compareObjects(image, actual.object(), expected.object(), tol, failures, worst);
        Set<String> got = gestureSet(actual.gesture(), gestureSources);
        Set<String> want = gestureSet(expected.gesture(), gestureSources);
        if (!got.equals(want)) {
            Set<String> missing = new LinkedHashSet<>(want);
            missing.removeAll(got);
            Set<String> extra = new LinkedHashSet<>(got);
            extra.removeAll(want);
            failures.add(image + ": gestures differ: missing " + missing + ", extra " + extra);
        }
        return new Measure(image, actual.body().size() + "/" + expected.body().size(), body[0], body[1], (int) body[2],
                actual.hand().size() + "/" + expected.hand().size(), hand[0], hand[1],
                actual.object().size() + "/" + expected.object().size(), object[0], object[1],
                got.size() + "/" + want.size(), failures, worst.values());
    }

    private static Set<String> gestureSet(List<Gesture> gestures, Set<String> sources) {
        Set<String> out = new LinkedHashSet<>();
        for (Gesture g : gestures) {
            if (sources.contains(g.source())) {
                out.add(g.source() + " " + g.index() + ": " + g.gesture());
            }
        }
        return out;
    }

    /** {max positionRaw difference, max score difference, borderline count}. */
    private static double[] compareBodies(String image, List<BodyResult> actual, List<BodyResult> expected,
                                          double minConfidence, Tolerances tol, List<String> failures,
                                          FidelityRatchet.Worst worst) {
        double maxRaw = 0;
        double maxScore = 0;
        int borderline = 0;
        if (actual.size() != expected.size()) {
            failures.add(image + ": " + actual.size() + " bodies, Human found " + expected.size());
        }
        worst.add("body.borderline", 0);
        for (int b = 0; b < Math.min(actual.size(), expected.size()); b++) {
            BodyResult gotBody = actual.get(b);
            BodyResult wantBody = expected.get(b);
            worst.max("body.box.px", boxMaxAbs(gotBody.box(), wantBody.box()));
            worst.max("body.boxRaw", boxMaxAbs(gotBody.boxRaw(), wantBody.boxRaw()));
            worst.max("body.score", Math.abs(gotBody.score() - wantBody.score()));
            Map<String, BodyKeypoint> got = byPart(actual.get(b));
            Map<String, BodyKeypoint> want = byPart(expected.get(b));
            Set<String> parts = new LinkedHashSet<>(want.keySet());
            parts.addAll(got.keySet());
            for (String part : parts) {
                BodyKeypoint g = got.get(part);
                BodyKeypoint w = want.get(part);
                if (g == null || w == null) {
                    BodyKeypoint only = g == null ? w : g;
                    if (only.score() <= minConfidence + tol.bodyScore()) {
                        borderline++;
                        worst.add("body.borderline", 1);
                    } else {
                        failures.add(String.format(Locale.ROOT, "%s: body %d keypoint %s (score %.2f) only %s", image, b,
                                part, only.score(), g == null ? "in Human's result" : "in ours"));
                    }
                    continue;
                }
                double raw = Math.max(Math.abs(g.positionRaw().x() - w.positionRaw().x()),
                        Math.abs(g.positionRaw().y() - w.positionRaw().y()));
                double score = Math.abs(g.score() - w.score());
                maxRaw = Math.max(maxRaw, raw);
                maxScore = Math.max(maxScore, score);
                worst.max("body.keypoint.positionRaw", raw);
                worst.max("body.keypoint.score", score);
                worst.max("body.keypoint.position.px", Math.max(Math.abs(g.position().x() - w.position().x()),
                        Math.abs(g.position().y() - w.position().y())));
                if (raw > tol.bodyPositionRaw() || score > tol.bodyScore()) {
                    failures.add(String.format(Locale.ROOT, "%s: body %d keypoint %s positionRaw off by %.4f, score by %.3f",
                            image, b, part, raw, score));
                }
            }
        }
        return new double[] {maxRaw, maxScore, borderline};
    }

    private static Map<String, BodyKeypoint> byPart(BodyResult body) {
        Map<String, BodyKeypoint> out = new LinkedHashMap<>();
        for (BodyKeypoint kp : body.keypoints()) {
            out.putIfAbsent(kp.part(), kp);
        }
        return out;
    }

    /** Largest coordinate difference of two boxes; a coordinate that is not finite on both sides counts as equal. */
    static double boxMaxAbs(Box a, Box b) {
        double[] x = {a.x(), a.y(), a.width(), a.height()};
        double[] y = {b.x(), b.y(), b.width(), b.height()};
        double max = 0;
        for (int i = 0; i < 4; i++) {
            if (Double.isFinite(x[i]) || Double.isFinite(y[i])) {
                double d = Math.abs(x[i] - y[i]);
                max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
            }
        }
        return max;
    }

    /** IoU where two boxes that are both not finite (hands without keypoints) count as equal. */
    static double iou(Box a, Box b) {
        boolean finiteA = Double.isFinite(a.x() + a.y() + a.width() + a.height());
        boolean finiteB = Double.isFinite(b.x() + b.y() + b.width() + b.height());
        if (!finiteA || !finiteB) {
            return finiteA == finiteB ? 1 : 0;
        }
        return a.iou(b);
    }

    /** {min IoU, max keypoint distance}. */
    private static double[] compareHands(String image, List<HandResult> actual, List<HandResult> expected, Tolerances tol,
                                         List<String> failures, FidelityRatchet.Worst worst) {
        double minIou = 1;
        double maxPx = 0;
        if (actual.size() != expected.size()) {
            failures.add(image + ": " + actual.size() + " hands, Human found " + expected.size());
        }
        List<HandResult> unmatched = new ArrayList<>(actual);
        for (HandResult w : expected) {
            HandResult g = null;
            double best = -1;
            for (HandResult candidate : unmatched) {
                double iou = iou(candidate.box(), w.box());
                if (iou > best) {
                    best = iou;
                    g = candidate;
                }
            }
            if (g == null) {
                continue;
            }
            unmatched.remove(g);
            minIou = Math.min(minIou, best);
            worst.max("hand.box.1-iou", 1 - best);
            worst.max("hand.box.px", boxMaxAbs(g.box(), w.box()));
            worst.max("hand.boxRaw", boxMaxAbs(g.boxRaw(), w.boxRaw()));
            worst.max("hand.score", Math.abs(g.score() - w.score()));
            worst.max("hand.boxScore", Math.abs(g.boxScore() - w.boxScore()));
            worst.max("hand.fingerScore", Math.abs(g.fingerScore() - w.fingerScore()));
            if (best < tol.handIou()) {
                failures.add(String.format(Locale.ROOT, "%s: hand %d box IoU %.3f", image, w.id(), best));
            }
            if (!g.label().equals(w.label())) {
                failures.add(image + ": hand " + w.id() + " is '" + g.label() + "', Human says '" + w.label() + "'");
            }
            if (g.keypoints().size() != w.keypoints().size()) {
                failures.add(image + ": hand " + w.id() + " has " + g.keypoints().size() + " keypoints, Human "
                        + w.keypoints().size());
                worst.max("hand.keypoint.px", Double.POSITIVE_INFINITY);
                continue;
            }
            for (int k = 0; k < w.keypoints().size(); k++) {
                Point a = g.keypoints().get(k);
                Point e = w.keypoints().get(k);
                double px = Math.hypot(a.x() - e.x(), a.y() - e.y());
                maxPx = Math.max(maxPx, px);
                worst.max("hand.keypoint.px", px);
                if (px > tol.handKeypointPx()) {
                    failures.add(String.format(Locale.ROOT, "%s: hand %d keypoint %d off by %.2f px", image, w.id(), k, px));
                }
            }
        }
        return new double[] {minIou, maxPx};
    }

    /** {min IoU, max score difference}. */
    private static double[] compareObjects(String image, List<ObjectResult> actual, List<ObjectResult> expected,
                                           Tolerances tol, List<String> failures, FidelityRatchet.Worst worst) {
        double minIou = 1;
        double maxScore = 0;
        if (actual.size() != expected.size()) {
            failures.add(image + ": " + actual.size() + " objects, Human found " + expected.size());
        }
        List<ObjectResult> unmatched = new ArrayList<>(actual);
        for (ObjectResult w : expected) {
            ObjectResult g = null;
            double best = -1;
            for (ObjectResult candidate : unmatched) {
                double iou = candidate.label().equals(w.label()) ? candidate.boxRaw().iou(w.boxRaw()) : -1;
                if (iou > best) {
                    best = iou;
                    g = candidate;
                }
            }
            if (g == null || best < 0) {
                failures.add(image + ": Human's " + w.label() + " (object " + w.id() + ") has no counterpart");
                worst.max("object.box.1-iou", 1);
                continue;
            }
            unmatched.remove(g);
            double score = Math.abs(g.score() - w.score());
            minIou = Math.min(minIou, best);
            maxScore = Math.max(maxScore, score);
            worst.max("object.box.1-iou", 1 - best);
            worst.max("object.box.px", boxMaxAbs(g.box(), w.box()));
            worst.max("object.boxRaw", boxMaxAbs(g.boxRaw(), w.boxRaw()));
            worst.max("object.score", score);
            if (best < tol.objectIou() || score > tol.objectScore()) {
                failures.add(String.format(Locale.ROOT, "%s: %s (object %d) box IoU %.3f, score off by %.3f", image,
                        w.label(), w.id(), best, score));
            }
        }
        return new double[] {minIou, maxScore};
    }

    /**
     * The worst values per image, one row each: largest body keypoint {@code positionRaw} and score differences, body
     * keypoints found on one side only at the confidence limit ({@code edge}), 1 - smallest hand and object box IoU,
     * largest hand keypoint distance in pixels, largest object score difference, and counts found/expected.
     */
    public static String table(String title, List<Measure> measures) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, "%-12s %6s %9s %9s %4s %5s %9s %9s %7s %9s %9s %8s%n", "image", "bodies",
                "kp.raw", "kp.score", "edge", "hands", "1-h.IoU", "h.kp.px", "objects", "1-o.IoU", "o.score", "gestures"));
        for (Measure m : measures) {
            out.append(String.format(Locale.ROOT, "%-12s %6s %9.2e %9.2e %4d %5s %9.2e %9.2e %7s %9.2e %9.2e %8s%n",
                    m.image(), m.bodies(), m.bodyPositionRaw(), m.bodyScore(), m.borderline(), m.hands(), 1 - m.handIou(),
                    m.handKeypointPx(), m.objects(), 1 - m.objectIou(), m.objectScore(), m.gestures()));
        }
        return out.toString();
    }
}
