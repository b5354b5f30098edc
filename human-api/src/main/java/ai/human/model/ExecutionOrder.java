package ai.human.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders a graph's nodes so that every node comes after the nodes it takes data or control inputs
 * from. Among nodes that are ready at the same time, the one earlier in the JSON goes first, so the
 * order is deterministic.
 *
 * <p>TensorFlow 1 while-loops (handtrack) are cycles: {@code NextIteration} feeds the {@code Merge} at
 * the top of the loop. That edge is a back edge and is not an ordering constraint; any other cycle is
 * an error.
 */
final class ExecutionOrder {
    private static final Set<String> NEXT_ITERATION = Set.of("NextIteration", "RefNextIteration");
    private static final Set<String> MERGE = Set.of("Merge", "RefMerge");

    private ExecutionOrder() {
    }

    /** True when the edge {@code producer → consumer} closes a while-loop and must not order them. */
    public static boolean isBackEdge(GraphNode producer, GraphNode consumer) {
        return NEXT_ITERATION.contains(producer.op()) && MERGE.contains(consumer.op());
    }

    /**
     * Sorts {@code nodes} topologically.
     *
     * @param source the model file, for error messages
     * @throws ModelException when an input names no node or the graph has a cycle other than a while-loop
     */
    public static List<GraphNode> sort(List<GraphNode> nodes, String source) {
        int n = nodes.size();
        Map<String, Integer> indexByName = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            indexByName.put(nodes.get(i).name(), i);
        }
        List<List<Integer>> consumers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            consumers.add(new ArrayList<>(2));
        }
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            GraphNode node = nodes.get(i);
            for (String input : node.inputs()) {
                String producerName = TensorRef.parse(input).node();
                Integer producer = indexByName.get(producerName);
                if (producer == null) {
                    throw new ModelException(source + ": node '" + node.name() + "' (" + node.op() + ") takes input '"
                            + input + "', but the graph has no node '" + producerName + "'");
                }
                if (!isBackEdge(nodes.get(producer), node)) {
                    consumers.get(producer).add(i);
                    pending[i]++;
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<GraphNode> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            for (int consumer : consumers.get(i)) {
                if (--pending[consumer] == 0) {
                    ready.add(consumer);
                }
            }
        }
        if (order.size() < n) {
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < n && stuck.size() < 5; i++) {
                if (pending[i] > 0) {
                    stuck.add(nodes.get(i).name() + " (" + nodes.get(i).op() + ")");
                }
            }
            throw new ModelException(source + ": the graph has a cycle that is not a while-loop; "
                    + (n - order.size()) + " nodes cannot be ordered, among them " + stuck);
        }
        return List.copyOf(order);
    }
}
