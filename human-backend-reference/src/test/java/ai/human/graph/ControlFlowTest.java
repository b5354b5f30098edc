package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelException;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TensorFlow 1 control flow and TensorLists on the dynamic schedule. */
class ControlFlowTest extends ExecutorTestSupport {

    /**
     * {@code i = 0; list = reserve(n); while (i < n) { list[i] = i * i; i = i + 1 }}, outputs {@code stack(list)} and
     * {@code i}; {@code n} enters the frame as a loop constant.
     */
    private static GraphModelDef squaresLoop() {
        return TestGraph.named("squares").input("n", DType.INT32)
                .ints("scalarShape", Shape.of(0)).scalar("zero", 0).scalar("one", 1)
                .op("list0", "TensorListReserve", "scalarShape", "n").dtype("element_dtype", DType.INT32).end()
                .op("enter_i", "Enter", "zero").s("frame_name", "loop").b("is_constant", false).end()
                .op("enter_list", "Enter", "list0").s("frame_name", "loop").end()
                .op("enter_n", "Enter", "n").s("frame_name", "loop").b("is_constant", true).end()
                .op("merge_i", "Merge", "enter_i", "next_i").i("N", 2).end()
                .op("merge_list", "Merge", "enter_list", "next_list").i("N", 2).end()
                .op("less", "Less", "merge_i", "enter_n").type("T", "DT_INT32").end()
                .op("cond", "LoopCond", "less").end()
                .op("switch_i", "Switch", "merge_i", "cond").end()
                .op("switch_list", "Switch", "merge_list", "cond").end()
                .op("exit_i", "Exit", "switch_i").end()
                .op("exit_list", "Exit", "switch_list").end()
                .op("body_i", "Identity", "switch_i:1").end()
                .op("square", "Mul", "body_i", "body_i").type("T", "DT_INT32").end()
                .op("set", "TensorListSetItem", "switch_list:1", "body_i", "square").dtype("element_dtype", DType.INT32)
                .end()
                .op("inc", "AddV2", "body_i", "one", "^body_i").type("T", "DT_INT32").end()
                .op("next_i", "NextIteration", "inc").end()
                .op("next_list", "NextIteration", "set").end()
                .op("squares", "TensorListStack", "exit_list", "scalarShape").dtype("element_dtype", DType.INT32)
                .i("num_elements", -1).end()
                .op("count", "Identity", "exit_i").end()
                .output("squares", DType.INT32).output("count", DType.INT32).build();
    }

    private Tensor scalar(int value) {
        return backend.fromInts(new int[] {value}, Shape.scalar());
    }

