package ai.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.result.Result;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The baseline checks of the ownership and stage-failure tests ({@code liveTensors()} back at its value before the
 * call) fail on a pipeline that leaks: a face model that keeps one tensor per run outside every scope leaves the
 * count one higher after each detect, whichever stage leaks and whether the result is closed or not.
 */
class ReleaseChecksCatchALeakTest {
    private final HumanFixture fixture = new HumanFixture();
    private final BufferedImage image = HumanFixture.image(320, 240, 1);

    @AfterEach
    void closeBackend() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0} leaks")
    @ValueSource(strings = {"blazeface", "facemesh", "faceres"})
    void aModelThatLeaksFailsTheBaselineCheck(String model) {
        try (Human human = fixture.human(HumanFixture.config("face.detector.return=true"))) {
            long baseline = fixture.liveTensors();
            fixture.models.leakOn(model);
            int runs = fixture.models.runs(model);
            try (Result result = human.detect(image)) {
                assertThat(result.face()).isNotEmpty();
            }
            long leaked = fixture.models.runs(model) - runs;
            assertThat(leaked).isPositive();
            assertThat(fixture.liveTensors()).isEqualTo(baseline + leaked);
            assertThatThrownBy(() -> assertThat(fixture.liveTensors()).isEqualTo(baseline))
                    .isInstanceOf(AssertionError.class);
        }
    }
}
