package ai.human.backend;

/** Reductions over axes. */
public enum ReduceOp {
    MEAN, SUM, MAX
}
