package ai.human.tck.selftest;

import ai.human.backend.Backend;
import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.Capability;
import ai.human.testing.ReferenceBackend;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The kit against the pure-Java reference backend, subclassed from another package exactly as a backend module does:
 * every rule of every capability must pass.
 */
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
    protected OptionalLong engineLiveObjects(Backend backend) {
        return OptionalLong.of(((ReferenceBackend) backend).liveArrays());
    }
}
