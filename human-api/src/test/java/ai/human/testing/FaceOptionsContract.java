package ai.human.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The face detector's options that Human's defaults leave off ({@code mask}, {@code rotation}, {@code square}, and the
 * mesh disabled), against Human 3.3.6's results with the same options on the same pixels
 * ({@code /ai/human/testing/options/<variant>.json}, made by {@code human-api/tools/make-face-option-goldens.sh}:
 * every rounded field in full, a sample of the mesh and of the embedding). Same tolerances as the fidelity tests, and
 * the same ratchet ({@link FidelityRatchet}, configuration {@code options/<variant>}).
 *
 * <pre>{@code
 * class TfFaceOptionsTest extends FaceOptionsContract {
 *     protected String backendName() { return "tensorflow"; }
 * }
 * }</pre>
 */
public abstract class FaceOptionsContract {

    /** The backend to test, as {@code config.backend} names it. */
    protected abstract String backendName();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mask", "rotation", "square", "detector-only"})
    void facesMatchHumanWithTheOption(String variant) {
        FaceGoldens golden = FaceGoldens.fromResource("/ai/human/testing/options/" + variant + ".json");
        JsonNode root = golden.config();
        List<String> overrides = new ArrayList<>();
        overrides.add("backend=" + backendName());
        overrides.addAll(golden.overrides());
        HumanConfig config = FacePreset.config(20).withOverrides(overrides);
        assertThat(config.cacheSensitivity()).isEqualTo(root.get("cacheSensitivity").asDouble());
        List<FaceFidelity.Measure> measures = new ArrayList<>();
        try (Human human = Human.create(config)) {
            for (FaceGoldens.Image image : golden.images()) {
                byte[] jpeg = SampleImages.bytes(image.name());
                assertThat(SampleImages.rgbSha256(jpeg)).as("pixels of %s", image.name()).isEqualTo(image.rgbSha256());
                try (Result result = human.detect(jpeg)) {
                    measures.add(FaceFidelity.compare(image.name(), result.face(), image.faces(), FaceFidelity.Tolerances.DEFAULT));
                }
            }
        }
        System.out.println(FaceFidelity.table(backendName() + " vs Human 3.3.6, option " + variant, measures));
        assertThat(measures.stream().flatMap(m -> m.failures().stream()).toList()).as("beyond the spec").isEmpty();
        assertThat(FidelityRatchet.check(backendName(), "options/" + variant, FaceFidelity.worst(measures)))
                .as("beyond the fidelity ratchet (%s)", FidelityRatchet.FILE).isEmpty();
    }
}
