package ai.human.graph.internal;

/**
 * One node's computation, made once at load by its op's {@link KernelFactory} with attributes and constant inputs
 * already resolved. Runs on any thread: a kernel holds no per-run state.
 */
@FunctionalInterface
interface Kernel {
    /**
     * @param in the node's data inputs (for {@code Merge}, absent ones are {@code null}); never consumed
     * @return the node's outputs; a returned input is an alias (the executor counts references), a {@code null} output
     *         is dead (only {@code Switch} makes them)
     */
    Value[] run(Exec exec, Value[] in);

    /** A kernel with one output. */
    @FunctionalInterface
    interface Single {
        Value run(Exec exec, Value[] in);
    }

    static Kernel of(Single single) {
        return (exec, in) -> new Value[] {single.run(exec, in)};
    }
}
