package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.error.AlreadyClosedException;
import ai.human.backend.RotateWithOffset;
import ai.human.backend.NonMaxSuppression;
import ai.human.backend.Activation;
import ai.human.backend.Backend;
import ai.human.backend.BackendException;
import ai.human.backend.BinaryOp;
import ai.human.backend.ConvSpec;
import ai.human.backend.Fused;
import ai.human.backend.Padding;
import ai.human.backend.ReduceOp;
import ai.human.backend.TopK;
import ai.human.backend.UnaryOp;
import ai.human.backend.WeightUse;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Rules {@code TL-*}: tensors are counted exactly, freed exactly once, scoped and owned as the contract says. */
abstract class TensorLifecycleRules extends RuleGroup {
    private static final String HINT_TRACK = "every tensor the backend hands out, op results included, must go through "
            + "its TensorTracker.track exactly once, and release() only when the tensor is closed";

    TensorLifecycleRules(BackendCompatibilityKit kit) {
        super(kit, null, false);
    }

    @Test
    @DisplayName("TL-01 every tensor made by a factory or an op counts as exactly one live tensor")
    void everyTensorIsCounted() {
        long before = backend.memory().tensors();
        List<Tensor> made = new ArrayList<>();
        made.add(backend.fromFloats(new float[] {1, 2, 3}, Shape.of(3)));
        expectLive(before + 1, "fromFloats");
        made.add(backend.fromInts(new int[] {1, 2}, Shape.of(2)));
        expectLive(before + 2, "fromInts");
        made.add(backend.fromBytes(new byte[] {1, 2}, Shape.of(2), DType.UINT8));
        expectLive(before + 3, "fromBytes(UINT8)");
        made.add(backend.fromBytes(new byte[] {1, 0}, Shape.of(2), DType.BOOL));
        expectLive(before + 4, "fromBytes(BOOL)");
        made.add(backend.scalar(7f));
        expectLive(before + 5, "scalar");
        made.add(backend.weight(new float[] {1, 2}, Shape.of(1, 1, 2, 1), WeightUse.CONV2D_FILTER));
        expectLive(before + 6, "weight(CONV2D_FILTER)");
        made.add(backend.fromFloats(new float[0], Shape.of(0, 3)));
        expectLive(before + 7, "fromFloats of an empty [0, 3] tensor");
        made.add(backend.binary(BinaryOp.ADD, made.get(0), made.get(0)));
        expectLive(before + 8, "binary(ADD)");
        TopK top = backend.topK(made.get(0), 2, true);
        made.add(top.values());
        made.add(top.indices());
        expectLive(before + 10, "topK (values and indices)");
        made.forEach(Tensor::close);
        expectLive(before, "closing every tensor");
    }

    @Test
    @DisplayName("TL-02 memory().bytes is exact: 4 bytes per FLOAT32/INT32 element, 1 per UINT8/BOOL, 0 for empty")
    void bytesAreExactPerDtype() {
        long before = backend.memory().bytes();
        List<Tensor> made = new ArrayList<>();
        Tensor matrix = backend.fromFloats(new float[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3));
        made.add(matrix);
        long expected = before + 24;
        expectBytes(matrix, "fromFloats [2, 3]", 24, expected);
        List<Allocation> allocations = List.of(
                new Allocation("fromInts [5]", 20, () -> backend.fromInts(new int[5], Shape.of(5))),
                new Allocation("fromBytes UINT8 [7]", 7, () -> backend.fromBytes(new byte[7], Shape.of(7), DType.UINT8)),
                new Allocation("fromBytes BOOL [3]", 3, () -> backend.fromBytes(new byte[3], Shape.of(3), DType.BOOL)),
                new Allocation("scalar", 4, () -> backend.scalar(2.5f)),
                new Allocation("empty FLOAT32 [0, 3]", 0, () -> backend.fromFloats(new float[0], Shape.of(0, 3))),
                new Allocation("cast of FLOAT32 [2, 3] to UINT8", 6, () -> backend.cast(matrix, DType.UINT8)),
                new Allocation("weight [3, 3, 2, 4] (DEPTHWISE_FILTER)", 288,
                        () -> backend.weight(new float[72], Shape.of(3, 3, 2, 4), WeightUse.DEPTHWISE_FILTER)));
        for (Allocation allocation : allocations) {
            Tensor tensor = allocation.make().get();
            made.add(tensor);
            expected += allocation.bytes();
            expectBytes(tensor, allocation.what(), allocation.bytes(), expected);
        }
        made.forEach(Tensor::close);
        assertThat(backend.memory().bytes()).as("[TL-02] memory().bytes after closing every tensor").isEqualTo(before);
    }

