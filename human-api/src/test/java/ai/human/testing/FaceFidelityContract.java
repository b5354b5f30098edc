package ai.human.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Human for Java on one backend against Human 3.3.6's own face results on the six face-api samples
 * ({@code golden/pipeline/face-default.json} and {@code face-multi.json}), run from the JPEGs with the configuration
 * of each golden. The goldens were computed by Human on exactly the pixels ImageIO decodes from these JPEGs (checked
 * here by hash), so both sides see the same input. Prints the worst differences per image. Every field is held to the
 * spec ({@link #tolerances()}) and to the ratchet of its measured worst value ({@link FidelityRatchet}), the number of
 * faces identical to Human's included.
 *
 * <p>A backend module runs it by extending it:
 * <pre>{@code
 * class TfFaceFidelityTest extends FaceFidelityContract {
 *     protected String backendName() { return "tensorflow"; }
 * }
 * }</pre>
 */
public abstract class FaceFidelityContract {

    /** The backend to test, as {@code config.backend} names it. */
    protected abstract String backendName();

    /** How close each face must be; the limits by default. */
    protected FaceFidelity.Tolerances tolerances() {
        return FaceFidelity.Tolerances.DEFAULT;
    }

    @ParameterizedTest(name = "{0} (maxDetected {1})")
    @CsvSource({"face-default, 1", "face-multi, 20"})
    void facesMatchHuman336(String goldenName, int maxDetected) {
        assumeTrue(FaceGoldens.available(goldenName), "golden/pipeline/" + goldenName + ".json is not in this checkout");
        FaceGoldens golden = FaceGoldens.load(goldenName);
        HumanConfig config = FacePreset.config(maxDetected).withOverride("backend", backendName());
        assertThat(config.cacheSensitivity()).isEqualTo(golden.config().get("cacheSensitivity").asDouble());
        List<FaceFidelity.Measure> measures = new ArrayList<>();
        try (Human human = Human.create(config)) {
            for (FaceGoldens.Image image : golden.images()) {
                byte[] jpeg = SampleImages.bytes(image.name());
                assertThat(SampleImages.rgbSha256(jpeg))
                        .as("%s decodes to other pixels than the goldens were made from (JDK %s); these goldens cannot"
                                + " be compared on this JDK", image.name(), System.getProperty("java.version"))
                        .isEqualTo(image.rgbSha256());
                try (Result result = human.detect(jpeg)) {
                    measures.add(FaceFidelity.compare(image.name(), result.face(), image.faces(), tolerances()));
                }
            }
        }
        System.out.println(FaceFidelity.table(backendName() + " vs Human 3.3.6, " + goldenName, measures));
        assertThat(measures.stream().flatMap(m -> m.failures().stream()).toList()).as("beyond the spec").isEmpty();
        assertThat(FidelityRatchet.check(backendName(), goldenName, FaceFidelity.worst(measures)))
                .as("beyond the fidelity ratchet (%s)", FidelityRatchet.FILE).isEmpty();
    }
}
