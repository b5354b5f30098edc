package ai.human.testing;

import ai.human.result.Box;
import ai.human.result.EmotionScore;
import ai.human.result.FaceResult;
import ai.human.result.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

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
                          int identicalFaces, List<String> failures) {
        public Measure {
            failures = List.copyOf(failures);
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
                continue;
            }
            used[best] = true;
            FaceResult got = actual.get(best);
            minIou = Math.min(minIou, bestIou);
            check(failures, bestIou >= t.minIou(), who + ": box IoU " + fmt(bestIou) + " (" + got.box() + " vs " + wantBox + ")");
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
        return new Measure(image, expected.size(), actual.size(), minIou, maxMesh, maxAge, maxGenderScore, genderMismatches,
                emotionMismatches, minCosine, maxReal, maxLive, maxAngle, maxEmbedding, identical, failures);
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