    /** One way to make a tensor, and the bytes it must count for. */
    private record Allocation(String what, long bytes, Supplier<Tensor> make) {
    }

    private void expectBytes(Tensor tensor, String what, long bytes, long total) {
        assertThat(tensor.byteSize()).as("[TL-02] byteSize() of %s. Hint: elements x dtype size", what).isEqualTo(bytes);
        assertThat(backend.memory().bytes()).as("[TL-02] memory().bytes after %s (+%d bytes). Hint: count shape.size() x "
                + "dtype.byteSize() per live tensor, whatever the engine really allocates", what, bytes).isEqualTo(total);
    }

    @Test
    @DisplayName("TL-03 tensors keep shape, dtype and values of every dtype, empty and scalar ones too, as copies")
    void tensorsRoundTrip() {
        float[] floats = {0.1f, -7.25f, 1e-30f, 3.4e38f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        int[] ints = {Integer.MIN_VALUE, -1, 0, 1, 16_777_217, Integer.MAX_VALUE};
        byte[] uint8 = {0, 1, 127, (byte) 128, (byte) 255};
        try (TestTensors t = tensors()) {
            float[] source = floats.clone();
            Tensor f = t.result(backend.fromFloats(source, Shape.of(7, 1)));
            source[0] = 99f;
            roundTrip(f, DType.FLOAT32, Shape.of(7, 1));
            assertThat(f.toFloats()).as("[TL-03] FLOAT32 values read back (the source array was changed after "
                    + "creation). Hint: copy the values when creating the tensor").containsExactly(floats);
            f.toFloats()[1] = 42f;
            assertThat(f.toFloats()[1]).as("[TL-03] a value after changing an array that toFloats() returned. "
                    + "Hint: hand out copies").isEqualTo(-7.25f);

            Tensor i = t.result(backend.fromInts(ints, Shape.of(2, 3)));
            roundTrip(i, DType.INT32, Shape.of(2, 3));
            assertThat(i.toInts()).as("[TL-03] INT32 values read back, beyond float precision too")
                    .containsExactly(ints);

            Tensor u = t.result(backend.fromBytes(uint8, Shape.of(5), DType.UINT8));
            roundTrip(u, DType.UINT8, Shape.of(5));
            assertThat(u.toInts()).as("[TL-03] UINT8 values read back as unsigned ints").containsExactly(0, 1, 127, 128, 255);
            assertThat(u.toBytes()).as("[TL-03] UINT8 raw bytes read back").containsExactly(uint8);

            Tensor b = t.result(backend.fromBytes(new byte[] {1, 0, 0, 1}, Shape.of(2, 2), DType.BOOL));
            roundTrip(b, DType.BOOL, Shape.of(2, 2));
            assertThat(b.toInts()).as("[TL-03] BOOL values read back as 0/1").containsExactly(1, 0, 0, 1);

            Tensor s = t.result(backend.scalar(-3.5f));
            roundTrip(s, DType.FLOAT32, Shape.scalar());
            assertThat(s.toFloat()).as("[TL-03] scalar value").isEqualTo(-3.5f);

            Tensor e = t.result(backend.fromInts(new int[0], Shape.of(2, 0)));
            roundTrip(e, DType.INT32, Shape.of(2, 0));
            assertThat(e.toInts()).as("[TL-03] values of an empty tensor").isEmpty();
        }
    }

    private static void roundTrip(Tensor tensor, DType dtype, Shape shape) {
        assertThat(tensor.dtype()).as("[TL-03] dtype of a new tensor").isEqualTo(dtype);
        assertThat(tensor.shape()).as("[TL-03] shape of a new %s tensor", dtype).isEqualTo(shape);
        assertThat(tensor.owner()).as("[TL-03] owner of a tensor made outside any scope").isEqualTo(Owner.CALLER);
        assertThat(tensor.backend()).as("[TL-03] backend() of a new tensor").isSameAs(tensor.backend());
    }

    @Test
    @DisplayName("TL-04 close() frees the tensor: isClosed, and count and bytes drop by exactly its share")
    void closeFrees() {
        Tensor a = backend.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(4));
        Tensor b = backend.fromInts(new int[] {1, 2, 3}, Shape.of(3));
        MemoryInfo before = backend.memory();
        a.close();
        MemoryInfo after = backend.memory();
        assertThat(a.isClosed()).as("[TL-04] isClosed() after close()").isTrue();
        assertThat(b.isClosed()).as("[TL-04] isClosed() of another tensor after closing the first").isFalse();
        assertThat(after.tensors()).as("[TL-04] live tensors after closing one. Hint: %s", HINT_TRACK)
                .isEqualTo(before.tensors() - 1);
        assertThat(after.bytes()).as("[TL-04] bytes after closing a FLOAT32 [4] tensor").isEqualTo(before.bytes() - 16);
        b.close();
    }

