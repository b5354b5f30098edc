package ai.human.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.error.AlreadyClosedException;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.tensor.DType;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.backend.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ownership, inputs, failures and threads: what every run of a loaded model promises. */
class RunContractTest extends ExecutorTestSupport {
    private static final float[] W = {0.5f, -1f, 2f, 0.25f, 1f, 1f, -0.5f, 3f, 0f, 1f, 0.1f, -2f};

    /** y = relu(conv1x1(x, w) + b), shape [1, 2, 2, 3] from x [1, 2, 2, 4]. */
    private static GraphModelDef conv() {
        return TestGraph.named("conv").input("x", DType.FLOAT32, -1, 2, 2, 4)
                .floats("w", Shape.of(1, 1, 4, 3), W).floats("b", Shape.of(3), 0.5f, -0.5f, 1f)
                .op("y", "_FusedConv2D", "x", "w", "b").strings("fused_ops", "BiasAdd", "Relu").i("num_args", 1)
                .ints("strides", 1, 1, 1, 1).s("padding", "VALID").end()
                .output("y").build();
    }

    private Tensor input(float offset) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.25f - offset;
        }
        return floats(v, 1, 2, 2, 4);
    }

    @Test
    void weightsAreOwnedByTheModelAndCountedExactly() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, conv())) {
            assertThat(backend.memory().of(Owner.MODEL).tensors()).isEqualTo(executor.weightCount()).isEqualTo(2);
            assertThat(backend.memory().of(Owner.MODEL).bytes()).isEqualTo(executor.weightBytes()).isEqualTo(60);
        }
    }

    @Test
    void closingTheModelReleasesItsWeightsAndACloseTwiceIsHarmless() {
        long before = backend.memory().tensors();
        GraphExecutor executor = GraphExecutor.compile(backend, conv());
        assertThat(backend.memory().tensors()).isEqualTo(before + 2);

        executor.close();
        executor.close();

        assertThat(backend.memory().tensors()).isEqualTo(before);
        Tensor x = input(0);
        assertThatThrownBy(() -> executor.run(Map.of("x", x))).isInstanceOf(AlreadyClosedException.class)
                .hasMessageContaining("Model 'conv' is closed");
    }

    @Test
    void loadingInsideAScopeKeepsTheWeightsAfterTheScopeCloses() {
        GraphExecutor executor;
        try (TensorScope scope = backend.scope()) {
            executor = GraphExecutor.compile(backend, conv());
            assertThat(scope.size()).isZero();
        }
        try (executor) {
            assertThat(backend.memory().of(Owner.MODEL).tensors()).isEqualTo(2);
            assertThat(run(executor, Map.of("x", input(0)), null)).containsKey("y:0");
        }
    }

    @Test
    @SuppressWarnings("try") // the scope closes the outputs
    void backendLoadModelRunsTheGenericExecutor() {
        try (Model model = backend.loadModel(conv());
             TensorScope scope = backend.scope()) {
            assertThat(model).isInstanceOf(GraphExecutor.class);
            assertThat(model.name()).isEqualTo("conv");

            List<Tensor> outputs = model.run(input(0));

            assertThat(outputs).hasSize(1);
            assertThat(outputs.get(0).shape()).isEqualTo(Shape.of(1, 2, 2, 3));
            assertThat(outputs.get(0).owner()).isEqualTo(Owner.IN_FLIGHT);
        }
        assertThat(backend.memory().tensors()).isZero();
    }

    @Test
    void outputsBelongToTheCallerOutsideAScope() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, conv())) {
            Map<String, Tensor> out = executor.run(Map.of("x", input(0)));

            assertThat(out.get("y:0").owner()).isEqualTo(Owner.CALLER);
            out.get("y:0").close();
        }
    }

    @Test
    void inputsMayBeNamedByTensorNodeOrSignatureKey() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, conv())) {
            float[] byTensor = run(executor, Map.of("x:0", input(0)), null).get("y:0").values();
            float[] byNode = run(executor, Map.of("x", input(0)), null).get("y:0").values();

            assertThat(byNode).containsExactly(byTensor);
        }
    }

    @Test
    void badInputsAreRejectedWithWhatWasExpected() {
        try (GraphExecutor executor = GraphExecutor.compile(backend, conv());
             ReferenceBackend other = new ReferenceBackend()) {
            Tensor good = input(0);
            Tensor ints = ints(new int[16], 1, 2, 2, 4);
            Tensor wrongShape = floats(new float[16], 1, 4, 1, 4);
            Tensor foreign = other.fromFloats(new float[16], Shape.of(1, 2, 2, 4));
            Tensor closed = input(0);
            closed.close();

            assertThatThrownBy(() -> executor.run(Map.of("image", good))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("has no input 'image'").hasMessageContaining("x:0");
            assertThatThrownBy(() -> executor.run(Map.of())).isInstanceOf(ModelException.class)
                    .hasMessageContaining("needs input 'x'");
            assertThatThrownBy(() -> executor.run(Map.of("x", ints))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("must be FLOAT32, got INT32");
            assertThatThrownBy(() -> executor.run(Map.of("x", wrongShape))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("must have shape [-1, 2, 2, 4]").hasMessageContaining("[1, 4, 1, 4]");
            assertThatThrownBy(() -> executor.run(Map.of("x", foreign))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("belongs to backend reference");
            assertThatThrownBy(() -> executor.run(Map.of("x", closed))).isInstanceOf(AlreadyClosedException.class)
                    .hasMessageContaining("is closed");
            assertThatThrownBy(() -> executor.run(Map.of("x", good, "x:0", good))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("given twice");
        }
    }

    @Test
    void aRunThatFailsHalfwayLeavesNothingBehindAndTheInputOpen() {
        GraphModelDef def = TestGraph.named("fails").input("x", DType.FLOAT32, -1, 2, 2, 4)
                .floats("w", Shape.of(1, 1, 4, 3), W).vector("shape", 5)
                .op("c", "Conv2D", "x", "w").ints("strides", 1, 1, 1, 1).s("padding", "VALID").end()
                .op("r", "Relu", "c").end()
                .op("y", "Reshape", "r", "shape").end()
                .output("y").build();
        try (GraphExecutor executor = GraphExecutor.compile(backend, def)) {
            Tensor x = input(0);
            long before = backend.memory().tensors();

            assertThatThrownBy(() -> executor.run(Map.of("x", x))).isInstanceOf(ModelException.class)
                    .hasMessageContaining("Model 'fails'").hasMessageContaining("node 'y' (Reshape) failed")
                    .hasMessageContaining("cannot reshape");

            assertThat(backend.memory().tensors()).isEqualTo(before);
            assertThat(x.isClosed()).isFalse();
        }
    }

    @Test
    void anInt32ImageFeedsAUint8Placeholder() {
        GraphModelDef def = TestGraph.named("uint8").input("image", DType.UINT8, 1, -1, -1, 3)
                .op("f", "Cast", "image").dtype("DstT", DType.FLOAT32).end()
                .output("f").build();

        Out f = runOne(def, Map.of("image", ints(new int[] {0, 128, 255}, 1, 1, 1, 3)));

        assertThat(f.values()).containsExactly(0, 128, 255);
    }

    @Test
    @SuppressWarnings("try") // each run's scope closes its output
    void oneModelRunsOnSeveralThreadsAtOnce() throws Exception {
        try (GraphExecutor executor = GraphExecutor.compile(backend, conv())) {
            int threads = 4;
            float[][] expected = new float[threads][];
            for (int t = 0; t < threads; t++) {
                Map<String, Tensor> out = executor.run(Map.of("x", input(t)));
                expected[t] = out.get("y:0").toFloats();
                out.get("y:0").close();
            }
            long before = backend.memory().tensors();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    results.add(pool.submit(() -> {
                        boolean same = true;
                        for (int i = 0; i < 50; i++) {
                            Tensor x = input(id);
                            try (TensorScope scope = backend.scope()) {
                                Tensor y = executor.run(Map.of("x", x)).get("y:0");
                                same &= java.util.Arrays.equals(y.toFloats(), expected[id]);
                            }
                            x.close();
                        }
                        return same;
                    }));
                }
                for (Future<Boolean> r : results) {
                    assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(backend.memory().tensors()).isEqualTo(before);
        }
    }
}
