package ai.human.backend.djl.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.reliability.FuzzContract;

/** Mutated images through Human on DJL: only HumanException, nothing leaked ({@code -Dhuman.fuzz.cases=N} for more). */
class DjlFuzzTest extends FuzzContract {
    @Override
    protected Backend createBackend() {
        return new DjlBackend(BackendOptions.defaults());
    }

    @Override
    protected int ciCases() {
        return 40;
    }
}
