package ai.human.testing.full;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Human for Java on one backend against Human 3.3.6's body, hand, object and gesture results on the six face-api
 * samples ({@code golden/pipeline/full.json} and {@code full-multi.json}), through {@link Human#detect(byte[])} with
 * the configuration of each golden ({@link FullPreset}). The goldens were computed on exactly the pixels ImageIO
 * decodes from these JPEGs (checked here by hash). One {@code Human} processes the images in Human's order, so the
 * state Human keeps between images (the body jitter filter) carries over the same way. After each result is
 * released the backend holds exactly the tensors it held before the call. Prints the worst differences per image
 * and the median of Human's {@code performance} times per stage.
 *
 * <p>A backend module runs it by extending it:
 * <pre>{@code
 * class TfFullFidelityTest extends FullFidelityContract {
 *     protected Backend createBackend() { return new TfBackend(BackendOptions.defaults()); }
 * }
 * }</pre>
 */
public abstract class FullFidelityContract {

    /** A new backend to test; closed by the contract. */
    protected abstract Backend createBackend();

    /** How close results must be; the limits by default. */
    protected FullFidelity.Tolerances tolerances() {
        return FullFidelity.Tolerances.DEFAULT;
    }

    @ParameterizedTest(name = "{0} (maxDetected {1})")
    @CsvSource({"full, 1", "full-multi, 20"})
    void bodiesHandsObjectsAndGesturesMatchHuman336(String goldenName, int maxDetected) {
        assumeTrue(FullGoldens.available(goldenName), "golden/pipeline/" + goldenName + ".json is not in this checkout");
        FullGoldens golden = FullGoldens.load(goldenName);
        HumanConfig config = FullPreset.config(maxDetected);
        assertThat(config.body().minConfidence()).isEqualTo(golden.config().at("/body/minConfidence").asDouble());
        assertThat(config.hand().minConfidence()).isEqualTo(golden.config().at("/hand/minConfidence").asDouble());
        assertThat(config.hand().maxDetected()).isEqualTo(golden.config().at("/hand/maxDetected").asInt());
        assertThat(config.object().maxDetected()).isEqualTo(golden.config().at("/object/maxDetected").asInt());
        assertThat(config.cacheSensitivity()).isEqualTo(golden.config().get("cacheSensitivity").asDouble());
        List<FullFidelity.Measure> measures = new ArrayList<>();
        StageTimings timings = new StageTimings();
        try (Backend backend = createBackend()) {
            long empty = backend.memory().tensors();
            try (Human human = Human.create(config, backend)) {
                long baseline = backend.memory().tensors();
                for (FullGoldens.Image image : golden.images()) {
                    SamplePixels sample = SamplePixels.load(image.name());
                    assertThat(sample.rgbSha256())
                            .as("%s decodes to other pixels than the goldens were made from (JDK %s); these goldens"
                                    + " cannot be compared on this JDK", image.name(), System.getProperty("java.version"))
                            .isEqualTo(image.rgbSha256());
                    try (Result result = human.detect(SamplePixels.bytes(image.name()))) {
                        assertThat(result.face()).as("faces in %s", image.name()).hasSize(image.faces());
                        FullFidelity.Actual actual = new FullFidelity.Actual(result.body(), result.hand(),
                                result.object(), result.gesture());
                        measures.add(FullFidelity.compare(image.name(), actual, image, config.body().minConfidence(),
                                tolerances(), FullFidelity.ALL_GESTURES));
                        for (String stage : List.of("face", "body", "hand", "object", "gesture", "total")) {
                            Long ms = result.performance().get(stage);
                            if (ms != null) {
                                timings.addMillis(stage, ms);
                            }
                        }
                    }
                    assertThat(backend.memory().tensors()).as("live tensors after %s", image.name()).isEqualTo(baseline);
                }
            }
            assertThat(backend.memory().tensors()).as("live tensors after close").isEqualTo(empty);
            System.out.println(FullFidelity.table(backend.name() + " vs Human 3.3.6, " + goldenName, measures));
            System.out.println(timings.report(backend.name() + " performance (ms, first pass), " + goldenName));
        }
        assertThat(measures.stream().flatMap(m -> m.failures().stream()).toList()).isEmpty();
    }
}