    @Test
    @DisplayName("TL-05 closing a tensor twice is harmless and counted once")
    void doubleCloseIsHarmless() {
        Tensor a = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        Tensor b = backend.fromFloats(new float[] {3, 4}, Shape.of(2));
        long before = backend.memory().tensors();
        a.close();
        a.close();
        assertThat(backend.memory().tensors()).as("[TL-05] live tensors after closing one tensor twice. Hint: release "
                + "native memory only on the first close").isEqualTo(before - 1);
        assertThat(b.toFloats()).as("[TL-05] another tensor after a double close").containsExactly(3, 4);
        b.close();
    }

    @Test
    @DisplayName("TL-06 a closed tensor cannot be used: reads and ops throw AlreadyClosedException naming it (#id)")
    void useAfterCloseThrows() {
        Tensor open = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        Tensor closed = backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        Tensor closedBytes = backend.fromBytes(new byte[] {1, 2}, Shape.of(2), DType.UINT8);
        closed.close();
        closedBytes.close();
        String name = "#" + closed.id();
        String hint = "[TL-06] %s on a closed tensor. Hint: check the tensor is open before touching its native memory";
        assertThatThrownBy(closed::toFloats).as(hint, "toFloats()").isInstanceOf(AlreadyClosedException.class)
                .hasMessageContaining(name);
        assertThatThrownBy(closed::toInts).as(hint, "toInts()").isInstanceOf(AlreadyClosedException.class)
                .hasMessageContaining(name);
        assertThatThrownBy(closedBytes::toBytes).as(hint, "toBytes()").isInstanceOf(AlreadyClosedException.class)
                .hasMessageContaining("#" + closedBytes.id());
        assertThatThrownBy(() -> backend.binary(BinaryOp.ADD, open, closed)).as(hint, "binary(ADD)")
                .isInstanceOf(AlreadyClosedException.class).hasMessageContaining(name);
        assertThatThrownBy(() -> backend.reshape(closed, Shape.of(1, 2))).as(hint, "reshape")
                .isInstanceOf(AlreadyClosedException.class).hasMessageContaining(name);
        try (TensorScope scope = backend.scope()) {
            assertThatThrownBy(() -> scope.keep(closed)).as(hint, "scope.keep")
                    .isInstanceOf(AlreadyClosedException.class).hasMessageContaining(name);
        }
        open.close();
    }

    @Test
    @DisplayName("TL-07 a scope closes every tensor made inside it except the kept ones, which then belong to the caller")
    void scopeClosesAllButKept() {
        long before = backend.memory().tensors();
        Tensor outside = backend.fromFloats(new float[] {1, -2}, Shape.of(2));
        Tensor a;
        Tensor b;
        Tensor kept;
        try (TensorScope scope = backend.scope()) {
            a = backend.fromFloats(new float[] {3, 4}, Shape.of(2));
            b = backend.binary(BinaryOp.ADD, a, outside);
            kept = scope.keep(backend.unary(UnaryOp.RELU, b));
            assertThat(scope.size()).as("[TL-07] scope.size() with three tensors made inside, one kept").isEqualTo(2);
        }
        assertThat(a.isClosed() && b.isClosed()).as("[TL-07] tensors made in a scope and not kept are closed with it. "
                + "Hint: op results must join the innermost scope of the calling thread (tracker.track does)").isTrue();
        assertThat(outside.isClosed()).as("[TL-07] a tensor made before the scope stays open").isFalse();
        assertThat(kept.isClosed()).as("[TL-07] the kept tensor stays open").isFalse();
        assertThat(kept.toFloats()).as("[TL-07] the kept tensor's values").containsExactly(4, 2);
        assertThat(kept.owner()).as("[TL-07] owner of a tensor kept from the outermost scope").isEqualTo(Owner.CALLER);
        assertThat(backend.memory().tensors()).as("[TL-07] live tensors after the scope: the one made before and the "
                + "kept one").isEqualTo(before + 2);
        kept.close();
        outside.close();
    }

