package ai.human.testing.full;

import ai.human.backend.Backend;
import ai.human.backend.BinaryOp;
import ai.human.config.HumanConfig;
import ai.human.internal.body.MoveNetBodyDetector;
import ai.human.internal.hand.HandTrackPipeline;
import ai.human.internal.object.CenterNetDetector;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the body, hand and object stages on one backend over the six samples, and their parts on their own: the
 * image work before each model, each model, and the whole stage ({@code detect}). Medians over
 * {@code runs} rounds after one warm-up round; a harness for a quiet machine, not a test.
 *
 * <pre>{@code
 * FullStageBench.run(backend, 10); // prints one line per part
 * }</pre>
 */
public final class FullStageBench {
    private static final String[] SAMPLES = {"sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
        "sample6.jpg"};

    private FullStageBench() {
    }

    /** Loads the models, times every part {@code runs} times per sample and prints the medians. */
    public static void run(Backend backend, int runs) {
        HumanConfig config = HumanConfig.defaults().withOverride("object.enabled", "true");
        ModelLoader loader = new ModelLoader();
        List<SamplePixels> samples = new ArrayList<>();
        for (String name : SAMPLES) {
            samples.add(SamplePixels.load(name));
        }
        StageTimings timings = new StageTimings();
        try (Model movenet = backend.loadModel(loader.load(null, config.body().modelPath()));
             Model handtrack = backend.loadModel(loader.load(null, config.hand().detector().modelPath()));
             Model landmarks = backend.loadModel(loader.load(null, config.hand().skeleton().modelPath()));
             Model centernet = backend.loadModel(loader.load(null, config.object().modelPath()))) {
            MoveNetBodyDetector bodies = new MoveNetBodyDetector(movenet, () -> 0);
            HandTrackPipeline hands = new HandTrackPipeline(handtrack, landmarks, () -> 0);
            CenterNetDetector objects = new CenterNetDetector(centernet, () -> 0);
            for (int round = 0; round <= runs; round++) {
                StageTimings into = round == 0 ? new StageTimings() : timings;
                for (SamplePixels sample : samples) {
                    try (Tensor image = sample.toUint8Tensor(backend)) {
                        int h = sample.height();
                        int w = sample.width();
                        int pad = (w - h) / 2;
                        time(into, "body.pad+resize+cast", backend, () -> backend.cast(backend.resizeBilinear(
                                backend.pad(image, new int[][] {{0, 0}, {pad, pad}, {0, 0}, {0, 0}}, 0f), 192, 192, false,
                                false), DType.INT32));
                        Tensor movenetInput = keep(backend, () -> backend.cast(backend.resizeBilinear(backend.pad(image,
                                new int[][] {{0, 0}, {pad, pad}, {0, 0}, {0, 0}}, 0f), 192, 192, false, false), DType.INT32));
                        time(into, "body.movenet", backend, () -> movenet.run(movenetInput).get(0).toFloats());
                        movenetInput.close();
                        time(into, "body.detect", backend, () -> bodies.detect(backend, image, config.body(), 1, false));

                        int dh = Math.min(Math.round(h / 8f) * 8, 512);
                        int dw = Math.round(dh * ((float) w / h) / 8) * 8;
                        DType handtrackType = handtrack.inputs().get(0).dtype();
                        time(into, "hand.resize+cast", backend, () -> backend.cast(backend.resizeBilinear(image, dh, dw, false,
                                false), handtrackType));
                        Tensor handInput = keep(backend, () -> backend.cast(backend.resizeBilinear(image, dh, dw, false,
                                false), handtrackType));
                        time(into, "hand.handtrack", backend, () -> handtrack.run(Map.of(handtrack.inputs().get(0).name(),
                                handInput), List.of("StatefulPartitionedCall/Postprocessor/Slice",
                                "StatefulPartitionedCall/Postprocessor/ExpandDims_1")).get("StatefulPartitionedCall/Postprocessor/Slice")
                                .toFloats());
                        handInput.close();
                        float[][] box = {{0.7f, 0.4f, 0.9f, 0.5f}};
                        time(into, "hand.crop+div", backend, () -> backend.binary(BinaryOp.DIV,
                                backend.cropAndResize(image, box, new int[] {0}, 224, 224), backend.scalar(255f)));
                        Tensor crop = keep(backend, () -> backend.binary(BinaryOp.DIV,
                                backend.cropAndResize(image, box, new int[] {0}, 224, 224), backend.scalar(255f)));
                        time(into, "hand.landmark", backend, () -> landmarks.run(Map.of(landmarks.inputs().get(0).name(),
                                crop), List.of("Identity_1:0", "Identity:0")).get("Identity:0").toFloats());
                        crop.close();
                        time(into, "hand.detect", backend, () -> hands.detect(backend, image, config.hand(), 2, false,
                                config.cacheSensitivity()));

                        time(into, "object.resize", backend, () -> backend.resizeBilinear(image, 512, 512, false, false));
                        Tensor objectInput = keep(backend, () -> backend.resizeBilinear(image, 512, 512, false, false));
                        time(into, "object.centernet", backend, () -> centernet.run(Map.of(centernet.inputs().get(0).name(),
                                objectInput), List.of("tower_0/detections")).get("tower_0/detections").toFloats());
                        objectInput.close();
                        time(into, "object.detect", backend, () -> objects.detect(backend, image, config.object(), false));
                    }
                }
            }
        }
        System.out.println(timings.report(backend.name() + ": stage parts over " + SAMPLES.length + " samples x " + runs
                + " runs (1 warm-up round)"));
    }

    /** Times {@code work} in a scope (what it makes is closed); a tensor result is read back first. */
    @SuppressWarnings("try")
    private static void time(StageTimings timings, String part, Backend backend, Supplier<Object> work) {
        try (TensorScope scope = backend.scope()) {
            long t0 = System.nanoTime();
            Object result = work.get();
            if (result instanceof Tensor tensor) {
                tensor.toFloats();
            }
            timings.add(part, t0, System.nanoTime());
        }
    }

    private static Tensor keep(Backend backend, Supplier<Tensor> make) {
        try (TensorScope scope = backend.scope()) {
            return scope.keep(make.get());
        }
    }
}
