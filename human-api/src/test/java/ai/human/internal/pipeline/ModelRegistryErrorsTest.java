package ai.human.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BackendException;
import ai.human.model.ModelException;
import ai.human.model.ModelLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelRegistry} reports a model the backend refuses as a {@link ModelException} naming the section and the
 * file (a damaged file is the usual cause), but a programming error while putting a model on the backend is a bug,
 * not a damaged file: it propagates unchanged.
 */
class ModelRegistryErrorsTest {
    private static final List<ModelRequest> EMOTION = List.of(new ModelRequest("face.emotion", "emotion.json"));

    @Test
    void aNullPointerExceptionOfTheBackendPropagatesUnwrapped() {
        NullPointerException bug = new NullPointerException("a bug in the backend");
        assertThatThrownBy(() -> ModelRegistry.load(EMOTION, ModelLoader.DEFAULT_BASE_PATH, new ModelLoader(), def -> {
            throw bug;
        })).isSameAs(bug);
    }

    @Test
    void anIllegalArgumentExceptionOfTheBackendPropagatesUnwrapped() {
        IllegalArgumentException bug = new IllegalArgumentException("a bad argument inside the backend");
        assertThatThrownBy(() -> ModelRegistry.load(EMOTION, ModelLoader.DEFAULT_BASE_PATH, new ModelLoader(), def -> {
            throw bug;
        })).isSameAs(bug);
    }

    @Test
    void aBackendRefusingTheGraphIsAModelErrorNamingSectionAndFile() {
        BackendException refused = new BackendException("graph constant has the wrong size");
        assertThatThrownBy(() -> ModelRegistry.load(EMOTION, ModelLoader.DEFAULT_BASE_PATH, new ModelLoader(), def -> {
            throw refused;
        })).isInstanceOf(ModelException.class).hasCause(refused)
                .hasMessageContaining("face.emotion").hasMessageContaining("emotion.json")
                .hasMessageContaining("graph constant has the wrong size");
        assertThat(refused).isInstanceOf(ai.human.error.HumanException.class);
    }
}
