package ai.human.it;

import static ai.human.it.ChildJvm.Backends.BOTH;
import static ai.human.it.ChildJvm.Backends.DJL;
import static ai.human.it.ChildJvm.Backends.NEITHER;
import static ai.human.it.ChildJvm.Backends.TENSORFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import ai.human.it.ChildJvm.Backends;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backend is chosen by what is on the classpath, as a user gets it: each test runs {@link SelectionProbe} in a
 * child JVM whose classpath holds the TensorFlow backend, the DJL backend, both or neither (each with the
 * dependencies Maven resolved for it), and no Guice.
 */
class BackendByClasspathTest {
    private static final String LOG = "Human backend: ";
    private static final String TF_FOUND = "tensorflow (priority 100, available: ";
    private static final String DJL_FOUND = "djl (priority 50, available: ";

    private static ChildJvm.Run probe(Backends backends, String... args) {
        return ChildJvm.probe(backends, List.of(args), Map.of(), Map.of());
    }

    /** The one log line naming the winner; fails unless there is exactly one. */
    private static String logLine(ChildJvm.Run run) {
        List<String> lines = run.errLines(LOG);
        assertThat(lines).as(run.toString()).hasSize(1);
        String line = lines.get(0);
        return line.substring(line.indexOf(LOG));
    }

    @Test
    void classpathsHoldExactlyTheRequestedBackendsAndNeverGuice() {
        assertThat(ChildJvm.classpath(TENSORFLOW)).anyMatch(e -> e.contains("human-backend-tf"))
                .noneMatch(e -> e.contains("human-backend-djl") || e.contains("/ai/djl/"));
        assertThat(ChildJvm.classpath(DJL)).anyMatch(e -> e.contains("human-backend-djl"))
                .noneMatch(e -> e.contains("human-backend-tf") || e.contains("/org/tensorflow/"));
        assertThat(ChildJvm.classpath(NEITHER)).anyMatch(e -> e.contains("human-api"))
                .noneMatch(e -> e.contains("human-backend"));
        assertThat(ChildJvm.classpath(BOTH)).anyMatch(e -> e.contains("human-backend-tf"))
                .anyMatch(e -> e.contains("human-backend-djl"));
        for (Backends backends : Backends.values()) {
            assertThat(ChildJvm.classpath(backends)).as(backends.name())
                    .noneMatch(e -> e.contains("guice") || e.contains("jakarta.inject"));
        }
    }

