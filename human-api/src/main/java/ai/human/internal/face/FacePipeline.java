package ai.human.internal.face;

import ai.human.backend.Backend;
import ai.human.backend.spi.TensorTracker;
import ai.human.config.FaceConfig;
import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.internal.pipeline.ModelRegistry;
import ai.human.internal.pipeline.ModelRequest;
import ai.human.internal.pipeline.Performance;
import ai.human.internal.pipeline.SkipCache;
import ai.human.result.Box;
import ai.human.result.EmotionScore;
import ai.human.result.FaceResult;
import ai.human.result.FaceRotation;
import ai.human.result.Point;
import ai.human.result.ResultTensor;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Human 3.3.6's face pipeline over any {@link Backend}: BlazeFace boxes (or the previous frame's, when cached), per
 * face a crop, the mesh with iris refinement, the box recomputed from the mesh, then rotation and gaze, emotion,
 * anti-spoofing, liveness, description and camera distance. Image work and models run on the backend inside
 * {@link TensorScope}s; everything else is plain Java over values read once per model output.
 *
 * <p>Behaviour kept from Human on purpose: a face needs a score strictly above {@code face.detector.minConfidence},
 * and a {@code minConfidence} of 0 counts as 1 in that test and in the mesh check (so no face passes);
 * {@code gender} is {@code unknown} when the description model is off or unsure; the right eye's iris points are
 * mapped without undoing the left-right flip of its crop. One instance per {@code Human}: it holds the per-model
 * caches for video-like input.
 */
public final class FacePipeline {
    private static final String[] DETECTOR_LANDMARKS = {"leftEye", "rightEye", "nose", "mouth", "leftEar", "rightEar"};

    private final FaceConfig config;
    private final FaceModels models;
    private final Clock clock;
    private final MeshAnnotations annotations = MeshAnnotations.get();
    private final DetectorBoxCache boxCache = new DetectorBoxCache();
    private final SkipCache<List<EmotionScore>> emotionCache = new SkipCache<>();
    private final SkipCache<DescriptionModel.Description> descriptionCache = new SkipCache<>();
    private final SkipCache<Double> antispoofCache = new SkipCache<>();
    private final SkipCache<Double> livenessCache = new SkipCache<>();

    public FacePipeline(HumanConfig config, ModelRegistry registry, Clock clock) {
        this.config = config.face();
        this.models = FaceModels.from(registry);
        this.clock = clock;
    }

    /** The models this pipeline needs under {@code config}, as Human loads them. */
    public static List<ModelRequest> requests(HumanConfig config) {
        return FaceModels.requests(config);
    }

    /** A face after the mesh stage (Human's {@code facemesh.predict} output), holding its crop until described. */
    private static final class Candidate {
        Tensor crop;
        int cropSize;
        double score;
        double boxScore;
        double faceScore;
        Box box;
        Box boxRaw;
        int[] size;
        double[][] mesh;
        double[][] meshRaw;
        boolean fromMesh;
    }

    /**
     * Finds the faces in {@code image}.
     *
     * @param backend     the backend {@code image} lives on
     * @param image       FLOAT32 or UINT8 {@code [1, h, w, 3]}, 0..255
     * @param skipAllowed Human's {@code skipAllowed}: the frame is unchanged, cached results may be used
     * @param perf        receives Human's timing keys
     * @param taken       receives every tensor handed to a result, so a caller can release them if it fails later
     */
    public List<FaceResult> detect(Backend backend, Tensor image, boolean skipAllowed, Performance perf, List<Tensor> taken) {
        if (!config.enabled() || models.detector() == null) {
            return List.of();
        }
        double start = clock.millis();
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        List<Candidate> candidates = new ArrayList<>();
        List<FaceResult> faces = new ArrayList<>();
        try (TensorScope scope = backend.scope()) {
            List<FaceBox> boxes = boxCache.boxes(skipAllowed, config.detector().skipFrames(), config.detector().skipTime(),
                    clock.millis(), () -> models.detector().detect(backend, image, config.detector()), clock);
            List<FaceBox> confirmed = new ArrayList<>();
            for (FaceBox box : boxes) {
                Candidate candidate = meshStage(backend, image, box, width, height, confirmed);
                if (candidate != null) {
                    candidates.add(candidate);
                }
            }
            boxCache.replace(confirmed);
            for (int i = 0; i < candidates.size(); i++) {
                faces.add(describe(backend, scope, candidates.get(i), i, candidates.size(), skipAllowed, width, height, perf, taken));
            }
        }
        perf.add("face", start);
        return faces;
    }

