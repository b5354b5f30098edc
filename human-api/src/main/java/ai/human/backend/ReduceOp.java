package ai.human.backend;

/** Reductions over axes. */
public enum ReduceOp {
    /** The mean. */
    MEAN,
    /** The sum. */
    SUM,
    /** The largest value. */
    MAX
}
