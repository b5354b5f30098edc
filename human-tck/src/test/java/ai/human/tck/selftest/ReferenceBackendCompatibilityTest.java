package ai.human.tck.selftest;

import ai.human.backend.Backend;
import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.Capability;
import ai.human.tck.Workload;
import ai.human.backend.reference.ReferenceBackend;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit against the pure-Java reference backend, subclassed from another package exactly as a backend module does:
 * every rule of every capability must pass. The reference backend is slow on Human's bigger models, so the model,
 * detection and concurrency rules run with a reduced workload ({@link BrokenKits#SMALL}: liveness, and the face
 * detector in detection).
 * {@link KitCatchesBrokenBackendsTest#referenceBackendPassesEveryRuleOfEveryNestedGroup} runs it (and checks that
 * nothing fails or is skipped), so a plain test run does not run it a second time.
 */
@ExtendWith(SelfTestOnly.class)
class ReferenceBackendCompatibilityTest extends BackendCompatibilityKit {
    @Override
    protected Backend createBackend() {
        return new ReferenceBackend();
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    protected Workload workload() {
        return BrokenKits.SMALL;
    }

    @Override
    protected OptionalLong engineLiveObjects(Backend backend) {
        return OptionalLong.of(((ReferenceBackend) backend).liveArrays());
    }
}
