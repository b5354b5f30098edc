package ai.human.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeakDetectionLevelTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(LeakDetection.PROPERTY);
    }

    @Test
    void parseAcceptsJsonNamesConstantNamesAnyCaseAndSpaces() {
        assertThat(LeakDetection.parse("off")).isEqualTo(LeakDetection.OFF);
        assertThat(LeakDetection.parse(" Sampled ")).isEqualTo(LeakDetection.SAMPLED);
        assertThat(LeakDetection.parse("ALL")).isEqualTo(LeakDetection.ALL);
        assertThat(LeakDetection.parse("all-with-creation-site")).isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
        assertThat(LeakDetection.parse("all_with_creation_site")).isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
        assertThat(LeakDetection.parse("ALL_WITH_CREATION_SITE")).isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
    }

    @Test
    void everyLevelParsesFromItsJsonName() {
        for (LeakDetection level : LeakDetection.values()) {
            assertThat(LeakDetection.parse(level.jsonValue())).isEqualTo(level);
        }
    }

    @Test
    void unknownLevelIsAConfigErrorNamingTheAcceptedValues() {
        assertThatThrownBy(() -> LeakDetection.parse("everything")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'everything'")
                .hasMessageContaining("\"off\", \"sampled\", \"all\", \"all-with-creation-site\"")
                .satisfies(e -> assertThat(((ConfigException) e).errors()).singleElement()
                        .satisfies(error -> assertThat(error.path()).isEqualTo("leakDetection")));
    }

    @Test
    void systemPropertyOverridesTheConfiguredLevel() {
        assertThat(LeakDetection.effective(LeakDetection.SAMPLED)).isEqualTo(LeakDetection.SAMPLED);
        System.setProperty(LeakDetection.PROPERTY, "all-with-creation-site");
        assertThat(LeakDetection.effective(LeakDetection.OFF)).isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
        System.setProperty(LeakDetection.PROPERTY, "off");
        assertThat(LeakDetection.effective(LeakDetection.ALL)).isEqualTo(LeakDetection.OFF);
    }

    @Test
    void aBlankSystemPropertyLeavesTheConfiguredLevel() {
        System.setProperty(LeakDetection.PROPERTY, " ");
        assertThat(LeakDetection.effective(LeakDetection.ALL)).isEqualTo(LeakDetection.ALL);
    }

    @Test
    void aWrongSystemPropertyIsReportedWithItsName() {
        System.setProperty(LeakDetection.PROPERTY, "loud");
        assertThatThrownBy(() -> LeakDetection.effective(LeakDetection.SAMPLED)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dhuman.leakDetection='loud'")
                .hasMessageContaining("clear the property");
    }

    @Test
    void theConfigValueIsTheDefaultSampledAndReadsFromJson() {
        assertThat(HumanConfig.defaults().leakDetection()).isEqualTo(LeakDetection.SAMPLED);
        assertThat(HumanConfig.defaults().merge("{\"leakDetection\": \"all-with-creation-site\"}").leakDetection())
                .isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
    }
}
