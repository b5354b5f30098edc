package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelException;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantFoldingTest extends ExecutorTestSupport {

    @Test
    void subgraphsOfConstantsRunOnceAtLoad() {
        GraphModelDef def = TestGraph.named("fold").input("x", DType.FLOAT32, 2)
                .floats("a", Shape.of(2), 1, 2).floats("b", Shape.of(2), 10, 20)
                .op("ab", "Mul", "a", "b").end()
                .op("c", "Sub", "ab", "a").end()
                .op("y", "AddV2", "x", "c").end()
                .output("y").build();

        try (GraphExecutor executor = GraphExecutor.compile(backend, def)) {
            assertThat(executor.foldedNodeCount()).isEqualTo(2);
            assertThat(executor.weightCount()).as("only the folded result is on the backend").isEqualTo(1);
            assertThat(executor.weightBytes()).isEqualTo(8);

            Map<String, Out> out = run(executor, Map.of("x", floats(new float[] {100, 200}, 2)), null);

            assertThat(out.get("y:0").values()).containsExactly(109, 238);
        }
    }

    @Test
    void aFoldedOutputIsHandedOutAsANewTensor() {
        GraphModelDef def = TestGraph.named("constOut").input("x", DType.FLOAT32, 2)
                .floats("a", Shape.of(2), 1, 2)
                .op("twice", "AddV2", "a", "a").end()
                .op("y", "Relu", "x").end()
                .output("twice").output("y").build();

        Map<String, Out> out = run(def, Map.of("x", floats(new float[] {-1, 1}, 2)));

        assertThat(out.get("twice:0").values()).containsExactly(2, 4);
        assertThat(out.get("y:0").values()).containsExactly(0, 1);
    }

    @Test
    void aSubgraphThatCannotBeComputedFailsAtLoad() {
        GraphModelDef def = TestGraph.named("badFold").input("x", DType.FLOAT32, 2)
                .floats("a", Shape.of(4), 1, 2, 3, 4).vector("shape", 3)
                .op("r", "Reshape", "a", "shape").end()
                .op("y", "AddV2", "x", "r").end()
                .output("y").build();

        assertThatThrownBy(() -> GraphExecutor.compile(backend, def)).isInstanceOf(ModelException.class)
                .hasMessageContaining("node 'r' (Reshape)").hasMessageContaining("folding")
                .hasMessageContaining("cannot reshape");
        assertThat(backend.memory().tensors()).isZero();
    }
}
