package ai.human.internal.object;

import ai.human.backend.Backend;
import ai.human.config.ObjectConfig;
import ai.human.backend.NonMaxSuppression;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.model.TensorSpec;
import ai.human.result.Box;
import ai.human.result.ObjectResult;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Objects with CenterNet as Human 3.3.6 finds them ({@code object/centernet.ts}): the image is resized (bilinear,
 * legacy mode) to the model's square input; of the model's {@code tower_0/detections} (100 rows of x1, y1, x2, y2 in
 * input pixels, score, class), non-maximum suppression keeps up to {@code object.maxDetected} boxes scoring above
 * {@code object.minConfidence} with {@code object.iouThreshold}; scores are truncated to 2 decimals and pixel boxes
 * to whole pixels; rows with a NaN class are skipped.
 *
 * <p>Between frames, per instance (Human keeps it per process): when the caller says the frame is unchanged
 * ({@code skipAllowed}) and the last call found something, that result is returned within
 * {@code object.skipFrames}/{@code object.skipTime}. Thread-safe.
 *
 * <pre>{@code
 * CenterNetDetector objects = new CenterNetDetector(backend.loadModel(def), clock::millis);
 * List<ObjectResult> found = objects.detect(backend, image, config.object(), false);
 * }</pre>
 */
public final class CenterNetDetector {
    static final String DETECTIONS = "tower_0/detections";
    private static final int ROW = 6;

    private final Model model;
    private final DoubleSupplier clockMillis;
    private final int inputSize;
    private List<ObjectResult> last = List.of();
    private double lastMillis;
    private long skipped = Long.MAX_VALUE;

    /**
     * @param model       the CenterNet model ({@code object.modelPath}); the caller keeps owning it
     * @param clockMillis milliseconds from any origin, for {@code object.skipTime}
     */
    public CenterNetDetector(Model model, DoubleSupplier clockMillis) {
        this.model = Objects.requireNonNull(model, "model");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
        int[] shape = model.inputs().get(0).shape();
        if (shape.length != 4 || shape[2] <= 0) {
            throw new ModelException("Object model " + model.name() + " has input shape " + java.util.Arrays.toString(shape)
                    + "; CenterNet needs a fixed square NHWC input such as [1, 512, 512, 3]. Check object.modelPath.");
        }
        this.inputSize = shape[2];
    }

    /**
     * Finds objects in {@code image}.
     *
     * @param backend     the backend {@code image} lives on
     * @param image       UINT8 or FLOAT32 {@code [1, height, width, 3]}, values 0..255; not consumed
     * @param config      the {@code object} section
     * @param skipAllowed the frame is unchanged, so the last result may be reused
     */
    public List<ObjectResult> detect(Backend backend, Tensor image, ObjectConfig config, boolean skipAllowed) {
        synchronized (this) {
            boolean skipTime = config.skipTime() > clockMillis.getAsDouble() - lastMillis;
            boolean skipFrame = skipped < config.skipFrames();
            if (skipAllowed && skipTime && skipFrame && !last.isEmpty()) {
                skipped++;
                return last;
            }
            skipped = 0;
        }
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        float[] detections = run(backend, image);
        double ranAt = clockMillis.getAsDouble();
        List<ObjectResult> objects = parse(detections, config, width, height);
        synchronized (this) {
            last = objects;
            lastMillis = ranAt;
        }
        return objects;
    }

    private List<ObjectResult> parse(float[] detections, ObjectConfig config, int width, int height) {
        int rows = detections.length / ROW;
        float[] boxes = new float[rows * 4];
        float[] scores = new float[rows];
        for (int r = 0; r < rows; r++) {
            boxes[r * 4] = detections[r * ROW + 1];
            boxes[r * 4 + 1] = detections[r * ROW];
            boxes[r * 4 + 2] = detections[r * ROW + 3];
            boxes[r * 4 + 3] = detections[r * ROW + 2];
            scores[r] = detections[r * ROW + 4];
        }
        NonMaxSuppression.Selection selection = NonMaxSuppression.select(boxes, scores, config.maxDetected(),
                (float) config.iouThreshold(), floatAtOrBelow(config.minConfidence()), 0f);
        List<ObjectResult> objects = new ArrayList<>();
        int id = 0;
        for (int r : selection.indices()) {
            double classValue = detections[r * ROW + 5];
            if (Double.isNaN(classValue)) {
                continue;
            }
            int classId = (int) classValue;
            if (classId != classValue || classId < 0 || classId >= CocoLabels.LABELS.size()) {
                throw new ModelException("Object model " + model.name() + " gave class " + classValue
                        + ", which is not one of the 80 COCO classes (0..79); check object.modelPath");
            }
            double score = trunc(100 * (double) detections[r * ROW + 4]) / 100;
            double x = detections[r * ROW] / (double) inputSize;
            double y = detections[r * ROW + 1] / (double) inputSize;
            Box boxRaw = new Box(x, y, detections[r * ROW + 2] / (double) inputSize - x,
                    detections[r * ROW + 3] / (double) inputSize - y);
            Box box = new Box(trunc(boxRaw.x() * width), trunc(boxRaw.y() * height), trunc(boxRaw.width() * width),
                    trunc(boxRaw.height() * height));
            objects.add(new ObjectResult(id++, score, classId, CocoLabels.LABELS.get(classId), box, boxRaw));
        }
        return List.copyOf(objects);
    }

    @SuppressWarnings("try") // the scope closes the resized image and the model outputs
    private float[] run(Backend backend, Tensor image) {
        try (TensorScope scope = backend.scope()) {
            Tensor resized = backend.resizeBilinear(image, inputSize, inputSize, false, false);
            TensorSpec input = model.inputs().get(0);
            Map<String, Tensor> out = model.run(Map.of(input.name(), resized), List.of(DETECTIONS));
            return out.get(DETECTIONS).toFloats();
        }
    }

    /** JavaScript's {@code Math.trunc}, except that -0 becomes 0 (as Human's JSON shows it). */
    private static double trunc(double x) {
        return (x < 0 ? Math.ceil(x) : Math.floor(x)) + 0.0;
    }

    /** The largest float not above {@code threshold}, so that float scores compare as Human's doubles do. */
    private static float floatAtOrBelow(double threshold) {
        float f = (float) threshold;
        return f > threshold ? Math.nextDown(f) : f;
    }
}
