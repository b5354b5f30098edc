package ai.human.testing;

import ai.human.result.Box;
import ai.human.result.EmotionScore;
import ai.human.result.FaceResult;
import ai.human.result.FaceRotation;
import ai.human.result.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Compares a backend's faces with Human 3.3.6's ({@link FaceGoldens}) and measures the worst difference of each
 * kind per image. Faces are paired by best box overlap, so a different order of two similar faces is not an error.
 *
 * <pre>{@code
 * FaceFidelity.Measure m = FaceFidelity.compare("sample1.jpg", result.face(), golden.image("sample1.jpg").faces(),
 *         FaceFidelity.Tolerances.DEFAULT);
 * assertThat(m.failures()).isEmpty();
 * System.out.println(FaceFidelity.table(List.of(m)));
 * }</pre>
 */
public final class FaceFidelity {

    /**
     * How close a face must be.
     *
     * @param minIou       box intersection over union, at least
     * @param maxMeshError mean distance of the mesh points in pixels, at most
     * @param maxAge       age difference in years
     * @param maxScore     {@code genderScore}, {@code real}, {@code live} difference
     * @param minCosine    embedding cosine similarity, at least
     * @param maxAngle     roll, yaw, pitch difference in radians
     */
    public record Tolerances(double minIou, double maxMeshError, double maxAge, double maxScore, double minCosine,
                             double maxAngle) {
        /** The limits of issue 6: IoU 0.95, mesh 1.5 px, age 1.0, scores 0.05, cosine 0.99, angles 0.05 rad. */
        public static final Tolerances DEFAULT = new Tolerances(0.95, 1.5, 1.0, 0.05, 0.99, 0.05);
    }

    /** Worst values over the faces of one image, and every tolerance violated. */
    public record Measure(String image, int expectedFaces, int actualFaces, double minIou, double maxMeshError,
                          double maxAge, double maxGenderScore, int genderMismatches, int emotionMismatches,
                          double minCosine, double maxReal, double maxLive, double maxAngle, double maxEmbedding,
                          int identicalFaces, List<String> failures, Map<String, Double> worst) {
        public Measure {
            failures = List.copyOf(failures);
            worst = Collections.unmodifiableMap(new LinkedHashMap<>(worst));
        }
    }

    private FaceFidelity() {
    }

