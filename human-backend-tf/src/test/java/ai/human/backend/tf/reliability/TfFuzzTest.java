package ai.human.backend.tf.reliability;

import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.reliability.FuzzContract;

/** Mutated images through Human on TensorFlow: only HumanException, nothing leaked ({@code -Dhuman.fuzz.cases=N} for more). */
class TfFuzzTest extends FuzzContract {
    @Override
    protected Backend createBackend() {
        return new TfBackend(BackendOptions.defaults());
    }

    @Override
    protected int ciCases() {
        return 300;
    }
}
