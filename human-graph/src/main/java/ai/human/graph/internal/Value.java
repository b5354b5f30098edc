package ai.human.graph.internal;

/**
 * What flows along a graph edge during one run: a tensor ({@link TensorValue}) or a TensorList ({@link ListValue}).
 *
 * <p>Run-owned values are reference-counted: the producer's store adds one reference per consumer edge, each consumer
 * releases one after it ran, and the value frees itself at zero. Borrowed values (the caller's inputs, the model's
 * constants) are never counted or freed, and are never mutated, so runs on several threads can share them.
 */
abstract sealed class Value permits TensorValue, ListValue {
    final boolean borrowed;
    private int refs;
    private boolean freed;

    Value(boolean borrowed) {
        this.borrowed = borrowed;
    }

    /** Adds {@code n} references (one per consumer edge about to read this value). */
    final void retain(int n) {
        if (!borrowed) {
            refs += n;
        }
    }

    /** Drops one reference; frees the value when none is left. */
    final void release() {
        if (!borrowed && --refs <= 0) {
            free();
        }
    }

    /** Frees a run-owned value that nobody references (a fresh output no node consumes). */
    final void freeIfUnreferenced() {
        if (!borrowed && refs <= 0) {
            free();
        }
    }

    final boolean isFreed() {
        return freed;
    }

    private void free() {
        if (!freed) {
            freed = true;
            onFree();
        }
    }

    /** Releases what the value holds; called once. */
    abstract void onFree();

    /** Short description for error messages. */
    abstract String describe();
}
