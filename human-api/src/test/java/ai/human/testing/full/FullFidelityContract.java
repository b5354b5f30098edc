package ai.human.testing.full;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.internal.body.MoveNetBodyDetector;
import ai.human.internal.gesture.GestureRecognizer;
import ai.human.internal.hand.HandTrackPipeline;
import ai.human.internal.object.CenterNetDetector;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.result.BodyResult;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Body, hand and object stages on one backend, with the real models, against Human 3.3.6's results on the six
 * face-api samples ({@code golden/pipeline/full.json} and {@code full-multi.json}). The goldens were computed on
 * exactly the pixels ImageIO decodes from these JPEGs (checked here by hash). Images are processed in Human's order
 * by one set of stages, so the state Human keeps between images (the body jitter filter) carries over the same way.
 * Body and hand gestures are compared as sets; face and iris gestures need the face pipeline and are not compared
 * here. The number of hands to look for comes from the faces Human found ({@code hand.maxDetected} -1).
 * Prints the worst differences per image and the median time of each stage.
 *
 * <p>A backend module runs it by extending it:
 * <pre>{@code
 * class TfFullFidelityTest extends FullFidelityContract {
 *     protected Backend createBackend() { return new TfBackend(BackendOptions.defaults()); }
 * }
 * }</pre>
 */
public abstract class FullFidelityContract {
    /** Rounds of all six images; the first warms the models up, timings come from all but the first. */
    private static final int TIMING_ROUNDS = 3;

    /** A new backend to test; closed by the contract. */
    protected abstract Backend createBackend();

    /** How close results must be; the limits by default. */
    protected FullFidelity.Tolerances tolerances() {
        return FullFidelity.Tolerances.DEFAULT;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full", "full-multi"})
    void bodiesHandsObjectsAndTheirGesturesMatchHuman336(String goldenName) {
        assumeTrue(FullGoldens.available(goldenName), "golden/pipeline/" + goldenName + ".json is not in this checkout");
        FullGoldens golden = FullGoldens.load(goldenName);
        HumanConfig config = HumanConfig.defaults().withOverride("object.enabled", "true");
        assertThat(config.body().minConfidence()).isEqualTo(golden.config().at("/body/minConfidence").asDouble());
        assertThat(config.hand().minConfidence()).isEqualTo(golden.config().at("/hand/minConfidence").asDouble());
        assertThat(config.object().maxDetected()).isEqualTo(golden.config().at("/object/maxDetected").asInt());
        List<SamplePixels> samples = new ArrayList<>();
        for (FullGoldens.Image image : golden.images()) {
            SamplePixels sample = SamplePixels.load(image.name());
            assertThat(sample.rgbSha256())
                    .as("%s decodes to other pixels than the goldens were made from (JDK %s); these goldens cannot be"
                            + " compared on this JDK", image.name(), System.getProperty("java.version"))
                    .isEqualTo(image.rgbSha256());
            samples.add(sample);
        }
        ModelLoader loader = new ModelLoader();
        StageTimings timings = new StageTimings();
        List<FullFidelity.Measure> measures = new ArrayList<>();
        try (Backend backend = createBackend();
             Model movenet = backend.loadModel(loader.load(null, config.body().modelPath()));
             Model handtrack = backend.loadModel(loader.load(null, config.hand().detector().modelPath()));
             Model handlandmark = backend.loadModel(loader.load(null, config.hand().skeleton().modelPath()));
             Model centernet = backend.loadModel(loader.load(null, config.object().modelPath()))) {
            long baseline = backend.memory().tensors();
            for (int round = 0; round < TIMING_ROUNDS; round++) {
                MoveNetBodyDetector bodies = new MoveNetBodyDetector(movenet, () -> 0);
                HandTrackPipeline hands = new HandTrackPipeline(handtrack, handlandmark, () -> 0);
                CenterNetDetector objects = new CenterNetDetector(centernet, () -> 0);
                for (int i = 0; i < samples.size(); i++) {
                    FullGoldens.Image expected = golden.images().get(i);
                    List<BodyResult> body;
                    List<HandResult> hand;
                    List<ObjectResult> object;
                    try (Tensor image = samples.get(i).toUint8Tensor(backend)) {
                        long t0 = System.nanoTime();
                        body = bodies.detect(backend, image, config.body(),
                                MoveNetBodyDetector.maxDetected(config.body().maxDetected(), true, expected.faces()), false);
                        long t1 = System.nanoTime();
                        hand = hands.detect(backend, image, config.hand(),
                                HandTrackPipeline.maxDetected(config.hand().maxDetected(), true, expected.faces()), false,
                                config.cacheSensitivity());
                        long t2 = System.nanoTime();
                        object = objects.detect(backend, image, config.object(), false);
                        long t3 = System.nanoTime();
                        if (round > 0) {
                            timings.add("body", t0, t1);
                            timings.add("hand", t1, t2);
                            timings.add("object", t2, t3);
                        }
                    }
                    assertThat(backend.memory().tensors()).as("live tensors after %s", expected.name()).isEqualTo(baseline);
                    if (round == 0) {
                        FullFidelity.Actual actual = new FullFidelity.Actual(body, hand, object,
                                GestureRecognizer.recognize(List.of(), body, hand));
                        measures.add(FullFidelity.compare(expected.name(), actual, expected, config.body().minConfidence(),
                                tolerances(), Set.of("body", "hand")));
                    }
                }
            }
            System.out.println(FullFidelity.table(backend.name() + " vs Human 3.3.6, " + goldenName, measures));
            System.out.println(timings.report(backend.name() + " stage times, " + goldenName));
        }
        assertThat(measures.stream().flatMap(m -> m.failures().stream()).toList()).isEmpty();
    }
}