    @Test
    void tensorflowAloneIsChosenAndDetectsWithoutGuice() {
        ChildJvm.Run run = probe(TENSORFLOW, "--detect");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.value("guice")).isEqualTo("absent");
        assertThat(run.value("backend")).isEqualTo("tensorflow");
        assertThat(Integer.parseInt(run.value("faces"))).isPositive();
        assertThat(run.value("tensorsBesideModels")).isEqualTo("0");
        assertThat(logLine(run)).startsWith(LOG + "tensorflow (highest-priority available provider; found: " + TF_FOUND)
                .doesNotContain("djl");
    }

    @Test
    void djlAloneIsChosenAndDetectsWithoutGuice() {
        ChildJvm.Run run = probe(DJL, "--detect");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.value("guice")).isEqualTo("absent");
        assertThat(run.value("backend")).isEqualTo("djl");
        assertThat(Integer.parseInt(run.value("faces"))).isPositive();
        assertThat(run.value("tensorsBesideModels")).isEqualTo("0");
        assertThat(logLine(run)).startsWith(LOG + "djl (highest-priority available provider; found: " + DJL_FOUND)
                .doesNotContain("tensorflow");
    }

    @Test
    void withBothTheHigherPriorityTensorflowIsChosenAndBothAreListed() {
        ChildJvm.Run run = probe(BOTH);

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.value("backend")).isEqualTo("tensorflow");
        assertThat(logLine(run)).startsWith(LOG + "tensorflow (highest-priority available provider; found: " + TF_FOUND)
                .contains("), " + DJL_FOUND);
    }

    @Test
    void theConfigsBackendOverridesThePriority() {
        ChildJvm.Run run = probe(BOTH, "--backend", "djl");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.value("backend")).isEqualTo("djl");
        assertThat(logLine(run)).startsWith(LOG + "djl (config backend='djl'; found: " + TF_FOUND);
    }

    @Test
    void theSystemPropertyOverridesThePriority() {
        ChildJvm.Run run = ChildJvm.probe(BOTH, List.of(), Map.of("human.backend", "djl"), Map.of());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.value("backend")).isEqualTo("djl");
        assertThat(logLine(run)).startsWith(LOG + "djl (system property human.backend=djl; found: ");
    }

    @Test
    void theEnvironmentVariableOverridesThePriority() {
        ChildJvm.Run run = ChildJvm.probe(BOTH, List.of(), Map.of(), Map.of("HUMAN_BACKEND", "djl"));

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.value("backend")).isEqualTo("djl");
        assertThat(logLine(run)).startsWith(LOG + "djl (environment HUMAN_BACKEND=djl; found: ");
    }

    @Test
    void theConfigBeatsThePropertyWhichBeatsTheEnvironment() {
        ChildJvm.Run config = ChildJvm.probe(BOTH, List.of("--backend", "tf"), Map.of("human.backend", "djl"),
                Map.of("HUMAN_BACKEND", "djl"));
        ChildJvm.Run property = ChildJvm.probe(BOTH, List.of(), Map.of("human.backend", "tf"),
                Map.of("HUMAN_BACKEND", "djl"));

        assertThat(config.value("backend")).as(config.toString()).isEqualTo("tensorflow");
        assertThat(logLine(config)).startsWith(LOG + "tensorflow (config backend='tf'; ");
        assertThat(property.value("backend")).as(property.toString()).isEqualTo("tensorflow");
        assertThat(logLine(property)).startsWith(LOG + "tensorflow (system property human.backend=tf; ");
    }

    @Test
    void withNoBackendTheErrorSaysNoneWasFoundAndWhatToAdd() {
        ChildJvm.Run run = probe(NEITHER);

        assertThat(run.code()).as(run.toString()).isEqualTo(SelectionProbe.FAILED);
        assertThat(run.value("backend")).isNull();
        assertThat(run.errLines(LOG)).isEmpty();
        assertThat(run.errLines("error=")).containsExactly("error=No Human backend is available. Providers found: none."
                + " Put human-backend-tf or human-backend-djl (with its native libraries) on the classpath.");
    }

    @Test
    void aBackendNamedInTheEnvironmentButMissingIsAnErrorListingWhatWasFound() {
        ChildJvm.Run run = ChildJvm.probe(TENSORFLOW, List.of(), Map.of(), Map.of("HUMAN_BACKEND", "djl"));

        assertThat(run.code()).as(run.toString()).isEqualTo(SelectionProbe.FAILED);
        assertThat(run.errLines(LOG)).isEmpty();
        assertThat(run.errLines("error=")).singleElement().asString()
                .startsWith("error=Backend 'djl' (from environment HUMAN_BACKEND=djl) is not on the classpath."
                        + " Providers found: " + TF_FOUND)
                .doesNotContain(DJL_FOUND);
    }

    @Test
    void aBackendNamedInTheConfigButMissingIsAnErrorListingWhatWasFound() {
        ChildJvm.Run run = probe(DJL, "--backend", "tensorflow");

        assertThat(run.code()).as(run.toString()).isEqualTo(SelectionProbe.FAILED);
        assertThat(run.errLines("error=")).singleElement().asString()
                .startsWith("error=Backend 'tensorflow' (from config backend='tensorflow') is not on the classpath."
                        + " Providers found: " + DJL_FOUND);
    }
}
