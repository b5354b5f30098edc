package ai.human.backend.djl.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.reliability.LoadContract;

/**
 * 8 threads on one Human on DJL, and close() while detecting. CI runs 1 detect(s) per thread; issue 12's full size:
 * {@code -Dhuman.load.perThread=500}.
 */
class DjlLoadTest extends LoadContract {
    @Override
    protected Backend createBackend() {
        return new DjlBackend(BackendOptions.defaults());
    }

    @Override
    protected int ciDetectsPerThread() {
        return 1;
    }
}
