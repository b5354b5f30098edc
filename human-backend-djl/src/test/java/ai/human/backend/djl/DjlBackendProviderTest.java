package ai.human.backend.djl;

import ai.human.error.AlreadyClosedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.JniUtils;
import ai.human.backend.Backend;
import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendProvider;
import ai.human.config.LeakDetection;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DjlBackendProviderTest {

    @Test
    void isRegisteredForServiceLoaderUnderTheNameDjl() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(p -> {
                    assertThat(p).isInstanceOf(DjlBackendProvider.class);
                    assertThat(p.name()).isEqualTo("djl");
                    assertThat(p.priority()).isEqualTo(50);
                    assertThat(p.answersTo(" DJL ")).isTrue();
                });
    }

    @Test
    void reportsPyTorchAvailableWithItsVersion() {
        var availability = new DjlBackendProvider().availability();

        assertThat(availability.available()).as(availability.reason()).isTrue();
        assertThat(availability.reason()).contains("PyTorch 2.7.1");
    }

    @Test
    void createsABackendNamedDjl() {
        try (Backend backend = new DjlBackendProvider().create(BackendOptions.defaults())) {
            assertThat(backend).isInstanceOf(DjlBackend.class);
            assertThat(backend.name()).isEqualTo("djl");
            assertThat(backend.memory().tensors()).isZero();
        }
    }

    @Test
    void threadsOptionSetsPyTorchIntraOpThreadsAndDefaultIsOne() {
        try (DjlBackend two = new DjlBackend(options(Map.of("threads", "2")))) {
            assertThat(two.threads()).isEqualTo(2);
            assertThat(JniUtils.getNumThreads()).isEqualTo(2);
        }
        try (DjlBackend dflt = new DjlBackend(BackendOptions.defaults())) {
            assertThat(dflt.threads()).isEqualTo(DjlBackend.DEFAULT_THREADS).isEqualTo(1);
        }
    }

    @Test
    void keepsTheThreadCountTheUserGaveDjlWhenNoOptionIsSet() {
        System.setProperty("ai.djl.pytorch.num_threads", "2");
        try (DjlBackend two = new DjlBackend(options(Map.of("threads", "2")));
             DjlBackend inheriting = new DjlBackend(BackendOptions.defaults())) {
            assertThat(inheriting.threads()).isEqualTo(two.threads()).isEqualTo(2);
        } finally {
            System.clearProperty("ai.djl.pytorch.num_threads");
        }
        try (DjlBackend dflt = new DjlBackend(BackendOptions.defaults())) {
            assertThat(dflt.threads()).isEqualTo(1);
        }
    }

    @Test
    void rejectsAThreadCountBelowOne() {
        assertThatThrownBy(() -> new DjlBackend(options(Map.of("threads", "0"))))
                .isInstanceOf(BackendException.class).hasMessageContaining("threads=0");
        assertThatThrownBy(() -> new DjlBackend(options(Map.of("threads", "many"))))
                .isInstanceOf(BackendException.class).hasMessageContaining("threads='many'");
    }

    @Test
    void allocatorWarmupRunsOnceByDefaultLeavesNothingCountedAndRejectsNonBooleans() {
        try (DjlBackend backend = new DjlBackend(options(Map.of()))) {
            assertThat(ai.human.backend.djl.internal.AllocatorWarmup.done()).isTrue();
            assertThat(backend.engineLiveArrays()).isZero();
            assertThat(backend.memory().tensors()).isZero();
        }
        try (DjlBackend backend = new DjlBackend(options(Map.of("allocatorWarmup", "false")))) {
            assertThat(backend.memory().tensors()).isZero();
        }
        assertThatThrownBy(() -> new DjlBackend(options(Map.of("allocatorWarmup", "yes"))))
                .isInstanceOf(BackendException.class).hasMessageContaining("allocatorWarmup=yes");
    }

    @Test
    void ignoresOptionsItDoesNotKnow() {
        try (DjlBackend backend = new DjlBackend(options(Map.of("precision", "fp16")))) {
            assertThat(backend.memory().tensors()).isZero();
        }
    }

    @Test
    void refusesOpsAfterClose() {
        DjlBackend backend = new DjlBackend(BackendOptions.defaults());
        backend.close();

        assertThatThrownBy(() -> backend.fromFloats(new float[] {1}, ai.human.tensor.Shape.of(1)))
                .isInstanceOf(AlreadyClosedException.class).hasMessageContaining("closed");
        assertThatThrownBy(backend::scope).isInstanceOf(AlreadyClosedException.class);
        backend.close();
        assertThat(backend.engineLiveArrays()).isZero();
    }

    private static BackendOptions options(Map<String, String> properties) {
        return new BackendOptions(LeakDetection.OFF, properties);
    }
}
