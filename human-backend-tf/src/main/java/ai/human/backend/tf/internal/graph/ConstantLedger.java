package ai.human.backend.tf.internal.graph;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine-side count of the model weights that live as {@code Const} nodes in TensorFlow graphs of one backend:
 * how many, and their bytes as TensorFlow itself sizes them (its element size times the element count of the
 * shape it inferred for the node), independently of the framework's tracker.
 *
 * <pre>{@code
 * ConstantLedger ledger = new ConstantLedger(); // one per backend, shared by its models
 * ledger.count();                               // weight constants of open models
 * }</pre>
 */
public final class ConstantLedger {
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    void add(long constantBytes) {
        count.incrementAndGet();
        bytes.addAndGet(constantBytes);
    }

    void remove(long constantBytes) {
        count.decrementAndGet();
        bytes.addAndGet(-constantBytes);
    }

    /** Weight constants of open models. */
    public long count() {
        return count.get();
    }

    /** Their bytes, as TensorFlow sizes them. */
    public long bytes() {
        return bytes.get();
    }
}
