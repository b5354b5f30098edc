package ai.human;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.BackendOptions;
import ai.human.config.HumanConfig;
import ai.human.config.LeakDetection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The level a backend made by {@code Human.create(config)} gets: system property, else config, else sampled. */
class LeakDetectionPrecedenceTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(LeakDetection.PROPERTY);
    }

    @Test
    void withNeitherConfigNorPropertyTheLevelIsSampled() {
        assertThat(Human.backendOptions(HumanConfig.defaults()).leakDetection()).isEqualTo(LeakDetection.SAMPLED);
        assertThat(BackendOptions.defaults().leakDetection()).isEqualTo(LeakDetection.SAMPLED);
    }

    @Test
    void theConfigsLevelIsUsed() {
        HumanConfig config = HumanConfig.defaults().withOverride("leakDetection", "all-with-creation-site");
        assertThat(Human.backendOptions(config).leakDetection()).isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
    }

    @Test
    void theSystemPropertyWinsOverTheConfig() {
        System.setProperty(LeakDetection.PROPERTY, "off");
        HumanConfig config = HumanConfig.defaults().withLeakDetection(LeakDetection.ALL);
        assertThat(Human.backendOptions(config).leakDetection()).isEqualTo(LeakDetection.OFF);
        assertThat(BackendOptions.defaults().leakDetection()).isEqualTo(LeakDetection.OFF);
    }
}
