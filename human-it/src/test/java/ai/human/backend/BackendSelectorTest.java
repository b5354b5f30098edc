package ai.human.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.reference.ReferenceBackend;
import ai.human.backend.reference.ReferenceBackendProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendSelectorTest {

    /** A provider for selection tests; {@code create} gives a reference backend. */
    private record FakeProvider(String name, Set<String> aliases, int priority, Availability availability)
            implements BackendProvider {
        @Override
        public Backend create(BackendOptions options) {
            return new ReferenceBackend();
        }
    }

    private static final FakeProvider TENSORFLOW =
            new FakeProvider("tensorflow", Set.of("tf"), 100, Availability.yes("native library loaded"));
    private static final FakeProvider DJL = new FakeProvider("djl", Set.of(), 50, Availability.yes("PyTorch 2.7.1 cpu"));
    private static final FakeProvider GPU =
            new FakeProvider("gpu", Set.of(), 200, Availability.no("no CUDA device found"));

    private static BackendSelector selector(List<BackendProvider> providers, Map<String, String> properties,
                                            Map<String, String> environment) {
        return new BackendSelector(providers, properties::get, environment::get);
    }

    private static BackendSelector selector(BackendProvider... providers) {
        return selector(List.of(providers), Map.of(), Map.of());
    }

    @Test
    void configNameWinsEvenOverAHigherPriority() {
        BackendSelection selection = selector(List.of(TENSORFLOW, DJL), Map.of(BackendSelector.PROPERTY, "tensorflow"),
                Map.of(BackendSelector.ENVIRONMENT, "tensorflow")).select("djl");
        assertThat(selection.provider()).isSameAs(DJL);
        assertThat(selection.reason()).isEqualTo("config backend='djl'");
    }

    @Test
    void anAliasSelectsItsProviderAnyCaseAndTrimmed() {
        BackendSelection selection = selector(TENSORFLOW, DJL).select("  TF ");
        assertThat(selection.provider()).isSameAs(TENSORFLOW);
        assertThat(selection.reason()).isEqualTo("config backend='TF'");
    }

    @Test
    void systemPropertyIsUsedWhenTheConfigNamesNone() {
        BackendSelector selector = selector(List.of(TENSORFLOW, DJL), Map.of(BackendSelector.PROPERTY, "djl"),
                Map.of(BackendSelector.ENVIRONMENT, "tensorflow"));
        for (String blank : new String[] {null, "", "   "}) {
            BackendSelection selection = selector.select(blank);
            assertThat(selection.provider()).isSameAs(DJL);
            assertThat(selection.reason()).isEqualTo("system property human.backend=djl");
        }
    }

    @Test
    void environmentIsUsedWhenNeitherConfigNorPropertyNameOne() {
        BackendSelection selection = selector(List.of(TENSORFLOW, DJL), Map.of(BackendSelector.PROPERTY, " "),
                Map.of(BackendSelector.ENVIRONMENT, "djl")).select(null);
        assertThat(selection.provider()).isSameAs(DJL);
        assertThat(selection.reason()).isEqualTo("environment HUMAN_BACKEND=djl");
    }

    @Test
    void withoutANameTheAvailableProviderWithTheHighestPriorityWins() {
        BackendSelection selection = selector(DJL, GPU, TENSORFLOW).select("");
        assertThat(selection.provider()).isSameAs(TENSORFLOW);
        assertThat(selection.reason()).isEqualTo("highest-priority available provider");
        assertThat(selection.found()).extracting(ProviderStatus::name).containsExactly("gpu", "tensorflow", "djl");
    }

    @Test
    void aNamedButUnavailableBackendFailsWithTheReasonAndTheProvidersFound() {
        assertThatThrownBy(() -> selector(TENSORFLOW, GPU).select("gpu")).isInstanceOf(BackendException.class)
                .hasMessageContaining("Backend 'gpu' (from config backend='gpu') is not available here: no CUDA device found")
                .hasMessageContaining("gpu (priority 200, unavailable: no CUDA device found)")
                .hasMessageContaining("tensorflow (priority 100, available: native library loaded)");
    }

    @Test
    void aNamedBackendThatIsMissingFailsListingTheProvidersFound() {
        assertThatThrownBy(() -> selector(List.of(DJL), Map.of(BackendSelector.PROPERTY, "tensorflow"), Map.of())
                .select(null)).isInstanceOf(BackendException.class)
                .hasMessageContaining("Backend 'tensorflow' (from system property human.backend=tensorflow) is not on the "
                        + "classpath")
                .hasMessageContaining("Providers found: djl (priority 50, available: PyTorch 2.7.1 cpu)");
    }

    @Test
    void noAvailableBackendFailsListingWhyEachIsUnavailable() {
        assertThatThrownBy(() -> selector(GPU).select(null)).isInstanceOf(BackendException.class)
                .hasMessageContaining("No Human backend is available")
                .hasMessageContaining("gpu (priority 200, unavailable: no CUDA device found)")
                .hasMessageContaining("human-backend-tf or human-backend-djl");
        assertThatThrownBy(() -> selector().select(null)).isInstanceOf(BackendException.class)
                .hasMessageContaining("Providers found: none");
    }

    @Test
    void aProviderWhoseAvailabilityCheckThrowsCountsAsUnavailable() {
        BackendProvider throwing = new BackendProvider() {
            @Override
            public String name() {
                return "throwing";
            }

            @Override
            public int priority() {
                return 300;
            }

            @Override
            public Availability availability() {
                throw new UnsatisfiedLinkError("libfoo.so not found");
            }

            @Override
            public Backend create(BackendOptions options) {
                throw new AssertionError("must not be created");
            }
        };
        BackendSelection selection = selector(throwing, DJL).select(null);
        assertThat(selection.provider()).isSameAs(DJL);
        assertThat(selection.found().get(0).availability().reason())
                .isEqualTo("availability check failed: java.lang.UnsatisfiedLinkError: libfoo.so not found");
    }

    @Test
    void theWinnerIsNamedInOneLogLine() {
        BackendSelector selector = selector(TENSORFLOW, DJL);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        BackendSelection selection;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            selection = selector.select("djl");
        } finally {
            System.setErr(original);
        }
        String line = "Human backend: djl (config backend='djl'; found: tensorflow (priority 100, available: native "
                + "library loaded), djl (priority 50, available: PyTorch 2.7.1 cpu))";
        assertThat(selection.logLine()).isEqualTo(line);
        assertThat(captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("Human backend:")))
                .singleElement().asString().contains("INFO").endsWith(line);
    }

    @Test
    void discoverFindsProvidersRegisteredWithTheServiceLoader(@TempDir Path dir) throws Exception {
        assertThat(BackendSelector.discover(getClass().getClassLoader())).extracting(BackendProvider::name)
                .as("human-backend-reference registers its provider").contains(ReferenceBackend.NAME)
                .doesNotContain(UnregisteredProvider.NAME);
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(BackendProvider.class.getName()), UnregisteredProvider.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            List<BackendProvider> found = BackendSelector.discover(loader);
            assertThat(found).extracting(BackendProvider::name).contains(UnregisteredProvider.NAME);
        }
    }

    /** A provider no jar registers; the test registers it in a service file of its own. */
    public static final class UnregisteredProvider implements BackendProvider {
        static final String NAME = "unregistered";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public int priority() {
            return -1;
        }

        @Override
        public Availability availability() {
            return Availability.yes("test provider");
        }

        @Override
        public Backend create(BackendOptions options) {
            return new ReferenceBackendProvider().create(options);
        }
    }
}