    /** Crop, mesh and iris for one box; null when the face does not pass. */
    private Candidate meshStage(Backend backend, Tensor image, FaceBox box, int width, int height, List<FaceBox> confirmed) {
        double minConfidence = config.detector().minConfidence();
        double threshold = minConfidence == 0 ? 1 : minConfidence; // Human's `minConfidence || 1`
        boolean meshOn = config.mesh().enabled() && models.mesh() != null;
        int cropSize = meshOn ? models.mesh().inputSize() : models.detector().inputSize();
        Candidate face = new Candidate();
        face.cropSize = cropSize;
        face.boxScore = Math.round(100 * box.confidence()) / 100.0;
        try (TensorScope scope = backend.scope()) {
            FaceCrop crop = FaceCrop.of(backend, image, box, config.detector().rotation(), cropSize);
            if (!meshOn) {
                detectorOnly(face, box, width, height);
            } else {
                MeshModel.Output out = models.mesh().run(crop.tensor(), threshold);
                face.faceScore = out.faceScore();
                if (out.raw() == null) {
                    if (config.mesh().keepInvalid()) {
                        detectorOnly(face, box, width, height);
                    }
                } else {
                    double[][] raw = out.raw();
                    if (config.iris().enabled() && models.iris() != null) {
                        raw = models.iris().refine(backend, raw, crop.tensor(), cropSize, config.iris().scale());
                    }
                    face.mesh = FaceGeometry.transformRawCoords(raw, box, crop.angle(), crop.rotation(), cropSize);
                    face.meshRaw = new double[face.mesh.length][];
                    for (int i = 0; i < face.mesh.length; i++) {
                        double[] p = face.mesh[i];
                        face.meshRaw[i] = new double[] {p[0] / width, p[1] / height, p[2] / cropSize};
                    }
                    face.fromMesh = true;
                    face.score = face.faceScore;
                    FaceBox calculated = FaceGeometry.boxAroundMesh(face.mesh, box);
                    face.box = FaceGeometry.clamp(calculated, width, height);
                    face.boxRaw = FaceGeometry.raw(calculated, width, height);
                    face.size = new int[] {(int) calculated.sizeX(), (int) calculated.sizeY()};
                    confirmed.add(calculated);
                }
            }
            if (!(face.score > threshold)) {
                return null;
            }
            face.crop = scope.keep(crop.tensor());
        }
        return face;
    }

    private static void detectorOnly(Candidate face, FaceBox box, int width, int height) {
        face.box = FaceGeometry.clamp(box, width, height);
        face.boxRaw = FaceGeometry.raw(box, width, height);
        face.size = new int[] {(int) box.sizeX(), (int) box.sizeY()};
        face.score = face.boxScore;
        face.mesh = new double[box.landmarks().length][];
        face.meshRaw = new double[box.landmarks().length][];
        for (int i = 0; i < box.landmarks().length; i++) {
            double[] p = box.landmarks()[i];
            face.mesh[i] = new double[] {p[0], p[1]};
            face.meshRaw[i] = new double[] {p[0] / width, p[1] / height, 0};
        }
    }

