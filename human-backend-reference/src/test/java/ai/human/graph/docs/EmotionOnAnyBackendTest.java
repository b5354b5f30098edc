package ai.human.graph.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.reference.ReferenceBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * human-graph's README shows {@link EmotionOnAnyBackend} from its first import on, unchanged; this test keeps the two
 * equal and runs the example on the reference backend: seven scores, and nothing left on the backend.
 */
class EmotionOnAnyBackendTest {

    @Test
    void theReadmeShowsTheExampleAsItIsCompiled() throws IOException {
        String source = Files.readString(Path.of("src/test/java/ai/human/graph/docs/EmotionOnAnyBackend.java"));
        String shown = source.substring(source.indexOf("import "));
        String readme = Files.readString(Path.of("../human-graph/README.md"));
        assertThat(readme).as("human-graph/README.md shows EmotionOnAnyBackend.java from its first import on")
                .contains(shown);
    }

    @Test
    void theExampleRunsAndLeavesNothingOpen() {
        try (ReferenceBackend backend = new ReferenceBackend()) {
            float[] scores = EmotionOnAnyBackend.scores(backend, 0.5f);

            assertThat(scores).hasSize(7);
            double sum = 0;
            for (float score : scores) {
                assertThat(score).isBetween(0f, 1f);
                sum += score;
            }
            assertThat(sum).as("softmax scores").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(backend.memory().tensors()).as("tensors left on the backend").isZero();
            assertThat(backend.liveArrays()).as("arrays left in the engine").isZero();
        }
    }
}
