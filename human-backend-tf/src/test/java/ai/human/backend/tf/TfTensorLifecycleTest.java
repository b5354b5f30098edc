package ai.human.backend.tf;

import ai.human.error.AlreadyClosedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.BinaryOp;
import ai.human.backend.UnaryOp;
import ai.human.config.LeakDetection;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

class TfTensorLifecycleTest {
    private final TfBackend backend = new TfBackend(new BackendOptions(LeakDetection.OFF, Map.of()));

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void storesEveryNonZeroBoolByteAsOne() {
        try (Tensor bools = backend.fromBytes(new byte[] {0, 1, 7, (byte) -1}, Shape.of(4), DType.BOOL)) {
            assertThat(bools.toBytes()).containsExactly(0, 1, 1, 1);
        }
    }

    @Test
    void holdsScalarsAndEmptyTensorsOfEveryDtype() {
        try (Tensor scalar = backend.scalar(2.5f);
             Tensor emptyFloats = backend.fromFloats(new float[0], Shape.of(2, 0, 3));
             Tensor emptyInts = backend.fromInts(new int[0], Shape.of(0));
             Tensor emptyBytes = backend.fromBytes(new byte[0], Shape.of(0, 4), DType.UINT8);
             Tensor emptyBools = backend.fromBytes(new byte[0], Shape.of(0), DType.BOOL)) {
            assertThat(scalar.shape()).isEqualTo(Shape.scalar());
            assertThat(scalar.toFloat()).isEqualTo(2.5f);
            assertThat(emptyFloats.shape()).isEqualTo(Shape.of(2, 0, 3));
            assertThat(emptyFloats.toFloats()).isEmpty();
            assertThat(emptyInts.toInts()).isEmpty();
            assertThat(emptyBytes.toBytes()).isEmpty();
            assertThat(emptyBools.toBytes()).isEmpty();
            assertThat(backend.engineLiveHandles()).isEqualTo(5);
            assertThat(backend.engineLiveBytes()).isEqualTo(4);
        }
    }

    @Test
    void refusesValuesThatDoNotFillTheShape() {
        assertThatThrownBy(() -> backend.fromFloats(new float[5], Shape.of(2, 3)))
                .isInstanceOf(BackendException.class).hasMessageContaining("needs 6");
        assertThatThrownBy(() -> backend.fromBytes(new byte[2], Shape.of(2), DType.FLOAT32))
                .isInstanceOf(BackendException.class).hasMessageContaining("uint8 or bool");
        assertThat(backend.engineLiveHandles()).isZero();
    }

    @Test
    void engineCountAndBytesEqualTheTrackersAcrossCreateOpsAndClose() {
        List<Tensor> made = new ArrayList<>();
        made.add(backend.fromFloats(new float[6], Shape.of(2, 3)));          // 24 bytes
        made.add(backend.fromInts(new int[] {1, 2}, Shape.of(2)));           // 8
        made.add(backend.fromBytes(new byte[3], Shape.of(3), DType.UINT8));   // 3
        made.add(backend.fromBytes(new byte[2], Shape.of(2), DType.BOOL));    // 2
        assertCountsAgree(4, 37);

        made.add(backend.binary(BinaryOp.ADD, made.get(0), made.get(0)));     // 24
        made.add(backend.binary(BinaryOp.LESS, made.get(1), made.get(1)));    // bool[2]: 2
        assertCountsAgree(6, 63);

        made.remove(0).close();
        made.remove(0).close();
        assertCountsAgree(4, 31);

        made.forEach(Tensor::close);
        assertCountsAgree(0, 0);
    }

    @Test
    void composedOpsDeleteTheirIntermediatesAndConstants() {
        try (Tensor x = backend.fromFloats(new float[] {-2, -1, 1, 2}, Shape.of(2, 2));
             Tensor alpha = backend.fromFloats(new float[] {0.5f, 0.25f}, Shape.of(2));
             Tensor bytes = backend.fromBytes(new byte[] {3, 10}, Shape.of(2), DType.UINT8)) {
            try (Tensor prelu = backend.prelu(x, alpha);
                 Tensor squared = backend.binary(BinaryOp.SQUARED_DIFFERENCE, bytes, bytes);
                 Tensor reshaped = backend.reshape(x, Shape.of(4))) {
                assertCountsAgree(6, 16 + 8 + 2 + 16 + 2 + 16);
                assertThat(prelu.toFloats()).containsExactly(-1f, -0.25f, 1f, 2f);
                assertThat(squared.toInts()).containsExactly(0, 0);
                assertThat(reshaped.shape()).isEqualTo(Shape.of(4));
            }
            assertCountsAgree(3, 26);
        }
    }