    @Test
    @DisplayName("TL-08 tidy keeps what its body returns (Tensor, List, Map, TensorContainer) and closes the rest")
    void tidyKeepsTheResult() {
        long before = backend.memory().tensors();
        List<Tensor> temporaries = new ArrayList<>();
        Tensor single = backend.tidy(() -> {
            Tensor x = temp(temporaries, backend.fromFloats(new float[] {1, 2}, Shape.of(2)));
            return backend.binary(BinaryOp.MUL, x, temp(temporaries, backend.scalar(3f)));
        });
        List<Tensor> list = backend.tidy(() -> {
            temp(temporaries, backend.fromFloats(new float[] {5}, Shape.of(1)));
            return List.of(backend.scalar(1f), backend.scalar(2f));
        });
        Map<String, Tensor> map = backend.tidy(() -> Map.of("x", backend.unary(UnaryOp.EXP,
                temp(temporaries, backend.fromFloats(new float[] {0}, Shape.of(1))))));
        TopK top = backend.tidy(() -> backend.topK(temp(temporaries,
                backend.fromFloats(new float[] {1, 3, 2}, Shape.of(3))), 2, true));
        float[] plain = backend.tidy(() -> backend.unary(UnaryOp.RELU,
                temp(temporaries, backend.fromFloats(new float[] {-1, 1}, Shape.of(2)))).toFloats());

        assertThat(temporaries).as("[TL-08] tensors made inside tidy and not returned. Hint: tidy runs its body in a "
                + "scope() and keeps the result's tensors").allMatch(Tensor::isClosed);
        assertThat(single.isClosed()).as("[TL-08] a Tensor returned from tidy is open. Hint: keep the result's "
                + "tensors before the scope closes").isFalse();
        assertThat(single.toFloats()).as("[TL-08] a Tensor returned from tidy").containsExactly(3, 6);
        assertThat(list).as("[TL-08] tensors of a List returned from tidy").noneMatch(Tensor::isClosed);
        assertThat(map.get("x").isClosed()).as("[TL-08] a tensor in a Map returned from tidy is open").isFalse();
        assertThat(map.get("x").toFloats()).as("[TL-08] a tensor in a Map returned from tidy").containsExactly(1);
        assertThat(top.tensors()).as("[TL-08] tensors of a TensorContainer (TopK) returned from tidy")
                .noneMatch(Tensor::isClosed);
        assertThat(plain).as("[TL-08] a plain value computed inside tidy").containsExactly(0, 1);
        assertThat(backend.memory().tensors()).as("[TL-08] live tensors: only the returned ones")
                .isEqualTo(before + 1 + 2 + 1 + 2);
        single.close();
        list.forEach(Tensor::close);
        map.get("x").close();
        top.close();
    }

    private static Tensor temp(List<Tensor> temporaries, Tensor tensor) {
        temporaries.add(tensor);
        return tensor;
    }

    @Test
    @DisplayName("TL-09 scopes nest: keep moves a tensor to the enclosing scope, which closes it unless kept again")
    void scopesNest() {
        long before = backend.memory().tensors();
        Tensor outerTensor;
        Tensor innerTensor;
        Tensor movedUp;
        Tensor keptTwice;
        try (TensorScope outer = backend.scope()) {
            outerTensor = backend.fromFloats(new float[] {1}, Shape.of(1));
            try (TensorScope inner = backend.scope()) {
                innerTensor = backend.fromFloats(new float[] {2}, Shape.of(1));
                movedUp = inner.keep(backend.fromFloats(new float[] {3}, Shape.of(1)));
                keptTwice = inner.keep(backend.fromFloats(new float[] {4}, Shape.of(1)));
            }
            assertThat(innerTensor.isClosed()).as("[TL-09] a tensor of the inner scope after it closed").isTrue();
            assertThat(movedUp.isClosed()).as("[TL-09] a tensor kept from the inner scope while the outer one is open")
                    .isFalse();
            assertThat(movedUp.owner()).as("[TL-09] owner of a tensor kept into the enclosing scope")
                    .isEqualTo(Owner.IN_FLIGHT);
            assertThat(outer.size()).as("[TL-09] outer scope size: its own tensor and the two kept from the inner one")
                    .isEqualTo(3);
            outer.keep(keptTwice);
        }
        assertThat(outerTensor.isClosed() && movedUp.isClosed()).as("[TL-09] tensors of the outer scope, including the "
                + "one moved up from the inner scope, after the outer scope closed").isTrue();
        assertThat(keptTwice.isClosed()).as("[TL-09] a tensor kept from both scopes").isFalse();
        assertThat(keptTwice.owner()).as("[TL-09] owner of a tensor kept from both scopes").isEqualTo(Owner.CALLER);
        assertThat(backend.memory().tensors()).as("[TL-09] live tensors after both scopes").isEqualTo(before + 1);
        keptTwice.close();
    }

