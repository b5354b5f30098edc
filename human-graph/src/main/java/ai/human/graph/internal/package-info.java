/**
 * The graph executor's implementation: compiler, op table and kernels, static and dynamic plans, values. Everything
 * is package-private except {@link ai.human.graph.internal.ExecutableGraph}, which {@code ai.human.graph.GraphExecutor}
 * delegates to.
 */
package ai.human.graph.internal;
