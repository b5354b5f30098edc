package ai.human.internal.hand;

import ai.human.backend.Backend;
import ai.human.config.HandConfig;
import ai.human.backend.NonMaxSuppression;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.model.TensorSpec;
import ai.human.result.Box;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HandTrack detector as Human 3.3.6 runs it ({@code detectHands} in {@code hand/handtrack.ts}): the image is
 * resized (bilinear, legacy mode) to at most 512 rows, both sides multiples of 8, keeping the aspect ratio, and cast to
 * integers; of the model's raw per-anchor boxes and class scores, the face class is dropped, each anchor keeps its
 * best class, and non-maximum suppression picks up to {@code maxDetected + 1} boxes scoring above
 * {@code hand.minConfidence} (0 counts as 1, as in Human) with {@code hand.iouThreshold}. Boxes are grown by 1.4 for
 * the landmark model; the best {@code maxDetected} are kept.
 *
 * <p>Like Human, it fetches the graph nodes {@code StatefulPartitionedCall/Postprocessor/Slice} (scores) and
 * {@code .../ExpandDims_1} (boxes), which skips the model's own box selection. A {@link Model} that can fetch only
 * signature outputs gets {@code Identity_7} (the same scores after a background column) and {@code Identity_6} (the
 * same boxes) instead: the values are identical (checked on the per-model goldens); only the time differs.
 *
 * <p>Label quirk kept from Human: the best class is an index into the six classes left after removing {@code face},
 * but it names a class from the full list of seven, so {@code tip} is reported as {@code face} and {@code pinchtip}
 * as {@code tip}.
 */
final class HandTrackDetector {
    static final List<String> CLASSES = List.of("hand", "fist", "pinch", "point", "face", "tip", "pinchtip");
    static final String SCORES = "StatefulPartitionedCall/Postprocessor/Slice";
    static final String BOXES = "StatefulPartitionedCall/Postprocessor/ExpandDims_1";
    static final String SIGNATURE_SCORES = "Identity_7:0";
    static final String SIGNATURE_BOXES = "Identity_6:0";
    private static final Logger LOG = LoggerFactory.getLogger(HandTrackDetector.class);
    private static final int FACE_CLASS = 4;
    private static final int MAX_RESOLUTION = 512;
    private static final double EXPAND = 1.4;

    private final Model model;
    private volatile boolean innerNodes = true;

    HandTrackDetector(Model model) {
        this.model = model;
    }

    /**
     * Raw per-anchor outputs: boxes {@code [n, 4]} as y1, x1, y2, x2 and scores {@code [n, columns]}, the class scores
     * starting at column {@code first} (1 when a background column comes first).
     */
    private record Raw(float[] boxes, float[] scores, int anchors, int columns, int first) {
    }

    List<HandDetection> detect(Backend backend, Tensor image, HandConfig config, int maxDetected) {
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        if (detectorHeight(height) == 0 || detectorWidth(width, height) == 0) {
            // Human resizes such an image (under 4 pixels high, or 4 pixels wide once scaled) to nothing and fails;
            // no hand fits in it
            return new ArrayList<>();
        }
        Raw raw = run(backend, image, width, height);
        int classes = raw.columns() - raw.first();
        float[] best = new float[raw.anchors()];
        int[] bestClass = new int[raw.anchors()];
        for (int a = 0; a < raw.anchors(); a++) {
            float max = Float.NEGATIVE_INFINITY;
            int kept = 0;
            int arg = 0;
            for (int c = 0; c < classes; c++) {
                if (c == FACE_CLASS) {
                    continue;
                }
                float score = raw.scores()[a * raw.columns() + raw.first() + c];
                if (score > max) {
                    max = score;
                    arg = kept;
                }
                kept++;
            }
            best[a] = max;
            bestClass[a] = arg;
        }
        double minConfidence = config.minConfidence() == 0 ? 1 : config.minConfidence();
        NonMaxSuppression.Selection selection = NonMaxSuppression.select(raw.boxes(), best, maxDetected + 1,
                (float) config.iouThreshold(), floatAtOrBelow(minConfidence), 0f);
        List<HandDetection> hands = new ArrayList<>();
        int id = 0;
        for (int index : selection.indices()) {
            double y1 = raw.boxes()[index * 4];
            double x1 = raw.boxes()[index * 4 + 1];
            double y2 = raw.boxes()[index * 4 + 2];
            double x2 = raw.boxes()[index * 4 + 3];
            Box detected = new Box(x1, y1, x2 - x1, y2 - y1);
            Box boxRaw = HandBoxes.scale(detected, EXPAND);
            Box box = new Box(HandBoxes.trunc(detected.x() * width), HandBoxes.trunc(detected.y() * height),
                    HandBoxes.trunc(detected.width() * width), HandBoxes.trunc(detected.height() * height));
            hands.add(new HandDetection(id++, best[index], box, boxRaw, CLASSES.get(bestClass[index])));
        }
        hands.sort(Comparator.comparingDouble(HandDetection::score).reversed());
        int keep = maxDetected == 0 ? 1 : maxDetected;
        return hands.size() > keep ? new ArrayList<>(hands.subList(0, keep)) : hands;
    }