    @Test
    void closingTheBackendDeletesEveryHandleAndRefusesFurtherUse() {
        Tensor a = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        Tensor b = backend.unary(UnaryOp.EXP, a);
        backend.scope(); // left open on purpose: close() must not depend on scopes being closed

        backend.close();

        assertThat(backend.memory().tensors()).isZero();
        assertThat(backend.memory().bytes()).isZero();
        assertThat(backend.engineLiveHandles()).isZero();
        assertThat(backend.engineLiveBytes()).isZero();
        assertThat(a.isClosed()).isTrue();
        assertThat(b.isClosed()).isTrue();
        assertThatThrownBy(() -> backend.fromFloats(new float[] {1}, Shape.of(1)))
                .isInstanceOf(AlreadyClosedException.class).hasMessageContaining("closed");
        backend.close(); // harmless twice
    }

    @Test
    @SuppressWarnings("try") // the scope closes what the body makes
    void everyJavaCppAllocationOfAnOpIsFreedAtOnceNotLeftToTheGarbageCollector() {
        Runnable ops = () -> {
            try (TensorScope scope = backend.scope()) {
                Tensor x = backend.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(1, 2, 2, 1));
                backend.concat(List.of(x, x), 3);
                backend.conv2d(x, backend.fromFloats(new float[] {1, 1, 1, 1}, Shape.of(2, 2, 1, 1)),
                        ai.human.backend.ConvSpec.of(1, ai.human.backend.Padding.SAME), ai.human.backend.Fused.NONE);
                backend.topK(backend.reshape(x, Shape.of(4)), 2, true);
                backend.cropAndResize(x, new float[][] {{0, 0, 1, 1}}, new int[] {0}, 2, 2);
                backend.unary(UnaryOp.EXP, x).toFloats();
            }
        };
        ops.run(); // per-thread out-parameters and constant attribute strings are made once, on first use
        long before = org.bytedeco.javacpp.Pointer.totalCount();

        for (int i = 0; i < 20; i++) {
            ops.run();
        }

        assertThat(org.bytedeco.javacpp.Pointer.totalCount()).as("JavaCPP pointers awaiting deallocation")
                .isEqualTo(before);
        assertCountsAgree(0, 0);
    }

    @Test
    void unwrapsToTheTensorsOwnEagerHandle() {
        try (Tensor x = backend.fromFloats(new float[] {1}, Shape.of(1))) {
            TFE_TensorHandle handle = x.unwrap(TFE_TensorHandle.class);

            assertThat(handle.isNull()).isFalse();
            assertThat(x.unwrap(Object.class)).isSameAs(handle);
        }
    }

    @Test
    void reportsAFailedOpWithItsInputsAndLeavesNothingBehind() {
        try (Tensor x = backend.fromFloats(new float[6], Shape.of(2, 3))) {
            assertThatThrownBy(() -> backend.reshape(x, Shape.of(4)))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("reshape to [4] of float32[2, 3]");
            assertCountsAgree(1, 24);
        }
    }

    @Test
    void aLeakedTensorIsReportedAndItsHandleDeleted() throws InterruptedException {
        try (TfBackend watched = new TfBackend(new BackendOptions(LeakDetection.ALL, Map.of()))) {
            List<String> reports = new ArrayList<>();
            watched.tracker().addLeakListener(report -> reports.add(report.message()));
            createAndDrop(watched);
            assertThat(watched.engineLiveHandles()).isEqualTo(1);

            for (int i = 0; i < 200 && reports.isEmpty(); i++) {
                System.gc();
                Thread.sleep(5);
                watched.tracker().collectLeaks();
            }

            assertThat(reports).hasSize(1);
            assertThat(watched.engineLiveHandles()).isZero();
            assertThat(watched.memory().tensors()).isZero();
        }
    }

    private static void createAndDrop(TfBackend target) {
        target.fromFloats(new float[] {1, 2, 3}, Shape.of(3));
    }

    @Test
    @SuppressWarnings("try") // the scope closes what the body makes
    void countsStayExactWhenThreadsRunOpsConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Float>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                float base = t;
                results.add(pool.submit(() -> {
                    float last = 0;
                    for (int i = 0; i < 50; i++) {
                        try (TensorScope scope = backend.scope()) {
                            Tensor x = backend.fromFloats(new float[] {base, i}, Shape.of(2));
                            last = backend.reduce(ai.human.backend.ReduceOp.SUM,
                                    backend.binary(BinaryOp.MUL, x, x), new int[] {0}, false).toFloat();
                        }
                    }
                    return last;
                }));
            }
            for (int t = 0; t < 8; t++) {
                assertThat(results.get(t).get()).isEqualTo(t * t + 49f * 49f);
            }
        } finally {
            pool.shutdown();
        }
        assertCountsAgree(0, 0);
    }

    private void assertCountsAgree(long tensors, long bytes) {
        MemoryInfo memory = backend.memory();
        assertThat(memory.tensors()).as("tracker tensors").isEqualTo(tensors);
        assertThat(memory.bytes()).as("tracker bytes").isEqualTo(bytes);
        assertThat(backend.engineLiveHandles()).as("engine handles").isEqualTo(tensors);
        assertThat(backend.engineLiveBytes()).as("engine bytes").isEqualTo(bytes);
    }
}