    @Test
    @DisplayName("TL-10 memory().byOwner splits the totals: IN_FLIGHT inside a scope, CALLER outside")
    void ownersSplitTheTotals() {
        MemoryInfo base = backend.memory();
        Tensor mine = backend.fromFloats(new float[] {1, 2, 3}, Shape.of(3));
        try (TensorScope scope = backend.scope()) {
            Tensor temp = backend.fromInts(new int[] {1, 2}, Shape.of(2));
            Tensor sum = backend.binary(BinaryOp.ADD, mine, mine);
            MemoryInfo inside = backend.memory();
            assertThat(temp.owner()).as("[TL-10] owner of a tensor made in a scope").isEqualTo(Owner.IN_FLIGHT);
            assertThat(sum.owner()).as("[TL-10] owner of an op result made in a scope").isEqualTo(Owner.IN_FLIGHT);
            assertThat(inside.of(Owner.IN_FLIGHT).tensors() - base.of(Owner.IN_FLIGHT).tensors())
                    .as("[TL-10] IN_FLIGHT tensors in the scope").isEqualTo(2);
            assertThat(inside.of(Owner.IN_FLIGHT).bytes() - base.of(Owner.IN_FLIGHT).bytes())
                    .as("[TL-10] IN_FLIGHT bytes in the scope (INT32 [2] + FLOAT32 [3])").isEqualTo(20);
            assertThat(inside.of(Owner.CALLER).bytes() - base.of(Owner.CALLER).bytes())
                    .as("[TL-10] CALLER bytes (a FLOAT32 [3] made outside the scope)").isEqualTo(12);
            expectOwnersSumUp(inside);
            scope.keep(sum);
        }
        MemoryInfo after = backend.memory();
        assertThat(after.of(Owner.IN_FLIGHT)).as("[TL-10] IN_FLIGHT usage after the scope closed")
                .isEqualTo(base.of(Owner.IN_FLIGHT));
        assertThat(after.of(Owner.CALLER).tensors() - base.of(Owner.CALLER).tensors())
                .as("[TL-10] CALLER tensors after keeping one from the outermost scope").isEqualTo(2);
        expectOwnersSumUp(after);
    }

    private static void expectOwnersSumUp(MemoryInfo info) {
        long tensors = info.byOwner().values().stream().mapToLong(MemoryInfo.Usage::tensors).sum();
        long bytes = info.byOwner().values().stream().mapToLong(MemoryInfo.Usage::bytes).sum();
        assertThat(tensors).as("[TL-10] sum of byOwner tensors vs total %s", info).isEqualTo(info.tensors());
        assertThat(bytes).as("[TL-10] sum of byOwner bytes vs total %s", info).isEqualTo(info.bytes());
    }

