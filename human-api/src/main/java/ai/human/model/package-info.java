/**
 * Loading TensorFlow.js graph models ({@code model.json} plus weight shards) into plain Java values.
 *
 * <p>{@link ai.human.model.ModelLoader} reads a model from {@code classpath:}, {@code file:} or
 * {@code http(s):} locations and returns a {@link ai.human.model.GraphModelDef}: the graph's nodes
 * with their attributes, an execution order, the signature's inputs and outputs, and the decoded
 * weights as Java arrays. Nothing here creates tensors; a backend turns the definition into a runnable
 * model.
 *
 * <pre>{@code
 * GraphModelDef blazeface = new ModelLoader().load(null, "blazeface.json"); // from the human-models jar
 * for (GraphNode node : blazeface.executionOrder()) {
 *     WeightData w = blazeface.weights().get(node.name()); // null unless node is a Const
 * }
 * }</pre>
 */
package ai.human.model;
