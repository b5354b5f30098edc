package ai.human.backend.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.Backend;
import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendProvider;
import ai.human.backend.BackendSelection;
import ai.human.backend.BackendSelector;
import ai.human.config.LeakDetection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TfBackendProviderTest {
    private final TfBackendProvider provider = new TfBackendProvider();

    @Test
    void isRegisteredForServiceLoader() {
        List<BackendProvider> found = BackendSelector.discover(getClass().getClassLoader());

        assertThat(found).anyMatch(p -> p instanceof TfBackendProvider);
    }

    @Test
    void answersToTensorflowAndTfInAnyCase() {
        assertThat(provider.name()).isEqualTo("tensorflow");
        assertThat(provider.aliases()).containsExactly("tf");
        assertThat(provider.answersTo(" TF ")).isTrue();
        assertThat(provider.answersTo("TensorFlow")).isTrue();
        assertThat(provider.answersTo("djl")).isFalse();
    }

    @Test
    void isTheDefaultWhenNothingIsNamed() {
        BackendSelection selection = new BackendSelector(List.of(provider), key -> null, key -> null).select(null);

        assertThat(provider.priority()).isEqualTo(100);
        assertThat(selection.provider()).isSameAs(provider);
    }

    @Test
    void reportsTheLoadedTensorFlowVersion() {
        assertThat(provider.availability().available()).isTrue();
        assertThat(provider.availability().reason()).contains("TensorFlow 2.18");
    }

    @Test
    void createsABackendConfiguredByItsOptions() {
        BackendOptions options = new BackendOptions(LeakDetection.OFF,
                Map.of("threads", "2", "interOpThreads", "3", "unknownKey", "ignored"));
        try (Backend backend = provider.create(options)) {
            assertThat(backend).isInstanceOf(TfBackend.class);
            assertThat(backend.name()).isEqualTo("tensorflow");
            assertThat(((TfBackend) backend).threads()).isEqualTo(2);
            assertThat(((TfBackend) backend).interOpThreads()).isEqualTo(3);
        }
    }

    @Test
    void usesTheMeasuredThreadDefaults() {
        try (TfBackend backend = new TfBackend(BackendOptions.defaults())) {
            assertThat(backend.threads()).isEqualTo(TfBackend.DEFAULT_THREADS);
            assertThat(backend.interOpThreads()).isEqualTo(TfBackend.DEFAULT_INTER_OP_THREADS);
        }
    }

    @Test
    void rejectsMalformedOptionsNamingTheKey() {
        assertThatThrownBy(() -> provider.create(options("threads", "two")))
                .isInstanceOf(BackendException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> provider.create(options("interOpThreads", "-1")))
                .isInstanceOf(BackendException.class).hasMessageContaining("interOpThreads");
        assertThatThrownBy(() -> provider.create(options("nativeFusion", "maybe")))
                .isInstanceOf(BackendException.class).hasMessageContaining("nativeFusion");
    }

    private static BackendOptions options(String key, String value) {
        return new BackendOptions(LeakDetection.OFF, Map.of(key, value));
    }
}
