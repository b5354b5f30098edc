package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The goldens travel in the kit's jar, for every default model, and read back as the manifests describe them. */
class ModelGoldensTest {

    @Test
    void everyDefaultModelHasGoldensInTheKit() {
        assertThat(ModelGoldens.models()).containsExactlyElementsOf(Workload.DEFAULT_MODELS);
        for (String model : Workload.DEFAULT_MODELS) {
            ModelGoldens.Golden golden = ModelGoldens.load(model);
            assertThat(golden.signatureOutputs()).as(model).isNotEmpty();
            assertThat(golden.input().floats()).as(model).hasSize(Math.toIntExact(golden.input().tensorShape().size()));
        }
    }

    @Test
    void handtrackCarriesItsInnerNodesApartFromItsSignatureOutputs() {
        ModelGoldens.Golden golden = ModelGoldens.load("handtrack");

        assertThat(golden.input().dtype()).isEqualTo(DType.INT32);
        assertThat(golden.input().shape()).containsExactly(1, 512, 720, 3);
        assertThat(golden.signatureOutputs()).hasSize(8);
        assertThat(golden.internalOutputs()).extracting(ModelGoldens.GoldenTensor::name).containsExactly(
                "StatefulPartitionedCall/Postprocessor/Slice:0", "StatefulPartitionedCall/Postprocessor/ExpandDims_1:0");
        assertThat(golden.output("Identity_5").floats()).containsExactly(100f);
    }

    @Test
    void anOutputIsFoundByTensorOrNodeNameAndAnUnknownNameIsNamedInTheError() {
        ModelGoldens.Golden golden = ModelGoldens.load("movenet-lightning");

        assertThat(golden.output("Identity:0")).isSameAs(golden.output("Identity"));
        assertThatThrownBy(() -> golden.output("Identity_9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Identity_9").hasMessageContaining("Identity:0");
    }

    @Test
    void elementsMatchWithinTwoThousandthsAbsoluteOrOneTenThousandthRelative() {
        // 0 + 0.0019 is within 2e-3; 10000 + 0.9 is within 1e-4 * 10000 = 1; -5 - 0.0021 is outside both
        ModelGoldens.Difference d = ModelGoldens.compare(new float[] {0f, 10000f, -5f},
                new float[] {0.0019f, 10000.9f, -5.0021f});

        assertThat(d.mismatches()).isEqualTo(1);
        assertThat(d.worstIndex()).isEqualTo(2);
        assertThat(d.expected()).isEqualTo(-5f);
    }

    @Test
    void nanOnOneSideIsAMismatchAndOnBothSidesAMatch() {
        assertThat(ModelGoldens.compare(new float[] {Float.NaN}, new float[] {1f}).matches()).isFalse();
        assertThat(ModelGoldens.compare(new float[] {Float.NaN}, new float[] {Float.NaN}).matches()).isTrue();
    }

    @Test
    void theKitCarriesTheModelRatchetOfThisProjectsBackendsForEveryOutput() {
        for (String backend : List.of("djl", "reference", "tensorflow")) {
            ModelRatchet ratchet = ModelRatchet.of(backend).orElseThrow();
            for (String model : Workload.DEFAULT_MODELS) {
                for (ModelGoldens.GoldenTensor output : ModelGoldens.load(model).outputs()) {
                    assertThat(ratchet.check(model, output, output.floats())).as("%s %s %s against itself", backend,
                            model, output).isEmpty();
                }
            }
        }
        assertThat(ModelRatchet.of("someone-elses-backend")).as("a backend not measured here: the spec only").isEmpty();
    }

    @Test
    void anOutputMovedByThreeTimesItsRatchetFailsThoughWithinTheSpec() {
        ModelGoldens.GoldenTensor output = ModelGoldens.load("faceres").output("global_pooling/Mean:0");
        float[] expected = output.floats();
        ModelRatchet ratchet = ModelRatchet.of("tensorflow").orElseThrow();
        ModelRatchet.Measured self = ModelRatchet.measure(expected, expected);
        // the recorded worst is read back through a check of a value moved by exactly the limit (passes) and 3x (fails)
        double lo = 0;
        double hi = ModelGoldens.ABSOLUTE_TOLERANCE;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (ratchet.check("faceres", output, moved(expected, mid)).isEmpty()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double limit = lo;
        assertThat(limit).as("the limit: at least one float32 ulp of the largest value")
                .isGreaterThanOrEqualTo(Math.ulp((float) self.maxMagnitude()) * 0.99);
        float[] moved = moved(expected, 3 * limit);
        assertThat(ModelGoldens.compare(expected, moved).matches()).as("3x the ratchet is within the spec").isTrue();
        assertThat(ratchet.check("faceres", output, moved)).hasValueSatisfying(f -> assertThat(f)
                .contains("beyond its ratchet").contains("'tensorflow'"));
    }

    /** {@code values} with the element closest to 0 moved by {@code delta}. */
    private static float[] moved(float[] values, double delta) {
        int k = 0;
        for (int i = 1; i < values.length; i++) {
            k = Math.abs(values[i]) < Math.abs(values[k]) ? i : k;
        }
        float[] out = values.clone();
        out[k] = (float) (out[k] + delta);
        return out;
    }

    @Test
    void aFlatIndexIsShownAsItsPosition() {
        assertThat(ModelGoldens.position(7, new int[] {2, 2, 3})).containsExactly(1, 0, 1);
    }
}
