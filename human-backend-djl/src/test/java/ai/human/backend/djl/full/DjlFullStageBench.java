package ai.human.backend.djl.full;

import ai.human.backend.BackendOptions;
import ai.human.backend.djl.DjlBackend;
import ai.human.testing.full.FullStageBench;

/**
 * Times the body, hand and object stages and their parts on DJL (see {@link FullStageBench}); argument: runs
 * (default 10). Needs {@code -Dai.djl.offline=true -DOPT_OUT_TRACKING=true} like every DJL program here.
 */
public final class DjlFullStageBench {
    private DjlFullStageBench() {
    }

    public static void main(String[] args) {
        try (DjlBackend backend = new DjlBackend(BackendOptions.defaults())) {
            FullStageBench.run(backend, args.length > 0 ? Integer.parseInt(args[0]) : 10);
        }
    }
}