    public static Measure compare(String image, List<FaceResult> actual, List<FaceGoldens.Face> expected, Tolerances t) {
        List<String> failures = new ArrayList<>();
        if (actual.size() != expected.size()) {
            failures.add(image + ": " + actual.size() + " faces, Human found " + expected.size());
        }
        double minIou = 1;
        double maxMesh = 0;
        double maxAge = 0;
        double maxGenderScore = 0;
        int genderMismatches = 0;
        int emotionMismatches = 0;
        double minCosine = 1;
        double maxReal = 0;
        double maxLive = 0;
        double maxAngle = 0;
        double maxEmbedding = 0;
        int identical = 0;
        FidelityRatchet.Worst worst = new FidelityRatchet.Worst();
        boolean[] used = new boolean[actual.size()];
        for (int e = 0; e < expected.size(); e++) {
            FaceGoldens.Face want = expected.get(e);
            Box wantBox = new Box(want.box()[0], want.box()[1], want.box()[2], want.box()[3]);
            int best = -1;
            double bestIou = -1;
            for (int a = 0; a < actual.size(); a++) {
                double iou = used[a] ? -1 : actual.get(a).box().iou(wantBox);
                if (iou > bestIou) {
                    bestIou = iou;
                    best = a;
                }
            }
            String who = image + " face " + e;
            if (best < 0) {
                minIou = 0;
                worst.max("face.box.1-iou", 1);
                continue;
            }
            used[best] = true;
            FaceResult got = actual.get(best);
            minIou = Math.min(minIou, bestIou);
            check(failures, bestIou >= t.minIou(), who + ": box IoU " + fmt(bestIou) + " (" + got.box() + " vs " + wantBox + ")");
            measureMore(worst, got, want, bestIou);
            double mesh = meshError(got.mesh(), want);
            maxMesh = Math.max(maxMesh, mesh);
            check(failures, mesh <= t.maxMeshError(), who + ": mesh mean error " + fmt(mesh) + " px");
            double age = difference(got.age(), want.age());
            maxAge = Math.max(maxAge, age);
            check(failures, age <= t.maxAge(), who + ": age " + got.age() + " vs " + want.age());
            if (!got.gender().orElse("").equals(want.gender() == null ? "" : want.gender())) {
                genderMismatches++;
                failures.add(who + ": gender " + got.gender() + " vs " + want.gender());
            }
            double genderScore = difference(got.genderScore(), want.genderScore());
            maxGenderScore = Math.max(maxGenderScore, genderScore);
            check(failures, genderScore <= t.maxScore(), who + ": genderScore " + got.genderScore() + " vs " + want.genderScore());
            String top = got.emotion().isEmpty() ? "" : got.emotion().get(0).emotion();
            String wantTop = want.emotions().isEmpty() ? "" : want.emotions().get(0);
            if (!top.equals(wantTop)) {
                emotionMismatches++;
                failures.add(who + ": top emotion " + describe(got.emotion()) + " vs " + want.emotions() + " " + want.emotionScores());
            }
            float[] gotEmbedding = sampled(got.embedding(), want);
            maxEmbedding = Math.max(maxEmbedding, maxDifference(gotEmbedding, want.embedding()));
            if (identical(got, want)) {
                identical++;
            }
            double cosine = got.embedding().length == want.embeddingLength() ? cosine(gotEmbedding, want.embedding()) : 0;
            minCosine = Math.min(minCosine, cosine);
            check(failures, cosine >= t.minCosine(), who + ": embedding cosine " + fmt(cosine));
            double real = difference(got.real(), want.real());
            double live = difference(got.live(), want.live());
            maxReal = Math.max(maxReal, real);
            maxLive = Math.max(maxLive, live);
            check(failures, real <= t.maxScore(), who + ": real " + got.real() + " vs " + want.real());
            check(failures, live <= t.maxScore(), who + ": live " + got.live() + " vs " + want.live());
            if (want.hasRotation() && got.rotation().isPresent()) {
                double angle = Math.max(Math.abs(got.rotation().get().roll() - want.roll()),
                        Math.max(Math.abs(got.rotation().get().yaw() - want.yaw()), Math.abs(got.rotation().get().pitch() - want.pitch())));
                maxAngle = Math.max(maxAngle, angle);
                check(failures, angle <= t.maxAngle(), who + ": rotation differs by " + fmt(angle) + " rad");
            } else if (want.hasRotation() != got.rotation().isPresent()) {
                failures.add(who + ": rotation present " + got.rotation().isPresent() + ", Human " + want.hasRotation());
            }
        }
        worst.add("face.identical", identical);
        return new Measure(image, expected.size(), actual.size(), minIou, maxMesh, maxAge, maxGenderScore, genderMismatches,
                emotionMismatches, minCosine, maxReal, maxLive, maxAngle, maxEmbedding, identical, failures,
                worst.values());
    }