    @Test
    @DisplayName("TL-11 peakBytes is the highest bytes seen, transient scope tensors included; it stays after frees")
    void peakBytesTrackTheHighest() {
        MemoryInfo start = backend.memory();
        Tensor a = backend.fromFloats(new float[100], Shape.of(100));
        Tensor b = backend.fromInts(new int[50], Shape.of(50));
        MemoryInfo high = backend.memory();
        assertThat(high.peakBytes()).as("[TL-11] peakBytes with 600 more bytes live than at the start (%s)", start)
                .isGreaterThanOrEqualTo(start.bytes() + 600).isGreaterThanOrEqualTo(high.bytes());
        a.close();
        b.close();
        MemoryInfo low = backend.memory();
        assertThat(low.peakBytes()).as("[TL-11] peakBytes after freeing: it must not drop").isGreaterThanOrEqualTo(high.peakBytes());
        try (TensorScope scope = backend.scope()) {
            backend.fromFloats(new float[1000], Shape.of(1000));
            assertThat(scope.size()).as("[TL-11] tensors in the scope").isEqualTo(1);
        }
        MemoryInfo after = backend.memory();
        assertThat(after.peakBytes()).as("[TL-11] peakBytes after a scope briefly held 4000 more bytes")
                .isGreaterThanOrEqualTo(low.bytes() + 4000);
        assertThat(after.bytes()).as("[TL-11] bytes after the scope closed").isEqualTo(start.bytes());
    }

    @Test
    @DisplayName("TL-12 a tensor of another backend instance is refused with BackendException and stays usable")
    void foreignTensorsAreRefused() {
        try (Backend other = kit.createBackend()) {
            Tensor foreign = other.fromFloats(new float[] {1, 2}, Shape.of(2));
            Tensor own = backend.fromFloats(new float[] {3, 4}, Shape.of(2));
            long ownBefore = backend.memory().tensors();
            long otherBefore = other.memory().tensors();
            String hint = "[TL-12] %s with a tensor of another backend instance. Hint: check each argument belongs to this "
                    + "backend instance (TrackedTensor.nativeOf does)";
            assertThatThrownBy(() -> backend.binary(BinaryOp.ADD, own, foreign)).as(hint, "binary(ADD)")
                    .isInstanceOf(BackendException.class).hasMessageContaining("#" + foreign.id());
            assertThatThrownBy(() -> backend.reshape(foreign, Shape.of(2, 1))).as(hint, "reshape")
                    .isInstanceOf(BackendException.class);
            assertThatThrownBy(() -> backend.concat(List.of(own, foreign), 0)).as(hint, "concat")
                    .isInstanceOf(BackendException.class);
            try (TensorScope scope = backend.scope()) {
                assertThatThrownBy(() -> scope.keep(foreign)).as(hint, "scope.keep").isInstanceOf(BackendException.class);
            }
            assertThat(foreign.toFloats()).as("[TL-12] the refused tensor is still usable on its own backend")
                    .containsExactly(1, 2);
            assertThat(backend.memory().tensors()).as("[TL-12] live tensors of this backend after the refused calls")
                    .isEqualTo(ownBefore);
            assertThat(other.memory().tensors()).as("[TL-12] live tensors of the other backend after the refused calls")
                    .isEqualTo(otherBefore);
            own.close();
            foreign.close();
        }
    }

