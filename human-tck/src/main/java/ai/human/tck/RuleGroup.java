package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.backend.Backend;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every rule group: a fresh backend per test, the capability gate, and helpers to check results with the
 * rule's ID in every message. Op groups also check after each test that nothing was left behind ({@code OP-GEN-01})
 * and, with {@link Capability#NATIVE_COUNT}, that the engine's own count is still in step ({@code NAT-01}).
 */
@ExtendWith(RuleIdInFailures.class)
abstract class RuleGroup {
    static final String NOTHING_LEFT_BEHIND = "OP-GEN-01";

    final BackendCompatibilityKit kit;
    private final Capability required;
    private final boolean checkLeftovers;
    Backend backend;
    private MemoryInfo baseline;
    private EngineCrossCheck engine;

    /**
     * @param required       capability the group's rules need, or {@code null} when they always run
     * @param checkLeftovers whether to check after each test that the live tensors are back to the baseline
     */
    RuleGroup(BackendCompatibilityKit kit, Capability required, boolean checkLeftovers) {
        this.kit = kit;
        this.required = required;
        this.checkLeftovers = checkLeftovers;
    }

    @BeforeEach
    final void openBackend(TestInfo test) {
        if (required != null) {
            assumeClaimed(required, test);
        }
        backend = kit.createBackend();
        assertThat(backend).as("[TCK] createBackend() returned null").isNotNull();
        baseline = backend.memory();
        // a claimed count without the hook is reported once, by TL-15 and NAT-01's own test, not by every op test
        if (checkLeftovers && kit.claims(Capability.NATIVE_COUNT) && kit.engineLiveObjects(backend).isPresent()) {
            engine = EngineCrossCheck.start(kit, backend);
        }
    }

    @AfterEach
    final void closeBackend(TestInfo test) {
        if (backend == null) {
            return;
        }
        try {
            if (checkLeftovers) {
                MemoryInfo now = backend.memory();
                assertThat(now.tensors())
                        .as("[%s] after '%s' closed every input and output it made, %d tensor(s) (%d bytes) are still "
                                + "alive on top of the %d before it (now %s). Hint: an op leaked an intermediate; close or "
                                + "scope every temporary tensor inside the op", NOTHING_LEFT_BEHIND, test.getDisplayName(),
                                now.tensors() - baseline.tensors(), now.bytes() - baseline.bytes(), baseline.tensors(), now)
                        .isEqualTo(baseline.tensors());
                if (engine != null) {
                    engine.expectInStep("after '" + test.getDisplayName() + "' closed every tensor it made,");
                }
            }
        } finally {
            backend.close();
            backend = null;
            engine = null;
        }
    }

    /** Skips the current test, with the reason, unless the backend claims {@code capability}. */
    final void assumeClaimed(Capability capability, TestInfo test) {
        Assumptions.assumeTrue(kit.claims(capability), () -> "[" + test.getDisplayName() + "] skipped: the backend does "
                + "not claim Capability." + capability + " (" + capability.description() + ")");
    }

    /** The test's own tensors: inputs it creates and results it receives, all closed at the end. */
    final TestTensors tensors() {
        return new TestTensors(backend);
    }

    /** Checks on {@code tensor} whose failures name {@code rule} and what was computed. */
    final TensorCheck check(String rule, String what, String hint, Tensor tensor) {
        return new TensorCheck(rule, what, hint, kit.tolerance(), tensor);
    }
}
