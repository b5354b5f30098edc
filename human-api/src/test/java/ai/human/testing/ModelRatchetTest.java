package ai.human.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model ratchet ({@link ModelRatchet}, {@code golden/models/ratchet.json}): every output of every model is measured
 * on every backend path this project has, the golden compared with itself passes, and an output moved by three times
 * its ratchet fails, while it is still within the spec.
 */
class ModelRatchetTest {
    private static final List<String> PATHS = List.of("djl", "reference", "tensorflow", "tensorflow-executor");

    @ParameterizedTest
    @ValueSource(strings = {"djl", "reference", "tensorflow", "tensorflow-executor"})
    void everyOutputOfEveryModelIsMeasured(String backend) {
        assertThat(ModelRatchet.lists(backend)).isTrue();
        for (String model : ModelGoldens.models()) {
            for (ModelGoldens.GoldenTensor output : ModelGoldens.load(model).outputs()) {
                Optional<JsonNode> recorded = ModelRatchet.recorded(backend, model, output.name());
                assertThat(recorded).as("%s %s %s", backend, model, output.name()).isPresent();
                double maxAbs = recorded.get().path("maxAbs").asDouble(Double.NaN);
                assertThat(maxAbs).as("%s %s %s maxAbs", backend, model, output.name()).isFinite()
                        .isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(PATHS).contains(backend);
    }

    @Test
    void theGoldenItselfPassesAndAnOutputMovedByThreeTimesItsAbsoluteRatchetFails() {
        ModelGoldens.GoldenTensor output = ModelGoldens.load("faceres").output("global_pooling/Mean:0");
        float[] expected = output.floats();
        assertThat(ModelRatchet.check("tensorflow", "faceres", output.name(), expected, expected.clone())).isEmpty();

        ModelRatchet.Measured golden = ModelRatchet.measure(expected, expected);
        double recorded = ModelRatchet.recorded("tensorflow", "faceres", output.name()).orElseThrow().path("maxAbs")
                .asDouble();
        double limit = ModelRatchet.absoluteLimit(recorded, golden.maxMagnitude());
        float[] moved = expected.clone();
        int small = smallest(expected);
        moved[small] = (float) (moved[small] + 3 * limit);
        assertThat(ModelGoldens.compare(expected, moved).matches()).as("still within the spec").isTrue();
        assertThat(ModelRatchet.check("tensorflow", "faceres", output.name(), expected, moved))
                .hasValueSatisfying(f -> assertThat(f).contains("max |diff|").contains("beyond its ratchet"));
    }

    @Test
    void anOutputMeasuredExactFailsOnAnyChange() {
        ModelGoldens.GoldenTensor output = ModelGoldens.load("blazeface").output("Identity_3:0");
        assertThat(ModelRatchet.recorded("tensorflow", "blazeface", output.name()).orElseThrow().path("maxAbs")
                .asDouble()).isZero();
        float[] expected = output.floats();
        double limit = ModelRatchet.absoluteLimit(0, ModelRatchet.measure(expected, expected).maxMagnitude());
        assertThat(limit).as("one float32 ulp of the largest value").isLessThan(1e-5);
        float[] moved = expected.clone();
        moved[0] = (float) (moved[0] + 3 * limit);
        assertThat(ModelRatchet.check("tensorflow", "blazeface", output.name(), expected, moved)).isPresent();
    }

    @Test
    void aLargeOutputMovedByThreeTimesItsRelativeRatchetFails() {
        ModelGoldens.GoldenTensor output = ModelGoldens.load("centernet").output("tower_0/detections:0");
        float[] expected = output.floats();
        double recorded = ModelRatchet.recorded("tensorflow", "centernet", output.name()).orElseThrow().path("maxRel")
                .asDouble();
        int largest = 0;
        for (int i = 1; i < expected.length; i++) {
            largest = Math.abs(expected[i]) > Math.abs(expected[largest]) ? i : largest;
        }
        float[] moved = expected.clone();
        moved[largest] = (float) (expected[largest] * (1 + 3 * ModelRatchet.relativeLimit(recorded)));
        assertThat(ModelRatchet.check("tensorflow", "centernet", output.name(), expected, moved))
                .hasValueSatisfying(f -> assertThat(f).contains("max relative diff"));
    }

    @Test
    void theGoldenReadmeShowsTheCurrentRatchet() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(ModelGoldens.root().resolve("README.md"));
        String table = ModelRatchet.markdownTable();
        assertThat(readme.contains(table)).as("golden/README.md shows the model ratchet of %s as it is; after "
                + "re-measuring, paste this table into its section 'Model ratchet':%n%n%s", ModelRatchet.FILE, table)
                .isTrue();
    }

    @Test
    void aBackendTheFileDoesNotListIsHeldToTheSpecOnly() {
        float[] expected = {1f, 2f};
        assertThat(ModelRatchet.check("someone-elses", "blazeface", "Identity:0", expected, new float[] {1.001f, 2f}))
                .isEmpty();
    }

    @Test
    void relativeDifferencesCountOnlyForElementsOfMagnitudeOneOrMore() {
        ModelRatchet.Measured m = ModelRatchet.measure(new float[] {1e-6f, 10f}, new float[] {2e-6f, 10.001f});
        assertThat(m.maxAbs()).isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.maxRel()).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ModelRatchet.measure(new float[] {0.5f}, new float[] {0.5f}).maxRel()).isNaN();
    }

    private static int smallest(float[] values) {
        int k = 0;
        for (int i = 1; i < values.length; i++) {
            k = Math.abs(values[i]) < Math.abs(values[k]) ? i : k;
        }
        return k;
    }
}
