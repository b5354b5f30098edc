package ai.human.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.djl.internal.DjlPrivacy;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DjlPrivacyTest {

    @Test
    void setsOfflineAndTrackingOptOutWhenNobodyChose() {
        Properties properties = new Properties();

        assertThat(DjlPrivacy.apply(properties, Map.of())).containsExactly("ai.djl.offline", "OPT_OUT_TRACKING");
        assertThat(properties).containsEntry("ai.djl.offline", "true").containsEntry("OPT_OUT_TRACKING", "true");
    }

    @Test
    void keepsSystemPropertiesTheUserSet() {
        Properties properties = new Properties();
        properties.setProperty("ai.djl.offline", "false");
        properties.setProperty("OPT_OUT_TRACKING", "false");

        assertThat(DjlPrivacy.apply(properties, Map.of())).isEmpty();
        assertThat(properties).containsEntry("ai.djl.offline", "false").containsEntry("OPT_OUT_TRACKING", "false");
    }

    @Test
    void leavesPropertiesUnsetWhenTheUserChoseWithDjlsEnvironmentVariables() {
        Properties properties = new Properties();

        assertThat(DjlPrivacy.apply(properties, Map.of("DJL_OFFLINE", "false", "OPT_OUT_TRACKING", "false"))).isEmpty();
        assertThat(properties).doesNotContainKeys("ai.djl.offline", "OPT_OUT_TRACKING");
    }

    @Test
    void decidesEachSwitchOnItsOwn() {
        Properties properties = new Properties();
        properties.setProperty("ai.djl.offline", "false");

        assertThat(DjlPrivacy.apply(properties, Map.of())).containsExactly("OPT_OUT_TRACKING");
        assertThat(properties).containsEntry("ai.djl.offline", "false").containsEntry("OPT_OUT_TRACKING", "true");
    }

    @Test
    void theRunningJvmHasBothSwitchesOnOnceTheBackendClassIsLoaded() {
        new DjlBackendProvider().availability();

        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        assertThat(ai.djl.util.Utils.isOfflineMode()).isTrue();
    }
}
