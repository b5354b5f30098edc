package ai.human.backend.tf.full;

import ai.human.backend.BackendOptions;
import ai.human.backend.tf.TfBackend;
import ai.human.testing.full.FullStageBench;

/**
 * Times the body, hand and object stages and their parts on TensorFlow (see {@link FullStageBench}); argument: runs
 * (default 10). Run as the module README shows for its other benchmarks.
 */
public final class TfFullStageBench {
    private TfFullStageBench() {
    }

    public static void main(String[] args) {
        try (TfBackend backend = new TfBackend(BackendOptions.defaults())) {
            FullStageBench.run(backend, args.length > 0 ? Integer.parseInt(args[0]) : 10);
        }
    }
}