    /** The worst difference of every field the ratchet holds ({@link FidelityRatchet#FIELDS}), for one face pair. */
    private static void measureMore(FidelityRatchet.Worst worst, FaceResult got, FaceGoldens.Face want, double iou) {
        Box box = got.box();
        Box raw = got.boxRaw();
        worst.max("face.box.1-iou", 1 - iou);
        worst.max("face.box.px", maxAbs(new double[] {box.x(), box.y(), box.width(), box.height()}, want.box()));
        worst.max("face.boxRaw", maxAbs(new double[] {raw.x(), raw.y(), raw.width(), raw.height()}, want.boxRaw()));
        worst.max("face.mesh.mean.px", meshError(got.mesh(), want));
        worst.max("face.mesh.px", pointsMaxAbs(got.mesh(), want.mesh(), want::meshIndex, want.meshLength()));
        if (want.meshRaw() != null) {
            worst.max("face.meshRaw", pointsMaxAbs(got.meshRaw(), want.meshRaw(), want::meshIndex, want.meshLength()));
        }
        if (want.irisLeft() != null || want.irisRight() != null) {
            worst.max("face.iris.px", Math.max(
                    irisMaxAbs(got.annotations().get("leftEyeIris"), want.irisLeft()),
                    irisMaxAbs(got.annotations().get("rightEyeIris"), want.irisRight())));
        }
        worst.max("face.distance", difference(got.distance(), want.distance()));
        worst.max("face.age", difference(got.age(), want.age()));
        worst.max("face.genderScore", difference(got.genderScore(), want.genderScore()));
        worst.max("face.emotion.score", emotionDifference(got.emotion(), want));
        float[] gotEmbedding = sampled(got.embedding(), want);
        double cosine = got.embedding().length == want.embeddingLength() ? cosine(gotEmbedding, want.embedding()) : 0;
        worst.max("face.embedding.1-cos", Math.max(0, 1 - cosine));
        worst.max("face.embedding.abs", maxDifference(gotEmbedding, want.embedding()));
        worst.max("face.score", Math.abs(got.score() - want.score()));
        worst.max("face.boxScore", Math.abs(got.boxScore() - want.boxScore()));
        worst.max("face.faceScore", Math.abs(got.faceScore() - want.faceScore()));
        worst.max("face.real", difference(got.real(), want.real()));
        worst.max("face.live", difference(got.live(), want.live()));
        if (want.hasRotation() && got.rotation().isPresent()) {
            FaceRotation r = got.rotation().get();
            worst.max("face.rotation.angle", Math.max(Math.abs(r.roll() - want.roll()),
                    Math.max(Math.abs(r.yaw() - want.yaw()), Math.abs(r.pitch() - want.pitch()))));
            worst.max("face.rotation.matrix", want.rotationMatrix().length == 0 ? 0
                    : maxAbs(r.matrix(), want.rotationMatrix()));
            double bearing = Math.abs(r.bearing() - want.gazeBearing()) % (2 * Math.PI);
            worst.max("face.gaze.bearing", Math.min(bearing, 2 * Math.PI - bearing));
            worst.max("face.gaze.strength", Math.abs(r.strength() - want.gazeStrength()));
        } else if (want.hasRotation() != got.rotation().isPresent()) {
            worst.max("face.rotation.angle", Double.POSITIVE_INFINITY);
        }
    }

    /** Largest difference of an emotion's score; an emotion listed on one side only counts with its score. */
    static double emotionDifference(List<EmotionScore> got, FaceGoldens.Face want) {
        Map<String, Double> mine = new LinkedHashMap<>();
        got.forEach(e -> mine.put(e.emotion(), e.score()));
        Map<String, Double> theirs = new LinkedHashMap<>();
        for (int i = 0; i < want.emotions().size(); i++) {
            theirs.put(want.emotions().get(i), want.emotionScores().get(i));
        }
        Set<String> names = new LinkedHashSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        double max = 0;
        for (String name : names) {
            max = Math.max(max, Math.abs(mine.getOrDefault(name, 0.0) - theirs.getOrDefault(name, 0.0)));
        }
        return max;
    }

