package ai.human.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionOrderTest {

    private static GraphNode node(String name, String op, String... inputs) {
        return new GraphNode(name, op, "", List.of(inputs), Map.of(), "{}");
    }

    private static List<String> names(List<GraphNode> nodes) {
        return nodes.stream().map(GraphNode::name).toList();
    }

    @Test
    void consumersComeAfterProducersWhateverTheJsonOrder() {
        List<GraphNode> nodes = List.of(node("out", "Identity", "add"), node("add", "AddV2", "a:0", "b"),
                node("b", "Const"), node("a", "Placeholder"));
        assertThat(names(ExecutionOrder.sort(nodes, "m.json"))).containsExactly("b", "a", "add", "out");
    }

    @Test
    void controlInputsOrderNodesToo() {
        List<GraphNode> nodes = List.of(node("read", "Identity", "v", "^init"), node("v", "Const"), node("init", "NoOp"));
        assertThat(names(ExecutionOrder.sort(nodes, "m.json"))).containsExactly("v", "init", "read");
    }

    @Test
    void whileLoopBackEdgeFromNextIterationToMergeIsIgnored() {
        // i = 0; while (i < n) i = i + 1
        List<GraphNode> nodes = List.of(
                node("next", "NextIteration", "add"),
                node("merge", "Merge", "enter", "next"),
                node("enter", "Enter", "zero"),
                node("zero", "Const"),
                node("less", "Less", "merge", "n"),
                node("n", "Const"),
                node("cond", "LoopCond", "less"),
                node("switch", "Switch", "merge", "cond"),
                node("body", "Identity", "switch:1"),
                node("add", "AddV2", "body", "one"),
                node("one", "Const"),
                node("exit", "Exit", "switch"));
        List<String> order = names(ExecutionOrder.sort(nodes, "m.json"));
        assertThat(order).containsExactlyInAnyOrderElementsOf(names(nodes));
        assertThat(order.indexOf("merge")).isLessThan(order.indexOf("next"));
        assertThat(order.indexOf("add")).isLessThan(order.indexOf("next"));
        assertThat(order.indexOf("switch")).isLessThan(order.indexOf("exit"));
    }

    @Test
    void otherCyclesAreErrors() {
        List<GraphNode> nodes = List.of(node("a", "AddV2", "b"), node("b", "Identity", "a"), node("c", "Const"));
        assertThatThrownBy(() -> ExecutionOrder.sort(nodes, "m.json"))
                .isInstanceOf(ModelException.class)
                .hasMessage("m.json: the graph has a cycle that is not a while-loop; 2 nodes cannot be ordered, "
                        + "among them [a (AddV2), b (Identity)]");
    }

    @Test
    void missingProducerIsNamed() {
        List<GraphNode> nodes = List.of(node("a", "Identity", "ghost:3"));
        assertThatThrownBy(() -> ExecutionOrder.sort(nodes, "m.json"))
                .isInstanceOf(ModelException.class)
                .hasMessage("m.json: node 'a' (Identity) takes input 'ghost:3', but the graph has no node 'ghost'");
    }
}
