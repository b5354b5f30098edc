package ai.human.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.EmotionScore;
import ai.human.result.FaceResult;
import ai.human.result.FaceRotation;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import ai.human.result.ResultTensor;
import ai.human.testing.full.FullFidelity;
import ai.human.testing.full.FullGoldens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fidelity ratchet ({@link FidelityRatchet}, {@code golden/pipeline/ratchet.json}): its data is complete for this
 * project's backends, never looser than the spec, and a result that moves one field by three times its ratchet fails
 * on exactly that field, while Human's own results pass.
 */
class FidelityRatchetTest {
    /** The backends whose measurements the repository keeps. */
    static final List<String> BACKENDS = List.of("djl", "tensorflow");
    /** Every configuration the pipeline contracts run. */
    static final List<String> CONFIGS = List.of("crops/sample1-default", "crops/sample1-mesh-off", "crops/sample5-multi",
            "face-default", "face-multi", "full", "full-multi", "options/detector-only", "options/mask",
            "options/rotation", "options/square");
    private static final String BACKEND = "tensorflow";

    @Test
    void everyConfigurationOfEveryProjectBackendIsMeasured() {
        Map<String, Map<String, Map<String, Double>>> data = FidelityRatchet.load();
        assertThat(data.keySet()).containsAll(BACKENDS);
        assertThat(FaceCropGoldens.load().cases()).extracting(c -> "crops/" + c.name())
                .allMatch(CONFIGS::contains);
        for (String backend : BACKENDS) {
            assertThat(data.get(backend).keySet()).as(backend).containsExactlyInAnyOrderElementsOf(CONFIGS);
            Set<String> fields = new TreeSet<>();
            data.get(backend).values().forEach(c -> fields.addAll(c.keySet()));
            assertThat(fields).as("fields measured on %s", backend)
                    .containsExactlyInAnyOrderElementsOf(FidelityRatchet.FIELDS.keySet());
            assertThat(data.get(backend).get("full").keySet()).as("full on %s", backend)
                    .contains("body.keypoint.positionRaw", "hand.keypoint.px", "object.box.1-iou", "face.identical",
                            "face.mesh.mean.px", "face.embedding.1-cos");
        }
    }

    @Test
    void everyFaceIsIdenticalToHumansOnBothBackends() {
        Map<String, Integer> faces = Map.of("face-default", 6, "face-multi", 22, "full", 6, "full-multi", 22);
        for (String backend : BACKENDS) {
            faces.forEach((config, count) -> assertThat(FidelityRatchet.measured(backend, config).orElseThrow()
                    .get("face.identical")).as("identical faces, %s, %s", backend, config).isEqualTo(count.doubleValue()));
        }
    }

    @Test
    void aRatchetIsNeverLooserThanTheSpecNorTighterThanItsFloor() {
        for (Map<String, Map<String, Double>> configs : FidelityRatchet.load().values()) {
            for (Map<String, Double> measured : configs.values()) {
                measured.forEach((key, value) -> {
                    FidelityRatchet.Field field = FidelityRatchet.field(key);
                    double limit = field.limit(value);
                    if (field.kind() != FidelityRatchet.Kind.DIFFERENCE) {
                        assertThat(limit).as(key).isEqualTo(value);
                        return;
                    }
                    if (!Double.isNaN(field.spec())) {
                        assertThat(value).as("%s measured within its spec", key).isLessThanOrEqualTo(field.spec());
                        assertThat(limit).as("%s: the ratchet is never looser than the spec", key)
                                .isLessThanOrEqualTo(field.spec());
                    }
                    assertThat(limit).as(key).isLessThanOrEqualTo(Math.max(FidelityRatchet.MARGIN * value,
                            Math.max(field.noise(), field.floor())));
                    assertThat(limit).as(key).isGreaterThanOrEqualTo(Double.isNaN(field.spec()) ? field.floor()
                            : Math.min(field.floor(), field.spec()));
                });
            }
        }
    }