    @Test
    @DisplayName("TL-13 a scope closes only tensors made on its own thread")
    void scopesArePerThread() throws InterruptedException {
        AtomicReference<Tensor> fromOtherThread = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Tensor here;
        try (TensorScope scope = backend.scope()) {
            Thread thread = new Thread(() -> {
                try {
                    fromOtherThread.set(backend.fromFloats(new float[] {1}, Shape.of(1)));
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "tck-TL-13");
            thread.start();
            thread.join();
            here = backend.fromFloats(new float[] {2}, Shape.of(1));
            assertThat(scope.size()).as("[TL-13] tensors in the scope: only the one made on its thread. Hint: scopes are "
                    + "per thread").isEqualTo(1);
        }
        assertThat(failure.get()).as("[TL-13] creating a tensor on another thread while a scope is open").isNull();
        assertThat(here.isClosed()).as("[TL-13] a tensor made on the scope's thread").isTrue();
        assertThat(fromOtherThread.get().isClosed()).as("[TL-13] a tensor made on another thread while the scope was "
                + "open. Hint: scopes are per thread (a ThreadLocal stack)").isFalse();
        assertThat(fromOtherThread.get().owner()).as("[TL-13] owner of a tensor made on a thread with no scope")
                .isEqualTo(Owner.CALLER);
        fromOtherThread.get().close();
    }

    @Test
    @DisplayName("TL-14 closing the backend releases every tensor it still holds: counts zero, tensors closed")
    void closingTheBackendReleasesEverything() {
        Backend other = kit.createBackend();
        Tensor a = other.fromFloats(new float[] {1, 2}, Shape.of(2));
        Tensor b = other.fromInts(new int[] {1}, Shape.of(1));
        Tensor c = other.binary(BinaryOp.MUL, a, a);
        TensorScope forgotten = other.scope();
        Tensor d = other.fromFloats(new float[] {5}, Shape.of(1));
        other.close();
        MemoryInfo after = other.memory();
        assertThat(after.tensors()).as("[TL-14] live tensors after Backend.close(). Hint: release everything still "
                + "tracked (TensorTracker.releaseAll)").isZero();
        assertThat(after.bytes()).as("[TL-14] bytes after Backend.close()").isZero();
        assertThat(List.of(a, b, c, d)).as("[TL-14] tensors of a closed backend report isClosed()").allMatch(Tensor::isClosed);
        forgotten.close();
    }

    @Test
    @DisplayName("TL-15 the engine's own live objects follow the tensors: back to the baseline after close and scopes")
    void engineCountFollowsTensors(TestInfo test) {
        assumeClaimed(Capability.NATIVE_COUNT, test);
        long base = engineCount("before the test");
        List<Tensor> made = new ArrayList<>();
        made.add(backend.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(1, 2, 2, 1)));
        made.add(backend.fromInts(new int[] {1, 2}, Shape.of(2)));
        made.add(backend.fromBytes(new byte[] {1, 2}, Shape.of(2), DType.UINT8));
        assertThat(engineCount("with three tensors alive")).as("[TL-15] engine live objects with three tensors alive "
                + "(baseline %d). Hint: engineLiveObjects must count the engine's tensors", base).isGreaterThan(base);
        made.forEach(Tensor::close);
        expectEngineCount(base, "closing three tensors");
        TensorScope scope = backend.scope();
        try {
            runOps(backend.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(1, 2, 2, 1)));
        } finally {
            scope.close();
        }
        expectEngineCount(base, "a scope that ran ops (their intermediates included) closed");
        Tensor kept = backend.tidy(() -> backend.unary(UnaryOp.EXP, backend.fromFloats(new float[] {0, 1}, Shape.of(2))));
        kept.close();
        expectEngineCount(base, "tidy, then closing its result");
    }

    private void runOps(Tensor image) {
        if (kit.claims(Capability.OPS_CORE)) {
            Tensor filter = backend.weight(new float[] {1, -1, 2, 0.5f}, Shape.of(2, 2, 1, 1), WeightUse.CONV2D_FILTER);
            Tensor bias = backend.fromFloats(new float[] {0.5f}, Shape.of(1));
            Tensor y = backend.conv2d(image, filter, ConvSpec.of(1, Padding.SAME), Fused.of(bias, Activation.RELU6));
            backend.reduce(ReduceOp.MEAN, y, new int[] {1, 2}, true);
            backend.topK(backend.reshape(y, Shape.of(4)), 2, true);
            backend.softmax(backend.reshape(y, Shape.of(2, 2)));
        }
        if (kit.claims(Capability.OPS_IMAGE)) {
            backend.resizeBilinear(image, 3, 3, false, true);
            backend.cropAndResize(image, new float[][] {{0, 0, 1, 1}}, new int[] {0}, 2, 2);
            RotateWithOffset.apply(backend, image, 0.5f, 0f, 0.5f, 0.5f);
        }
        if (kit.claims(Capability.NMS)) {
            NonMaxSuppression.apply(backend, backend.fromFloats(new float[] {0, 0, 1, 1, 0, 0, 1, 0.9f}, Shape.of(2, 4)),
                    backend.fromFloats(new float[] {0.9f, 0.8f}, Shape.of(2)), 2, 0.5f, 0f, 0f);
        }
    }

    private long engineCount(String when) {
        OptionalLong count = kit.engineLiveObjects(backend);
        assertThat(count).as("[TL-15] engineLiveObjects(backend) %s: the backend claims Capability.NATIVE_COUNT, so "
                + "the kit subclass must override engineLiveObjects", when).isPresent();
        return count.getAsLong();
    }

    private void expectEngineCount(long base, String after) {
        assertThat(engineCount("after " + after)).as("[TL-15] engine live objects after %s (baseline %d). Hint: release() "
                + "must free the engine's object, and ops must free their internal temporaries", after, base)
                .isEqualTo(base);
    }

    private void expectLive(long expected, String after) {
        assertThat(backend.memory().tensors()).as("[TL-01] live tensors after %s. Hint: %s", after, HINT_TRACK)
                .isEqualTo(expected);
    }
}