    /** Human's {@code face.ts} for one face: angles, emotion, anti-spoofing, liveness, description, distance. */
    @SuppressWarnings("try") // the scope closes the model intermediates
    private FaceResult describe(Backend backend, TensorScope outer, Candidate face, int index, int count, boolean skipAllowed,
                                int width, int height, Performance perf, List<Tensor> taken) {
        if (config.detector().mask()) {
            Tensor masked = FaceMask.apply(backend, face.crop, face.mesh, face.box);
            if (masked != face.crop) {
                face.crop.close();
                face.crop = masked;
            }
        }
        Optional<FaceRotation> rotation = face.mesh.length > 200
                ? Optional.of(FaceAngles.calculate(face.mesh, face.meshRaw, rawBox(face.boxRaw), width, height))
                : Optional.empty();
        List<EmotionScore> emotion = List.of();
        OptionalDouble real = OptionalDouble.empty();
        OptionalDouble live = OptionalDouble.empty();
        DescriptionModel.Description description = new DescriptionModel.Description(Double.NaN, "unknown", 0, new float[0]);
        try (TensorScope scope = backend.scope()) {
            if (config.emotion().enabled() && models.emotion() != null) {
                double t0 = clock.millis();
                emotion = cached(emotionCache, skipAllowed, config.emotion().skipFrames(), config.emotion().skipTime(), index,
                        count, e -> !e.isEmpty(), () -> models.emotion().classify(backend, face.crop, config.emotion().minConfidence()));
                perf.add("emotion", t0);
            }
            if (config.antispoof().enabled() && models.antispoof() != null) {
                double t0 = clock.millis();
                real = nonZero(cached(antispoofCache, skipAllowed, config.antispoof().skipFrames(), config.antispoof().skipTime(),
                        index, count, v -> v != 0, () -> models.antispoof().score(backend, face.crop)));
                perf.add("antispoof", t0);
            }
            if (config.liveness().enabled() && models.liveness() != null) {
                double t0 = clock.millis();
                live = nonZero(cached(livenessCache, skipAllowed, config.liveness().skipFrames(), config.liveness().skipTime(),
                        index, count, v -> v != 0, () -> models.liveness().score(backend, face.crop)));
                perf.add("liveness", t0);
            }
            if (config.description().enabled() && models.description() != null) {
                double t0 = clock.millis();
                description = cached(descriptionCache, skipAllowed, config.description().skipFrames(),
                        config.description().skipTime(), index, count, d -> d.age() > 0 && d.genderScore() > 0,
                        () -> models.description().describe(backend, face.crop, config.description().minConfidence()));
                perf.add("description", t0);
            }
        }
        Map<String, List<Point>> annotations = annotations(face);
        OptionalDouble distance = OptionalDouble.empty();
        if (config.iris().enabled() && face.fromMesh && face.mesh.length >= 478) {
            double metres = CameraDistance.metres(slice(face.mesh, 468), slice(face.mesh, 473), width);
            if (metres > 0 && Double.isFinite(metres)) {
                distance = OptionalDouble.of(metres);
            }
        }
        ResultTensor tensor = ResultTensor.absent();
        if (config.detector().returnTensor()) {
            Tensor squeezed = backend.reshape(face.crop, Shape.of(face.cropSize, face.cropSize, 3));
            outer.keep(squeezed);
            taken.add(squeezed);
            TensorTracker.transfer(squeezed, Owner.RESULT);
            tensor = ResultTensor.of(squeezed);
        }
        face.crop.close();
        return new FaceResult(index, face.score, face.boxScore, face.faceScore, face.box, face.boxRaw, face.size,
                points(face.mesh), points(face.meshRaw), annotations,
                description.age() > 0 ? OptionalDouble.of(description.age()) : OptionalDouble.empty(),
                Optional.of(description.gender()),
                description.genderScore() > 0 ? OptionalDouble.of(description.genderScore()) : OptionalDouble.empty(),
                emotion, description.embedding(), distance, real, live, rotation, tensor);
    }

    private <T> T cached(SkipCache<T> cache, boolean skipAllowed, int skipFrames, int skipTime, int index, int count,
                         java.util.function.Predicate<T> usable, java.util.function.Supplier<T> run) {
        Optional<T> hit = cache.reuse(skipAllowed, skipFrames, skipTime, clock.millis(), index, count, usable);
        if (hit.isPresent()) {
            return hit.get();
        }
        T value = run.get();
        cache.store(index, count, value, clock.millis());
        return value;
    }

    private static OptionalDouble nonZero(double value) {
        return value != 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    private Map<String, List<Point>> annotations(Candidate face) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        if (!face.fromMesh) {
            for (int i = 0; i < DETECTOR_LANDMARKS.length && i < face.mesh.length; i++) {
                out.put(DETECTOR_LANDMARKS[i], List.of(point(face.mesh[i])));
            }
            return out;
        }
        for (Map.Entry<String, int[]> group : annotations.groups().entrySet()) {
            List<Point> points = new ArrayList<>(group.getValue().length);
            for (int index : group.getValue()) {
                if (index >= face.mesh.length) {
                    points = null; // iris groups without the iris model
                    break;
                }
                points.add(point(face.mesh[index]));
            }
            if (points != null) {
                out.put(group.getKey(), points);
            }
        }
        return out;
    }

    private static double[][] slice(double[][] points, int from) {
        double[][] out = new double[5][];
        System.arraycopy(points, from, out, 0, 5);
        return out;
    }

    private static double[] rawBox(Box box) {
        return new double[] {box.x(), box.y(), box.width(), box.height()};
    }

    private static List<Point> points(double[][] values) {
        List<Point> out = new ArrayList<>(values.length);
        for (double[] v : values) {
            out.add(point(v));
        }
        return out;
    }

    private static Point point(double[] v) {
        return v.length > 2 ? Point.of(v[0], v[1], v[2]) : Point.of(v[0], v[1]);
    }
}
