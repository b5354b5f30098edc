package ai.human.backend.tf;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.Capability;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The compatibility kit on the TensorFlow backend: every rule group (tensor lifecycle, ops, Human's default models run
 * natively, detection, concurrency) with the full workload, and the engine's own count for the native cross-checks
 * ({@code TL-15}, {@code NAT-01}): live tensor handles plus the weight constants of open models, which together equal
 * {@code memory().tensors()} between calls.
 */
class TfBackendCompatibilityTest extends BackendCompatibilityKit {
    @Override
    protected Backend createBackend() {
        return new TfBackendProvider().create(BackendOptions.defaults());
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    protected OptionalLong engineLiveObjects(Backend backend) {
        TfBackend tf = (TfBackend) backend;
        return OptionalLong.of(tf.engineLiveHandles() + tf.engineModelConstants());
    }
}
