package ai.human.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.config.HumanConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecodeDetectLoopTest {
    /** Faces only: body, hand and object carry no tensors in their results and would only make the test slower. */
    private static final HumanConfig FACES = HumanConfig.defaults().withOverrides(List.of("body.enabled=false",
            "hand.enabled=false", "object.enabled=false", "gesture.enabled=false"));

    @ParameterizedTest(name = "{0}, deallocate {1}")
    @CsvSource({"tensorflow, false", "tensorflow, true", "djl, false", "djl, true"})
    void theTensorCountIsBackToTheModelsAfterEveryIteration(String backend, boolean deallocate) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<DecodeDetectLoop.Iteration> iterations = DecodeDetectLoop.run(FACES.withBackend(backend),
                SamplePhotos.read("sample1.jpg"), 3, deallocate, new PrintStream(text, true, StandardCharsets.UTF_8));

        List<String> lines = text.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith(backend + " backend, deallocate " + deallocate + ": ");
        long models = Long.parseLong(lines.get(0).replaceAll(".*: (\\d+) tensors after loading the models", "$1"));
        assertThat(models).isPositive();
        for (int i = 0; i < iterations.size(); i++) {
            DecodeDetectLoop.Iteration iteration = iterations.get(i);
            assertThat(iteration.crops()).as("sample 1 is a group photo").hasSizeGreaterThan(1)
                    .allMatch(crop -> crop.matches("\\d+x\\d+ mean \\d\\.\\d{3}"));
            int input = deallocate ? 0 : 1;
            assertThat(iteration.tensorsHeld()).as("models + face tensors + the input while it is open")
                    .isEqualTo(models + iteration.crops().size() + input);
            assertThat(iteration.tensorsAfter()).as("flat: back to the models after iteration " + (i + 1))
                    .isEqualTo(models);
            assertThat(lines.get(i + 1)).isEqualTo("iteration " + (i + 1) + ": face tensors " + iteration.crops() + "; "
                    + iteration.tensorsHeld() + " tensors while the result is held, " + models + " after");
        }
    }
}
