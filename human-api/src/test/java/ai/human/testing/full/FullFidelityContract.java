package ai.human.testing.full;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import ai.human.testing.FaceFidelity;
import ai.human.testing.FaceGoldens;
import ai.human.testing.FidelityRatchet;
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
 * and the median of Human's {@code performance} times per stage. The faces of the same results are compared as the face
 * contract compares them. Every field is held to the spec ({@link #tolerances()}, {@link FaceFidelity.Tolerances#DEFAULT})
 * and to the ratchet of its measured worst value ({@link FidelityRatchet}).
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
        FaceGoldens faceGolden = FaceGoldens.load(goldenName);
        List<FullFidelity.Measure> measures = new ArrayList<>();
        List<FaceFidelity.Measure> faceMeasures = new ArrayList<>();
        StageTimings timings = new StageTimings();
        String backendName;
        try (Backend backend = createBackend()) {
            backendName = backend.name();
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
                        faceMeasures.add(FaceFidelity.compare(image.name(), result.face(),
                                faceGolden.image(image.name()).faces(), FaceFidelity.Tolerances.DEFAULT));
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
            System.out.println(FaceFidelity.table(backend.name() + " vs Human 3.3.6, faces of " + goldenName,
                    faceMeasures));
            System.out.println(timings.report(backend.name() + " performance (ms, first pass), " + goldenName));
        }
        List<String> failures = new ArrayList<>(measures.stream().flatMap(m -> m.failures().stream()).toList());
        faceMeasures.forEach(m -> failures.addAll(m.failures()));
        assertThat(failures).as("beyond the spec").isEmpty();
        FidelityRatchet.Worst worst = FullFidelity.worst(measures).addAll(FaceFidelity.worst(faceMeasures));
        assertThat(FidelityRatchet.check(backendName, goldenName, worst))
                .as("beyond the fidelity ratchet (%s)", FidelityRatchet.FILE).isEmpty();
    }
}