    /** Largest coordinate difference (x, y, and z where both have it) of stored points; infinite on other counts. */
    private static double pointsMaxAbs(List<Point> actual, double[][] expected, IntUnaryOperator index, int length) {
        if (actual.size() != length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, pointMaxAbs(actual.get(index.applyAsInt(i)), expected[i]));
        }
        return max;
    }

    private static double irisMaxAbs(List<Point> actual, double[][] expected) {
        if (expected == null || actual == null) {
            return expected == null && actual == null ? 0 : Double.POSITIVE_INFINITY;
        }
        return pointsMaxAbs(actual, expected, i -> i, expected.length);
    }

    private static double pointMaxAbs(Point p, double[] e) {
        double d = Math.max(Math.abs(p.x() - e[0]), Math.abs(p.y() - e[1]));
        if (p.hasZ() && e.length > 2) {
            d = Math.max(d, Math.abs(p.z() - e[2]));
        }
        return d;
    }

    private static double maxAbs(double[] a, double[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** The worst values of {@code measures} (several images of one configuration) merged. */
    public static FidelityRatchet.Worst worst(List<Measure> measures) {
        FidelityRatchet.Worst all = new FidelityRatchet.Worst();
        measures.forEach(m -> all.addAll(m.worst()));
        return all;
    }

    /** A fixed-width table of the measures, one row per image. */
    public static String table(String title, List<Measure> measures) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, "%-12s %6s %7s %8s %5s %6s %7s %5s %9s %9s %5s %5s %8s %9s%n", "image",
                "faces", "minIoU", "mesh px", "age", "gScore", "gender!=", "emot!=", "1-cosine", "embed |Δ|", "real", "live",
                "angle", "identical"));
        for (Measure m : measures) {
            out.append(String.format(Locale.ROOT, "%-12s %3d/%-2d %7.4f %8.3f %5.2f %6.3f %7d %5d %9.2e %9.2e %5.2f %5.2f %8.2e %6d/%-2d%n",
                    m.image(), m.actualFaces(), m.expectedFaces(), m.minIou(), m.maxMeshError(), m.maxAge(),
                    m.maxGenderScore(), m.genderMismatches(), m.emotionMismatches(), 1 - m.minCosine(), m.maxEmbedding(),
                    m.maxReal(), m.maxLive(), m.maxAngle(), m.identicalFaces(), m.expectedFaces()));
        }
        return out.toString();
    }

    /** Mean 2-D distance (pixels) between a face's mesh points and the golden's (those it kept). */
    public static double meshError(List<Point> actual, FaceGoldens.Face expected) {
        if (actual.size() != expected.meshLength()) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < expected.mesh().length; i++) {
            Point p = actual.get(expected.meshIndex(i));
            sum += Math.hypot(p.x() - expected.mesh()[i][0], p.y() - expected.mesh()[i][1]);
        }
        return expected.mesh().length == 0 ? 0 : sum / expected.mesh().length;
    }

    private static float[] sampled(float[] embedding, FaceGoldens.Face expected) {
        if (expected.embeddingIndices() == null || embedding.length != expected.embeddingLength()) {
            return embedding;
        }
        float[] out = new float[expected.embeddingIndices().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = embedding[expected.embeddingIndex(i)];
        }
        return out;
    }

    /** Mean 2-D distance between corresponding points (pixels). */
    public static double meshError(List<Point> actual, double[][] expected) {
        int n = Math.min(actual.size(), expected.length);
        if (n == 0 || actual.size() != expected.length) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.hypot(actual.get(i).x() - expected[i][0], actual.get(i).y() - expected[i][1]);
        }
        return sum / n;
    }

    /**
     * Whether everything Human rounds or truncates is equal: box, score, box and face score, every mesh point, age,
     * gender and its score, all emotions with their scores, real, live and distance.
     */
    public static boolean identical(FaceResult got, FaceGoldens.Face want) {
        Box box = got.box();
        boolean boxes = box.x() == want.box()[0] && box.y() == want.box()[1] && box.width() == want.box()[2]
                && box.height() == want.box()[3];
        boolean mesh = got.mesh().size() == want.meshLength();
        for (int i = 0; mesh && i < want.mesh().length; i++) {
            Point p = got.mesh().get(want.meshIndex(i));
            mesh = p.x() == want.mesh()[i][0] && p.y() == want.mesh()[i][1] && (!p.hasZ() || p.z() == want.mesh()[i][2]);
        }
        List<String> emotions = got.emotion().stream().map(EmotionScore::emotion).toList();
        List<Double> scores = got.emotion().stream().map(EmotionScore::score).toList();
        return boxes && mesh && got.score() == want.score() && got.boxScore() == want.boxScore()
                && got.faceScore() == want.faceScore() && got.age().equals(want.age())
                && got.gender().orElse("").equals(want.gender() == null ? "" : want.gender())
                && got.genderScore().equals(want.genderScore()) && emotions.equals(want.emotions())
                && scores.equals(want.emotionScores()) && got.real().equals(want.real()) && got.live().equals(want.live())
                && got.distance().equals(want.distance());
    }

    /** Largest element-wise absolute difference; infinite when the lengths differ. */
    public static double maxDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }

    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            return a.length == b.length ? 1 : 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double difference(OptionalDouble a, OptionalDouble b) {
        if (a.isPresent() != b.isPresent()) {
            return Double.POSITIVE_INFINITY;
        }
        return a.isPresent() ? Math.abs(a.getAsDouble() - b.getAsDouble()) : 0;
    }

    private static void check(List<String> failures, boolean ok, String message) {
        if (!ok) {
            failures.add(message);
        }
    }

    private static String describe(List<EmotionScore> emotions) {
        return emotions.stream().map(e -> e.emotion() + " " + e.score()).toList().toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
