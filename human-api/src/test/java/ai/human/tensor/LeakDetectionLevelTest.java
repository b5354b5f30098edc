package ai.human.tensor;

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
    void parseAcceptsAnyCaseDashesAndSpaces() {
        assertThat(LeakDetection.parse("off")).isEqualTo(LeakDetection.OFF);
        assertThat(LeakDetection.parse(" Sampled ")).isEqualTo(LeakDetection.SAMPLED);
        assertThat(LeakDetection.parse("ALL")).isEqualTo(LeakDetection.ALL);
        assertThat(LeakDetection.parse("all-with-creation-site")).isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
        assertThat(LeakDetection.parse("all_with_creation_site")).isEqualTo(LeakDetection.ALL_WITH_CREATION_SITE);
    }

    @Test
    void unknownLevelNamesTheAcceptedValues() {
        assertThatThrownBy(() -> LeakDetection.parse("everything")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'everything'").hasMessageContaining("off, sampled, all, all_with_creation_site");
    }

    @Test
    void systemPropertyOverridesTheConfiguredLevel() {
        assertThat(LeakDetection.effective(LeakDetection.SAMPLED)).isEqualTo(LeakDetection.SAMPLED);
        System.setProperty(LeakDetection.PROPERTY, "all");
        assertThat(LeakDetection.effective(LeakDetection.SAMPLED)).isEqualTo(LeakDetection.ALL);
        System.setProperty(LeakDetection.PROPERTY, " ");
        assertThat(LeakDetection.effective(LeakDetection.OFF)).isEqualTo(LeakDetection.OFF);
    }
}
