package ai.human.backend.djl.full;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.testing.full.FullFidelityContract;

/** Body, hand, object and gesture results on DJL (models run by the generic executor) against Human 3.3.6's. */
class DjlFullFidelityTest extends FullFidelityContract {
    @Override
    protected Backend createBackend() {
        return new DjlBackend(BackendOptions.defaults());
    }
}