    @Test
    void thePipelineReadmeShowsTheCurrentRatchet() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(FaceGoldens.root().resolve("pipeline/README.md"));
        String fields = FidelityRatchet.markdownTable(FidelityRatchet.load());
        String identical = FidelityRatchet.identicalFacesTable(FidelityRatchet.load());
        assertThat(readme.contains(fields) && readme.contains(identical))
                .as("golden/pipeline/README.md shows the ratchet of %s as it is; after re-measuring, paste these tables "
                        + "into its section 'Fidelity ratchet':%n%n%s%n%s", FidelityRatchet.FILE, fields, identical)
                .isTrue();
    }

    @Test
    void theLimitIsTwiceTheMeasuredWorstOrTheNoiseOrTheFloorWithinTheSpec() {
        FidelityRatchet.Field hand = FidelityRatchet.field("hand.keypoint.px");
        assertThat(hand.limit(0)).isEqualTo(0.412); // Human's wasm-vs-cpu noise
        assertThat(hand.limit(0.5)).isEqualTo(1.0);
        assertThat(hand.limit(2.5)).isEqualTo(3.0); // the spec
        FidelityRatchet.Field age = FidelityRatchet.field("face.age");
        assertThat(age.limit(0)).isEqualTo(Math.ulp(128f));
        assertThat(FidelityRatchet.field("face.identical").within(5, 6)).isFalse();
        assertThat(FidelityRatchet.field("body.borderline").within(1, 0)).isFalse();
        assertThat(FidelityRatchet.roundUp(1.2341e-5)).isEqualTo(1.24e-5);
        assertThat(FidelityRatchet.roundUp(0)).isZero();
    }

    // ---- faces: Human's own results pass; each field moved by 3x its ratchet fails on that field

    static Stream<String> faceFields() {
        return FidelityRatchet.FIELDS.keySet().stream().filter(k -> k.startsWith("face."));
    }

    @Test
    void humansOwnFacesPassWithZeroDifferencesAndEveryFaceIdentical() {
        FaceGoldens golden = FaceGoldens.load("face-default");
        List<FaceFidelity.Measure> measures = measureFaces(golden, face -> face);
        FidelityRatchet.Worst worst = FaceFidelity.worst(measures);
        assertThat(measures).allSatisfy(m -> assertThat(m.failures()).isEmpty());
        assertThat(worst.values().get("face.identical")).isEqualTo(6);
        worst.values().forEach((key, value) -> {
            if (!key.equals("face.identical")) {
                assertThat(value).as(key).isZero();
            }
        });
        assertThat(check("face-default", worst)).isEmpty();
    }

    @Test
    void aFaceThatIsNoLongerIdenticalFailsTheCountOfIdenticalFaces() {
        FaceGoldens golden = FaceGoldens.load("face-default");
        FidelityRatchet.Worst worst = FaceFidelity.worst(measureFaces(golden,
                face -> face.age(OptionalDouble.of(face.age.getAsDouble() + 0.1))));
        assertThat(worst.values().get("face.identical")).isEqualTo(5);
        assertThat(check("face-default", worst)).anyMatch(f -> f.contains("face.identical"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faceFields")
    void aFaceFieldMovedByThreeTimesItsRatchetFails(String key) {
        if (key.equals("face.identical")) {
            return; // a count: aFaceThatIsNoLongerIdenticalFailsTheCountOfIdenticalFaces
        }
        FaceGoldens golden = FaceGoldens.load("face-default");
        double limit = limit("face-default", key);
        double d = 3 * limit;
        UnaryOperator<FaceBuilder> move = switch (key) {
            case "face.box.1-iou" -> f -> f.box(new Box(f.box.x(), f.box.y(), f.box.width() * (1 - d), f.box.height()));
            case "face.box.px" -> f -> f.box(new Box(f.box.x() + d, f.box.y(), f.box.width(), f.box.height()));
            case "face.boxRaw" -> f -> f.boxRaw(new Box(f.boxRaw.x() + d, f.boxRaw.y(), f.boxRaw.width(),
                    f.boxRaw.height()));
            case "face.mesh.mean.px" -> f -> f.mesh(f.mesh.stream().map(p -> Point.of(p.x() + d, p.y(), p.z())).toList());
            case "face.mesh.px" -> f -> f.mesh(moved(f.mesh, 0, d));
            case "face.meshRaw" -> f -> f.meshRaw(moved(f.meshRaw, 0, d));
            case "face.iris.px" -> f -> f.annotation("leftEyeIris", moved(f.annotations.get("leftEyeIris"), 0, d));
            case "face.distance" -> f -> f.distance(OptionalDouble.of(f.distance.getAsDouble() + d));
            case "face.age" -> f -> f.age(OptionalDouble.of(f.age.getAsDouble() + d));
            case "face.genderScore" -> f -> f.genderScore(OptionalDouble.of(f.genderScore.getAsDouble() + d));
            case "face.emotion.score" -> f -> f.emotion(0, f.emotion.get(0).score() + d);
            case "face.embedding.1-cos" -> f -> f.embedding(rotated(f.embedding, d));
            case "face.embedding.abs" -> f -> f.embeddingValue(0, d);
            case "face.rotation.angle" -> f -> f.rotation(f.rotation.roll() + d, f.rotation.matrix(), f.rotation.bearing(),
                    f.rotation.strength());
            case "face.rotation.matrix" -> f -> {
                double[] m = f.rotation.matrix();
                m[0] += d;
                return f.rotation(f.rotation.roll(), m, f.rotation.bearing(), f.rotation.strength());
            };
            case "face.gaze.bearing" -> f -> f.rotation(f.rotation.roll(), f.rotation.matrix(), f.rotation.bearing() + d,
                    f.rotation.strength());
            case "face.gaze.strength" -> f -> f.rotation(f.rotation.roll(), f.rotation.matrix(), f.rotation.bearing(),
                    f.rotation.strength() + d);
            case "face.score" -> f -> f.score(f.score + d);
            case "face.boxScore" -> f -> f.boxScore(f.boxScore + d);
            case "face.faceScore" -> f -> f.faceScore(f.faceScore + d);
            case "face.real" -> f -> f.real(OptionalDouble.of(f.real.getAsDouble() + d));
            case "face.live" -> f -> f.live(OptionalDouble.of(f.live.getAsDouble() + d));
            default -> throw new AssertionError("no perturbation for " + key);
        };
        FidelityRatchet.Worst worst = FaceFidelity.worst(measureFaces(golden, onFirstFace(move)));
        assertThat(worst.values().get(key)).as("%s measured after moving it by 3 x %s", key, limit)
                .isGreaterThan(2.5 * limit);
        assertThat(check("face-default", worst)).as("ratchet failures after moving %s by 3 x its ratchet %s", key, limit)
                .anyMatch(f -> f.contains(key + " "));
    }

    // ---- bodies, hands, objects

    static Stream<String> fullFields() {
        return FidelityRatchet.FIELDS.keySet().stream().filter(k -> k.startsWith("body.") || k.startsWith("hand.")
                || k.startsWith("object."));
    }

    @Test
    void humansOwnBodiesHandsAndObjectsPassWithZeroDifferences() {
        FullGoldens golden = FullGoldens.load("full");
        for (FullGoldens.Image image : golden.images()) {
            FullFidelity.Measure m = FullFidelity.compare(image.name(), new FullFidelity.Actual(image.body(), image.hand(),
                    image.object(), image.gesture()), image, 0.3, FullFidelity.Tolerances.DEFAULT, FullFidelity.ALL_GESTURES);
            assertThat(m.failures()).isEmpty();
            m.worst().forEach((key, value) -> assertThat(value).as("%s, %s", image.name(), key).isZero());
            assertThat(check("full", FullFidelity.worst(List.of(m)))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullFields")
    void aBodyHandOrObjectFieldMovedByThreeTimesItsRatchetFails(String key) {
        FullGoldens.Image image = FullGoldens.load("full").images().get(1); // sample2: a body, a hand, 5 objects
        double limit = limit("full", key);
        double d = 3 * limit;
        List<BodyResult> bodies = new ArrayList<>(image.body());
        List<HandResult> hands = new ArrayList<>(image.hand());
        List<ObjectResult> objects = new ArrayList<>(image.object());
        BodyResult b = bodies.get(0);
        HandResult h = hands.get(0);
        ObjectResult o = objects.get(0);
        List<BodyKeypoint> keypoints = new ArrayList<>(b.keypoints());
        BodyKeypoint k = keypoints.get(0);
        switch (key) {
            case "body.keypoint.positionRaw" -> keypoints.set(0, new BodyKeypoint(k.part(), k.position(),
                    Point.of(k.positionRaw().x() + d, k.positionRaw().y()), k.score()));
            case "body.keypoint.position.px" -> keypoints.set(0, new BodyKeypoint(k.part(),
                    Point.of(k.position().x() + d, k.position().y()), k.positionRaw(), k.score()));
            case "body.keypoint.score" -> keypoints.set(0, new BodyKeypoint(k.part(), k.position(), k.positionRaw(),
                    k.score() + d));
            case "body.borderline" -> keypoints.add(new BodyKeypoint("notAPart", Point.of(1, 1), Point.of(0.5, 0.9),
                    0.31));
            case "body.box.px" -> b = new BodyResult(b.id(), b.score(), shifted(b.box(), d), b.boxRaw(), keypoints,
                    b.annotations());
            case "body.boxRaw" -> b = new BodyResult(b.id(), b.score(), b.box(), shifted(b.boxRaw(), d), keypoints,
                    b.annotations());
            case "body.score" -> b = new BodyResult(b.id(), b.score() + d, b.box(), b.boxRaw(), keypoints,
                    b.annotations());
            case "hand.keypoint.px" -> h = new HandResult(h.id(), h.score(), h.boxScore(), h.fingerScore(), h.box(),
                    h.boxRaw(), moved(h.keypoints(), 0, d), h.label(), h.annotations(), h.landmarks());
            case "hand.box.1-iou" -> h = new HandResult(h.id(), h.score(), h.boxScore(), h.fingerScore(), narrowed(h.box(),
                    d), h.boxRaw(), h.keypoints(), h.label(), h.annotations(), h.landmarks());
            case "hand.box.px" -> h = new HandResult(h.id(), h.score(), h.boxScore(), h.fingerScore(), shifted(h.box(), d),
                    h.boxRaw(), h.keypoints(), h.label(), h.annotations(), h.landmarks());
            case "hand.boxRaw" -> h = new HandResult(h.id(), h.score(), h.boxScore(), h.fingerScore(), h.box(),
                    shifted(h.boxRaw(), d), h.keypoints(), h.label(), h.annotations(), h.landmarks());
            case "hand.score" -> h = new HandResult(h.id(), h.score() + d, h.boxScore(), h.fingerScore(), h.box(),
                    h.boxRaw(), h.keypoints(), h.label(), h.annotations(), h.landmarks());
            case "hand.boxScore" -> h = new HandResult(h.id(), h.score(), h.boxScore() + d, h.fingerScore(), h.box(),
                    h.boxRaw(), h.keypoints(), h.label(), h.annotations(), h.landmarks());
            case "hand.fingerScore" -> h = new HandResult(h.id(), h.score(), h.boxScore(), h.fingerScore() + d, h.box(),
                    h.boxRaw(), h.keypoints(), h.label(), h.annotations(), h.landmarks());
            case "object.box.1-iou" -> o = new ObjectResult(o.id(), o.score(), o.classId(), o.label(), o.box(),
                    narrowed(o.boxRaw(), d));
            case "object.box.px" -> o = new ObjectResult(o.id(), o.score(), o.classId(), o.label(), shifted(o.box(), d),
                    o.boxRaw());
            case "object.boxRaw" -> o = new ObjectResult(o.id(), o.score(), o.classId(), o.label(), o.box(),
                    shifted(o.boxRaw(), d));
            case "object.score" -> o = new ObjectResult(o.id(), o.score() + d, o.classId(), o.label(), o.box(), o.boxRaw());
            default -> throw new AssertionError("no perturbation for " + key);
        }
        if (key.startsWith("body.keypoint") || key.equals("body.borderline")) {
            b = new BodyResult(b.id(), b.score(), b.box(), b.boxRaw(), keypoints, b.annotations());
        }
        bodies.set(0, b);
        hands.set(0, h);
        objects.set(0, o);
        FullFidelity.Measure m = FullFidelity.compare(image.name(), new FullFidelity.Actual(bodies, hands, objects,
                image.gesture()), image, 0.3, FullFidelity.Tolerances.DEFAULT, FullFidelity.ALL_GESTURES);
        assertThat(check("full", FullFidelity.worst(List.of(m))))
                .as("ratchet failures after moving %s by 3 x its ratchet %s", key, limit)
                .anyMatch(f -> f.contains(key + " "));
    }

    // ---- face crops

    @Test
    void aCropMovedByThreeTimesItsRatchetFails() {
        FaceCropGoldens.Case golden = FaceCropGoldens.load().cases().get(0);
        FaceCropGoldens.Crop crop = golden.faces().get(0).crop();
        String config = "crops/" + golden.name();
        FidelityRatchet.Worst exact = new FidelityRatchet.Worst();
        assertThat(FaceCropContract.compare("exact", summary(crop, 0, 0), crop, exact)).isEmpty();
        assertThat(check(config, exact)).isEmpty();

        double values = 3 * limit(config, "crop.values");
        FidelityRatchet.Worst moved = new FidelityRatchet.Worst();
        FaceCropContract.compare("values moved", summary(crop, values, 0), crop, moved);
        assertThat(check(config, moved)).anyMatch(f -> f.contains("crop.values "));

        double mean = 3 * limit(config, "crop.mean");
        FidelityRatchet.Worst meanMoved = new FidelityRatchet.Worst();
        FaceCropContract.compare("mean moved", summary(crop, 0, mean), crop, meanMoved);
        assertThat(check(config, meanMoved)).anyMatch(f -> f.contains("crop.mean "));
    }

    private static FaceCropContract.CropSummary summary(FaceCropGoldens.Crop crop, double valueShift, double meanShift) {
        double[] subsample = crop.subsample().clone();
        subsample[1] += valueShift;
        double[] means = crop.meanPerChannel().clone();
        means[0] += meanShift;
        return new FaceCropContract.CropSummary(crop.min(), crop.max(), means, subsample);
    }

    // ---- helpers

    private static List<String> check(String config, FidelityRatchet.Worst worst) {
        return FidelityRatchet.check(BACKEND, config, worst.values(),
                FidelityRatchet.measured(BACKEND, config).orElseThrow());
    }

    private static double limit(String config, String key) {
        Map<String, Double> measured = FidelityRatchet.measured(BACKEND, config).orElseThrow();
        assertThat(measured).as("%s has a measured %s", config, key).containsKey(key);
        return FidelityRatchet.field(key).limit(measured.get(key));
    }

    private static List<FaceFidelity.Measure> measureFaces(FaceGoldens golden, UnaryOperator<FaceBuilder> change) {
        List<FaceFidelity.Measure> measures = new ArrayList<>();
        boolean first = true;
        for (FaceGoldens.Image image : golden.images()) {
            List<FaceResult> faces = new ArrayList<>();
            for (FaceGoldens.Face face : image.faces()) {
                FaceBuilder b = new FaceBuilder(face);
                faces.add((first ? change.apply(b) : b).build());
                first = false;
            }
            measures.add(FaceFidelity.compare(image.name(), faces, image.faces(), FaceFidelity.Tolerances.DEFAULT));
        }
        return measures;
    }

    /** {@code move} applies to the first face of the first image only ({@link #measureFaces} calls it there). */
    private static UnaryOperator<FaceBuilder> onFirstFace(UnaryOperator<FaceBuilder> move) {
        return move;
    }

    private static List<Point> moved(List<Point> points, int index, double dx) {
        List<Point> out = new ArrayList<>(points);
        Point p = out.get(index);
        out.set(index, new Point(p.x() + dx, p.y(), p.z()));
        return out;
    }

    private static Box shifted(Box box, double dx) {
        return new Box(box.x() + dx, box.y(), box.width(), box.height());
    }

    /** Narrower by the fraction {@code f}: IoU {@code 1 - f} with the original. */
    private static Box narrowed(Box box, double f) {
        return new Box(box.x(), box.y(), box.width() * (1 - f), box.height());
    }

    /** A copy of {@code v} with one small value grown so that {@code 1 - cos} with {@code v} is {@code target}. */
    static float[] rotated(float[] v, double target) {
        int k = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) < Math.abs(v[k])) {
                k = i;
            }
        }
        double lo = 0;
        double hi = 1;
        float[] out = v.clone();
        for (int step = 0; step < 200; step++) {
            double mid = (lo + hi) / 2;
            out[k] = (float) (v[k] + mid);
            if (1 - FaceFidelity.cosine(out, v) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        out[k] = (float) (v[k] + hi);
        return out;
    }

    /** A {@link FaceResult} made from a golden face, with setters for the perturbations. */
    static final class FaceBuilder {
        final FaceGoldens.Face golden;
        Box box;
        Box boxRaw;
        List<Point> mesh;
        List<Point> meshRaw;
        Map<String, List<Point>> annotations = new LinkedHashMap<>();
        OptionalDouble age;
        OptionalDouble genderScore;
        List<EmotionScore> emotion = new ArrayList<>();
        float[] embedding;
        OptionalDouble distance;
        OptionalDouble real;
        OptionalDouble live;
        FaceRotation rotation;
        double score;
        double boxScore;
        double faceScore;

        FaceBuilder(FaceGoldens.Face f) {
            golden = f;
            box = new Box(f.box()[0], f.box()[1], f.box()[2], f.box()[3]);
            boxRaw = new Box(f.boxRaw()[0], f.boxRaw()[1], f.boxRaw()[2], f.boxRaw()[3]);
            mesh = points(f.mesh());
            meshRaw = points(f.meshRaw());
            annotations.put("leftEyeIris", points(f.irisLeft()));
            annotations.put("rightEyeIris", points(f.irisRight()));
            age = f.age();
            genderScore = f.genderScore();
            for (int i = 0; i < f.emotions().size(); i++) {
                emotion.add(new EmotionScore(f.emotionScores().get(i), f.emotions().get(i)));
            }
            embedding = f.embedding().clone();
            distance = f.distance();
            real = f.real();
            live = f.live();
            rotation = new FaceRotation(f.roll(), f.yaw(), f.pitch(), f.rotationMatrix(), f.gazeBearing(),
                    f.gazeStrength());
            score = f.score();
            boxScore = f.boxScore();
            faceScore = f.faceScore();
        }

        private static List<Point> points(double[][] points) {
            List<Point> out = new ArrayList<>();
            for (double[] p : points) {
                out.add(p.length > 2 ? Point.of(p[0], p[1], p[2]) : Point.of(p[0], p[1]));
            }
            return out;
        }

        FaceBuilder box(Box b) {
            box = b;
            return this;
        }

        FaceBuilder boxRaw(Box b) {
            boxRaw = b;
            return this;
        }

        FaceBuilder mesh(List<Point> m) {
            mesh = m;
            return this;
        }

        FaceBuilder meshRaw(List<Point> m) {
            meshRaw = m;
            return this;
        }

        FaceBuilder annotation(String name, List<Point> points) {
            annotations.put(name, points);
            return this;
        }

        FaceBuilder age(OptionalDouble a) {
            age = a;
            return this;
        }

        FaceBuilder genderScore(OptionalDouble s) {
            genderScore = s;
            return this;
        }

        FaceBuilder emotion(int index, double newScore) {
            emotion.set(index, new EmotionScore(newScore, emotion.get(index).emotion()));
            return this;
        }

        FaceBuilder embedding(float[] e) {
            embedding = e;
            return this;
        }

        FaceBuilder embeddingValue(int index, double delta) {
            embedding[index] = (float) (embedding[index] + delta);
            return this;
        }

        FaceBuilder distance(OptionalDouble d) {
            distance = d;
            return this;
        }

        FaceBuilder real(OptionalDouble r) {
            real = r;
            return this;
        }

        FaceBuilder live(OptionalDouble l) {
            live = l;
            return this;
        }

        FaceBuilder rotation(double roll, double[] matrix, double bearing, double strength) {
            rotation = new FaceRotation(roll, rotation.yaw(), rotation.pitch(), matrix, bearing, strength);
            return this;
        }

        FaceBuilder score(double s) {
            score = s;
            return this;
        }

        FaceBuilder boxScore(double s) {
            boxScore = s;
            return this;
        }

        FaceBuilder faceScore(double s) {
            faceScore = s;
            return this;
        }

        FaceResult build() {
            return new FaceResult(0, score, boxScore, faceScore, box, boxRaw, new int[] {0, 0}, mesh, meshRaw, annotations,
                    age, Optional.ofNullable(golden.gender()), genderScore, emotion, embedding, distance, real, live,
                    Optional.of(rotation), ResultTensor.absent());
        }
    }
}
