package ai.human.internal.body;

import ai.human.backend.Backend;
import ai.human.config.BodyConfig;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Body pose with MoveNet as Human 3.3.6 runs it ({@code body/movenet.ts}): the image is padded with zeros to a square,
 * resized (bilinear, TensorFlow's legacy mode) to the model's input size and cast to int32; the output is read once
 * and post-processed in Java: keypoints above {@code body.minConfidence} with scores rounded to 2 decimals, outline
 * annotations, Human's left/right and vertical corrections ({@link BodyPartFixes}), positions mapped back from the
 * square, a box around the keypoints, and the jitter filter ({@link KeypointJitterFilter}). Single-pose models give
 * one body (with {@code maxDetected} ignored, as in Human); multi-pose models up to {@code maxDetected}.
 *
 * <p>State kept between calls, per instance (Human keeps it per process): the jitter memory, and the last result,
 * reused when the caller says the frame is unchanged ({@code skipAllowed}), fewer than {@code body.skipFrames} calls
 * were answered from it and less than {@code body.skipTime} ms passed since the model last ran. Thread-safe.
 *
 * <pre>{@code
 * MoveNetBodyDetector bodies = new MoveNetBodyDetector(backend.loadModel(def), () -> System.nanoTime() / 1e6);
 * List<BodyResult> found = bodies.detect(backend, image, config.body(), 1, false);
 * }</pre>
 */
public final class MoveNetBodyDetector {
    private static final int FALLBACK_INPUT_SIZE = 256;

    private final Model model;
    private final DoubleSupplier clockMillis;
    private final int inputSize;
    private final KeypointJitterFilter jitter = new KeypointJitterFilter();
    private List<BodyResult> last = List.of();
    private double lastMillis;
    private long skipped = Long.MAX_VALUE;

    /**
     * @param model       the MoveNet model ({@code body.modelPath}); the caller keeps owning it
     * @param clockMillis milliseconds from any origin, for {@code body.skipTime}
     */
    public MoveNetBodyDetector(Model model, DoubleSupplier clockMillis) {
        this.model = Objects.requireNonNull(model, "model");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
        int[] shape = model.inputs().get(0).shape();
        int size = shape.length > 2 ? shape[2] : 0;
        this.inputSize = size < 64 ? FALLBACK_INPUT_SIZE : size;
    }

    /**
     * Human's number of bodies to look for: {@code body.maxDetected}, or when it is -1 one per detected face (one when
     * face detection is off).
     */
    public static int maxDetected(int configured, boolean faceEnabled, int faces) {
        return configured == -1 ? (faceEnabled ? faces : 1) : configured;
    }

    /**
     * Finds bodies in {@code image}.
     *
     * @param backend     the backend {@code image} lives on
     * @param image       UINT8 or FLOAT32 {@code [1, height, width, 3]}, values 0..255; not consumed
     * @param config      the {@code body} section
     * @param maxDetected bodies to keep, already resolved with {@link #maxDetected}
     * @param skipAllowed the frame is unchanged, so the last result may be reused
     */
    public List<BodyResult> detect(Backend backend, Tensor image, BodyConfig config, int maxDetected, boolean skipAllowed) {
        synchronized (this) {
            skipped = skipped == Long.MAX_VALUE ? skipped : skipped + 1;
            boolean skipTime = config.skipTime() > clockMillis.getAsDouble() - lastMillis;
            boolean skipFrame = skipped < config.skipFrames();
            if (skipAllowed && skipTime && skipFrame) {
                return last;
            }
            skipped = 0;
        }
        int height = image.shape().dim(1);
        int width = image.shape().dim(2);
        SquarePadding padding = SquarePadding.of(width, height);
        ModelOutput output = runModel(backend, image, padding);
        double ranAt = clockMillis.getAsDouble();
        List<BodyResult> bodies = new ArrayList<>();
        for (RawBody raw : MoveNetOutput.parse(output.values(), output.shape(), config.minConfidence(), maxDetected,
                width, height)) {
            SquarePadding.Rescaled rescaled = padding.rescale(raw.keypoints(), width, height);
            List<BodyKeypoint> keypoints = new ArrayList<>();
            for (RawKeypoint kp : rescaled.keypoints()) {
                keypoints.add(kp.toResult());
            }
            bodies.add(new BodyResult(raw.id(), raw.score(), rescaled.box(), rescaled.boxRaw(), jitter.apply(keypoints),
                    raw.annotations()));
        }
        List<BodyResult> result = List.copyOf(bodies);
        synchronized (this) {
            last = result;
            lastMillis = ranAt;
        }
        return result;
    }

    private record ModelOutput(float[] values, int[] shape) {
    }

    @SuppressWarnings("try") // the scope closes the padded, resized and cast images and the model output
    private ModelOutput runModel(Backend backend, Tensor image, SquarePadding padding) {
        try (TensorScope scope = backend.scope()) {
            Tensor padded = backend.pad(image, padding.paddings(), 0f);
            Tensor resized = backend.resizeBilinear(padded, inputSize, inputSize, false, false);
            Tensor input = castForModel(backend, backend.cast(resized, DType.INT32), model.inputs().get(0));
            Tensor output = model.run(input).get(0);
            return new ModelOutput(output.toFloats(), output.shape().toArray());
        }
    }

    /** Casts the int32 model input to the signature's type when that differs (values are 0..255 either way). */
    static Tensor castForModel(Backend backend, Tensor int32Input, TensorSpec spec) {
        return spec.dtype() == DType.INT32 ? int32Input : backend.cast(int32Input, spec.dtype());
    }
}
