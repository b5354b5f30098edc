package ai.human.tck;

import ai.human.backend.Backend;
import ai.human.testing.ReferenceBackend;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/** The kit against the pure-Java reference backend: every rule of every capability must pass. */
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