    /** The detector's input height, as Human computes it: a multiple of 8, at most {@code MAX_RESOLUTION}. */
    private static int detectorHeight(int height) {
        return (int) Math.min(Math.round(height / 8.0) * 8, MAX_RESOLUTION);
    }

    /** The detector's input width, as Human computes it: the image's aspect ratio at that height, a multiple of 8. */
    private static int detectorWidth(int width, int height) {
        double ratio = (double) width / height;
        return (int) (Math.round(detectorHeight(height) * ratio / 8) * 8);
    }

    /**
     * The largest float not above {@code threshold}: for a float score, {@code score > result} exactly when
     * {@code score > threshold} in double precision, as Human's JavaScript compares.
     */
    static float floatAtOrBelow(double threshold) {
        float f = (float) threshold;
        return f > threshold ? Math.nextDown(f) : f;
    }

    @SuppressWarnings("try") // the scope closes the resized image and the model outputs
    private Raw run(Backend backend, Tensor image, int width, int height) {
        int h = detectorHeight(height);
        int w = detectorWidth(width, height);
        try (TensorScope scope = backend.scope()) {
            Tensor resized = backend.resizeBilinear(image, h, w, false, false);
            TensorSpec input = model.inputs().get(0);
            // Human truncates to int32 and the signature wants uint8; the resized values lie in 0..255, where
            // truncating straight to uint8 gives the same numbers with one cast less
            Tensor fed = input.dtype() == DType.UINT8 || input.dtype() == DType.INT32 ? backend.cast(resized, input.dtype())
                    : backend.cast(backend.cast(resized, DType.INT32), input.dtype());
            Map<String, Tensor> out = fetch(Map.of(input.name(), fed));
            Tensor scores = out.get(innerNodes ? SCORES : SIGNATURE_SCORES);
            Tensor boxes = out.get(innerNodes ? BOXES : SIGNATURE_BOXES);
            int anchors = scores.shape().dim(1);
            int columns = scores.shape().dim(2);
            return new Raw(boxes.toFloats(), scores.toFloats(), anchors, columns, columns == CLASSES.size() ? 0 : 1);
        }
    }

    /** Human's inner nodes, or the signature outputs from a model that cannot fetch those (remembered). */
    private Map<String, Tensor> fetch(Map<String, Tensor> inputs) {
        if (innerNodes) {
            try {
                return model.run(inputs, List.of(SCORES, BOXES));
            } catch (ModelException e) {
                LOG.debug("{} cannot fetch {} and {}; using its signature outputs {} and {} ({})", model.name(), SCORES,
                        BOXES, SIGNATURE_SCORES, SIGNATURE_BOXES, e.getMessage());
                innerNodes = false;
            }
        }
        return model.run(inputs, List.of(SIGNATURE_SCORES, SIGNATURE_BOXES));
    }
}
