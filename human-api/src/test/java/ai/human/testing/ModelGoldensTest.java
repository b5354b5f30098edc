package ai.human.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.tensor.DType;
import org.junit.jupiter.api.Test;

class ModelGoldensTest {

    @Test
    void findsTheElevenModelsFromTheModuleDirectory() {
        assertThat(ModelGoldens.models()).hasSize(11).contains("blazeface", "handtrack", "centernet");
    }

    @Test
    void readsInputsAndOutputsWithTheirShapes() {
        ModelGoldens.Golden golden = ModelGoldens.load("movenet-lightning");

        assertThat(golden.input().dtype()).isEqualTo(DType.INT32);
        assertThat(golden.input().shape()).containsExactly(1, 192, 192, 3);
        assertThat(golden.input().ints()).hasSize(192 * 192 * 3);
        ModelGoldens.GoldenTensor out = golden.output("Identity:0");
        assertThat(out.shape()).containsExactly(1, 1, 17, 3);
        assertThat(out.floats()).hasSize(51);
        assertThat(golden.output("Identity")).isSameAs(out);
    }

    @Test
    void readsTheInputTensorNameAndValues() {
        ModelGoldens.Golden golden = ModelGoldens.load("blazeface");

        assertThat(golden.input().name()).isEqualTo("input:0");
        assertThat(golden.input().floats()[0]).isEqualTo(-0.843137264251709f);
        assertThat(golden.outputs()).extracting(ModelGoldens.GoldenTensor::name)
                .containsExactly("Identity_3:0", "Identity:0", "Identity_1:0", "Identity_2:0");
    }

    @Test
    void readsIntegersStoredUnderFloat32AsTheirValues() {
        ModelGoldens.Golden golden = ModelGoldens.load("handtrack");

        assertThat(golden.output("Identity_5:0").floats()).containsExactly(100f);
        assertThat(golden.output("Identity:0").floats()).startsWith(10041f, 7782f, 11547f);
    }

    @Test
    void acceptsDifferencesWithinAbsoluteOrRelativeTolerance() {
        float[] expected = {0f, 1000f, -5f};
        float[] actual = {0.0019f, 1000.09f, -5.001f};

        ModelGoldens.Difference d = ModelGoldens.compare(expected, actual);

        assertThat(d.matches()).isTrue();
        assertThat(d.maxAbsDiff()).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void reportsTheWorstElementWithItsPositionExpectedAndActual() {
        float[] expected = {0f, 1f, 2f, 3f};
        float[] actual = {0f, 1.01f, 2f, 3.5f};

        assertThatThrownBy(() -> ModelGoldens.assertClose("toy", expected, actual, new int[] {2, 2}))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("toy: 2 of 4 elements")
                .hasMessageContaining("flat index 3 [1, 1]")
                .hasMessageContaining("expected 3.0, actual 3.5");
    }

    @Test
    void treatsNanOnOneSideAsMismatch() {
        ModelGoldens.Difference d = ModelGoldens.compare(new float[] {1f, Float.NaN}, new float[] {1f, 2f});

        assertThat(d.mismatches()).isEqualTo(1);
        assertThat(d.worstIndex()).isEqualTo(1);
        assertThat(d.maxAbsDiff()).isNaN();
    }
}
