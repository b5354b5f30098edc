package ai.human.backend.tf.internal.graph;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * How a model's session is configured, chosen by measurement on Human's eleven models (2-core machine, one intra-op
 * thread):
 *
 * <ul>
 *   <li>Grappler runs only its remapper (op fusion, oneDNN's included): the same steady-state times as Grappler's
 *       default pipeline on every model, with about 40% less time in the first run, where Grappler works (the other
 *       passes found nothing worth their cost in these graphs).</li>
 *   <li>Without the remapper Grappler is off entirely. The remapper is worth keeping where it is safe: handlandmark
 *       3.5 vs 5.3 ms, handtrack 17.6 vs 20.2, faceres 11.2 vs 13.4, movenet 6.3 vs 7.1.</li>
 *   <li>One inter-op thread means none: the ops run in the thread that calls {@code run}, with no hand-over to a
 *       pool and no idle pool thread per loaded model (a pool of one thread measured the same within this machine's
 *       noise, and 0.03 ms slower on the smallest model).</li>
 * </ul>
 *
 * <pre>{@code
 * ConfigProto config = new SessionConfig(1, 1, true).toProto(); // one thread, ops in the caller's, remapper on
 * }</pre>
 *
 * @param intraOpThreads threads one op may use (0: TensorFlow's default)
 * @param interOpThreads threads running independent ops; 1 runs every op in the caller's thread
 * @param remapper       whether Grappler's remapper runs on the graph
 */
public record SessionConfig(int intraOpThreads, int interOpThreads, boolean remapper) {

    /** The {@code ConfigProto} of this configuration. */
    public ConfigProto toProto() {
        RewriterConfig.Builder rewrites = RewriterConfig.newBuilder();
        if (remapper) {
            rewrites.addOptimizers("remap");
        } else {
            rewrites.setDisableMetaOptimizer(true);
        }
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                // negative: TensorFlow runs the ops in the thread that calls run, with no inter-op pool
                .setInterOpParallelismThreads(interOpThreads == 1 ? -1 : interOpThreads)
                .setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(rewrites))
                .build();
    }
}