    @Test
    void aWhileLoopCountsToNAndFillsATensorList() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, squaresLoop())) {
            assertThat(executor.isDynamic()).isTrue();

            Map<String, Out> out = run(executor, Map.of("n", scalar(5)), null);

            assertThat(out.get("squares:0").values()).containsExactly(0, 1, 4, 9, 16);
            assertThat(out.get("count:0").values()).containsExactly(5);
        }
    }

    @Test
    void aLoopThatNeverRunsStacksAnEmptyList() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, squaresLoop())) {
            Map<String, Out> out = run(executor, Map.of("n", scalar(0)), null);

            assertThat(out.get("squares:0").dims()).containsExactly(0);
            assertThat(out.get("count:0").values()).containsExactly(0);
        }
    }

    @Test
    void aLoopRunsAgainWithOtherInputsOnTheSameModel() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, squaresLoop())) {
            for (int n : new int[] {3, 1, 7}) {
                Map<String, Out> out = run(executor, Map.of("n", scalar(n)), null);
                assertThat(out.get("count:0").values()).containsExactly(n);
                assertThat(out.get("squares:0").values()).hasSize(n);
            }
        }
    }

    /** {@code p ? x + 10 : x * 2} with Switch and Merge; the untaken branch is dead and never runs. */
    private static GraphModelDef condition() {
        return TestGraph.named("cond").input("x", DType.FLOAT32, 2).input("p", DType.BOOL)
                .floats("ten", Shape.scalar(), 10f).floats("two", Shape.scalar(), 2f)
                .op("sw", "Switch", "x", "p").end()
                .op("whenFalse", "Mul", "sw:0", "two").end()
                .op("whenTrue", "AddV2", "sw:1", "ten").end()
                .op("merge", "Merge", "whenFalse", "whenTrue").i("N", 2).end()
                .op("y", "Identity", "merge").end()
                .output("y").output("merge:1", DType.INT32).build();
    }

    @Test
    void switchAndMergeTakeOneBranch() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, condition())) {
            Tensor yes = backend.fromBytes(new byte[] {1}, Shape.scalar(), DType.BOOL);
            Tensor no = backend.fromBytes(new byte[] {0}, Shape.scalar(), DType.BOOL);

            Map<String, Out> taken = run(executor, Map.of("x", floats(new float[] {1, 2}, 2), "p", yes), null);
            Map<String, Out> notTaken = run(executor, Map.of("x", floats(new float[] {1, 2}, 2), "p", no), null);

            assertThat(taken.get("y:0").values()).containsExactly(11, 12);
            assertThat(taken.get("merge:1").values()).containsExactly(1);
            assertThat(notTaken.get("y:0").values()).containsExactly(2, 4);
            assertThat(notTaken.get("merge:1").values()).containsExactly(0);
        }
    }

    @Test
    void askingForADeadBranchFailsAndLeavesNothingBehind() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, condition())) {
            Tensor x = floats(new float[] {1, 2}, 2);
            Tensor yes = backend.fromBytes(new byte[] {1}, Shape.scalar(), DType.BOOL);
            long before = backend.memory().tensors();

            assertThatThrownBy(() -> executor.run(Map.of("x", x, "p", yes), List.of("whenFalse")))
                    .isInstanceOf(ModelException.class).hasMessageContaining("node 'whenFalse' (Mul)")
                    .hasMessageContaining("dead");
            assertThat(backend.memory().tensors()).isEqualTo(before);
        }
    }

    @Test
    void tensorListsFromATensorReadAndWriteItems() {
        GraphModelDef def = TestGraph.named("lists").input("x", DType.FLOAT32, 3, 2)
                .vector("shape", 2).scalar("one", 1).scalar("two", 2)
                .op("list", "TensorListFromTensor", "x", "shape").dtype("element_dtype", DType.FLOAT32).end()
                .op("item", "TensorListGetItem", "list", "one", "shape").dtype("element_dtype", DType.FLOAT32).end()
                .op("doubled", "AddV2", "item", "item").end()
                .op("updated", "TensorListSetItem", "list", "two", "doubled").dtype("element_dtype", DType.FLOAT32)
                .end()
                .op("stacked", "TensorListStack", "updated", "shape").dtype("element_dtype", DType.FLOAT32)
                .i("num_elements", 3).end()
                .output("item").output("stacked").build();

        Map<String, Out> out = run(def, Map.of("x", floats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2)));

        assertThat(out.get("item:0").dims()).containsExactly(2);
        assertThat(out.get("item:0").values()).containsExactly(3, 4);
        assertThat(out.get("stacked:0").dims()).containsExactly(3, 2);
        assertThat(out.get("stacked:0").values()).containsExactly(1, 2, 3, 4, 6, 8);
    }

    @Test
    void readingAnUnsetItemGivesZerosOfTheElementShape() {
        GraphModelDef def = TestGraph.named("unset").input("n", DType.INT32)
                .vector("shape", 2).scalar("zero", 0)
                .op("list", "TensorListReserve", "shape", "n").dtype("element_dtype", DType.FLOAT32).end()
                .op("item", "TensorListGetItem", "list", "zero", "shape").dtype("element_dtype", DType.FLOAT32).end()
                .output("item").build();

        Out item = runOne(def, Map.of("n", scalar(2)));

        assertThat(item.values()).containsExactly(0, 0);
    }
}
