package ai.human.backend.djl;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.Capability;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/** Runs the Backend Compatibility Kit on the DJL backend, with DJL's own array count as the native count. */
class DjlBackendCompatibilityTest extends BackendCompatibilityKit {

    @Override
    protected Backend createBackend() {
        return new DjlBackendProvider().create(BackendOptions.defaults());
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    protected OptionalLong engineLiveObjects(Backend backend) {
        return OptionalLong.of(((DjlBackend) backend).engineLiveArrays());
    }
}
