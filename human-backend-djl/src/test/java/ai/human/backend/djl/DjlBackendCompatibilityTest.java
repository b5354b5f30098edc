package ai.human.backend.djl;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.Capability;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runs the Backend Compatibility Kit on the DJL backend: every rule group (tensor lifecycle, ops, Human's default
 * models through the generic graph executor, detection, concurrency) with the full workload, and DJL's own count of
 * the arrays its managers hold as the native count ({@code TL-15}, {@code NAT-01}).
 */
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
