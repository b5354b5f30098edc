/**
 * The generic graph executor: runs TensorFlow.js graph models ({@link ai.human.model.GraphModelDef}) on any
 * {@link ai.human.backend.Backend} through the backend's ops. The one entry point is
 * {@link ai.human.graph.GraphExecutor}; a backend that cannot run graphs natively calls it from its
 * {@code loadModel}.
 *
 * <pre>{@code
 * try (GraphExecutor model = GraphExecutor.compile(backend, new ModelLoader().load(basePath, "emotion.json"))) {
 *     Map<String, Tensor> outputs = model.run(Map.of("input_1", face));
 * }
 * }</pre>
 *
 * <p>How it works (in {@code ai.human.graph.internal}):
 * <ul>
 *   <li><b>Load</b> ({@code GraphCompiler}): every node's op is looked up in the op table ({@code Ops}) and its
 *       {@code KernelFactory} makes a {@code Kernel} with attributes resolved; unknown ops and unsupported attribute
 *       values fail here. Nodes whose inputs are all constant are run once and become constants. Weights become
 *       backend tensors once, convolution filters through {@code Backend.weight} with their use.</li>
 *   <li><b>Schedule</b> ({@code Plan}): for a set of outputs, the needed nodes and how many readers each value has.
 *       Graphs without control flow get a {@code StaticPlan} (an array pass in execution order); graphs with TensorFlow 1
 *       while-loops a {@code DynamicPlan} (a dataflow executor with frames, iterations and dead values).</li>
 *   <li><b>Values</b>: {@code TensorValue}s are backend tensors or Java arrays; small int32 shape arithmetic stays in
 *       Java and reaches the backend only when an op needs a tensor. Run-owned values are reference-counted and freed
 *       after their last reader; each run has its own {@code TensorScope}, so a failing run leaves nothing behind.</li>
 * </ul>
 */
package ai.human.graph;
