package ai.human.graph.internal;

/** Makes the {@link Kernel} of one node at load time, or rejects the node with {@link NodeContext#fail}. */
@FunctionalInterface
interface KernelFactory {
    Kernel create(NodeContext node);
}
