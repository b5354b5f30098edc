package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.testing.full.FullPreset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the reliability contracts: one backend from the backend module and one {@link Human} with every model of
 * Human's full preset (face with all its models, body, hand, object, gesture; up to 20 faces; no caching, so equal
 * inputs give equal results in any order), made once per test class. {@link #baseline} is the backend's live tensor
 * count with the models loaded: every case must end there. After the class, closing the Human must bring the count
 * back to where the fresh backend was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OneHumanPerClass {
    protected Backend backend;
    protected Human human;
    protected long baseline;
    private long empty;

    /** A new backend to test; the contract closes it. */
    protected abstract Backend createBackend();

    /** The full preset with up to 20 faces and {@code cacheSensitivity} 0. */
    public static HumanConfig fullConfig(String... overrides) {
        return FullPreset.config(20).withOverride("cacheSensitivity", "0").withOverrides(List.of(overrides));
    }

    /** The configuration of {@link #human}. */
    protected HumanConfig config() {
        return fullConfig();
    }

    @BeforeAll
    void createHuman() {
        backend = createBackend();
        empty = backend.memory().tensors();
        human = Human.create(config(), backend);
        baseline = backend.memory().tensors();
    }

    @AfterAll
    void closeHuman() {
        try {
            human.close();
            assertThat(backend.memory().tensors()).as("live tensors after Human.close()").isEqualTo(empty);
        } finally {
            backend.close();
        }
    }

    protected long liveTensors() {
        return backend.memory().tensors();
    }
}
