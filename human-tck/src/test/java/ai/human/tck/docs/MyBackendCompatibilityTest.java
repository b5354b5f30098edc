package ai.human.tck.docs;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.Capability;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Disabled; // not in the doc

/** Runs the Backend Compatibility Kit on MyBackend: every rule group, with the contract's full workload. */
@Disabled("compiled for docs/running-the-tck.md, not run here") // not in the doc
class MyBackendCompatibilityTest extends BackendCompatibilityKit {

    @Override
    protected Backend createBackend() { // a fresh backend for each test; the kit closes it
        return new MyBackendProvider().create(BackendOptions.defaults());
    }

    @Override
    protected Set<Capability> capabilities() { // the rules of a capability not claimed are skipped, with the reason
        return EnumSet.allOf(Capability.class);
    }

    @Override
    protected OptionalLong engineLiveObjects(Backend backend) { // needed with Capability.NATIVE_COUNT only
        return OptionalLong.of(((MyBackend) backend).liveNativeObjects());
    }
}
