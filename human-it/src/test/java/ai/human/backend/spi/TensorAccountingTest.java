package ai.human.backend.spi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import ai.human.backend.reference.ReferenceBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TensorAccountingTest {
    private final ReferenceBackend backend = new ReferenceBackend();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void bytesAreElementsTimesDtypeSize() {
        Tensor floats = backend.fromFloats(new float[6], Shape.of(2, 3));
        Tensor ints = backend.fromInts(new int[5], Shape.of(5));
        Tensor bytes = backend.fromBytes(new byte[7], Shape.of(7), DType.UINT8);
        Tensor flags = backend.fromBytes(new byte[3], Shape.of(3), DType.BOOL);
        Tensor scalar = backend.scalar(1f);
        Tensor empty = backend.fromFloats(new float[0], Shape.of(0, 4));
        assertThat(floats.byteSize()).isEqualTo(24);
        assertThat(ints.byteSize()).isEqualTo(20);
        assertThat(bytes.byteSize()).isEqualTo(7);
        assertThat(flags.byteSize()).isEqualTo(3);
        assertThat(scalar.byteSize()).isEqualTo(4);
        assertThat(empty.byteSize()).isZero();
        MemoryInfo memory = backend.memory();
        assertThat(memory.tensors()).isEqualTo(6);
        assertThat(memory.bytes()).isEqualTo(24 + 20 + 7 + 3 + 4);
    }

    @Test
    void closingATensorTakesOffExactlyItsShare() {
        Tensor kept = backend.fromInts(new int[3], Shape.of(3));
        Tensor closed = backend.fromBytes(new byte[5], Shape.of(5), DType.UINT8);
        closed.close();
        assertThat(backend.memory().tensors()).isEqualTo(1);
        assertThat(backend.memory().bytes()).isEqualTo(kept.byteSize());
        assertThat(backend.liveArrays()).isEqualTo(1);
    }

    @Test
    void peakIsTheHighestBytesSeenUntilReset() {
        backend.fromFloats(new float[100], Shape.of(100)).close();
        Tensor small = backend.fromFloats(new float[10], Shape.of(10));
        assertThat(backend.memory().bytes()).isEqualTo(40);
        assertThat(backend.memory().peakBytes()).isEqualTo(400);
        backend.tracker().resetPeak();
        assertThat(backend.memory().peakBytes()).isEqualTo(40);
        small.close();
        assertThat(backend.memory().peakBytes()).isEqualTo(40);
    }

    @Test
    void ownersSplitTheTotals() {
        Tensor caller = backend.fromFloats(new float[2], Shape.of(2));
        Tensor model = backend.fromFloats(new float[4], Shape.of(4));
        backend.tracker().setOwner(model, Owner.MODEL);
        try (TensorScope scope = backend.scope()) {
            Tensor inFlight = backend.fromInts(new int[3], Shape.of(3));
            assertThat(inFlight.owner()).isEqualTo(Owner.IN_FLIGHT);
            MemoryInfo memory = backend.memory();
            assertThat(memory.of(Owner.CALLER)).isEqualTo(new MemoryInfo.Usage(1, 8));
            assertThat(memory.of(Owner.MODEL)).isEqualTo(new MemoryInfo.Usage(1, 16));
            assertThat(memory.of(Owner.IN_FLIGHT)).isEqualTo(new MemoryInfo.Usage(1, 12));
            assertThat(memory.of(Owner.RESULT)).isEqualTo(MemoryInfo.Usage.NONE);
            assertThat(memory.tensors()).isEqualTo(3);
            assertThat(memory.bytes()).isEqualTo(36);
            assertThat(scope.size()).isEqualTo(1);
        }
        assertThat(caller.owner()).isEqualTo(Owner.CALLER);
        assertThat(model.owner()).isEqualTo(Owner.MODEL);
        assertThat(backend.memory().of(Owner.IN_FLIGHT)).isEqualTo(MemoryInfo.Usage.NONE);
    }

    @Test
    void setOwnerMovesTheCountsAndIgnoresClosedTensors() {
        Tensor crop = backend.fromFloats(new float[3], Shape.of(3));
        backend.tracker().setOwner(crop, Owner.RESULT);
        assertThat(crop.owner()).isEqualTo(Owner.RESULT);
        assertThat(backend.memory().of(Owner.RESULT)).isEqualTo(new MemoryInfo.Usage(1, 12));
        assertThat(backend.memory().of(Owner.CALLER)).isEqualTo(MemoryInfo.Usage.NONE);
        crop.close();
        backend.tracker().setOwner(crop, Owner.CALLER);
        assertThat(backend.memory().byOwner().values()).containsOnly(MemoryInfo.Usage.NONE);
    }

    @Test
    void describeLiveListsOpenTensorsOldestFirst() {
        Tensor first = backend.fromFloats(new float[2], Shape.of(2));
        Tensor second = backend.fromBytes(new byte[1], Shape.of(1, 1), DType.BOOL);
        backend.fromInts(new int[1], Shape.of(1)).close();
        assertThat(backend.tracker().describeLive()).containsExactly(
                "#" + first.id() + " float32[2] owner CALLER", "#" + second.id() + " bool[1, 1] owner CALLER");
    }

    @Test
    void closingTheBackendReleasesEveryTensorAndArray() {
        Tensor a = backend.fromFloats(new float[2], Shape.of(2));
        Tensor b;
        try (TensorScope scope = backend.scope()) {
            b = scope.keep(backend.fromInts(new int[2], Shape.of(2)));
        }
        backend.close();
        assertThat(a.isClosed()).isTrue();
        assertThat(b.isClosed()).isTrue();
        assertThat(backend.memory().tensors()).isZero();
        assertThat(backend.memory().bytes()).isZero();
        assertThat(backend.liveArrays()).isZero();
    }

    @Test
    void idsAreUniqueAndIncreasing() {
        Tensor a = backend.scalar(1f);
        Tensor b = backend.scalar(2f);
        assertThat(b.id()).isGreaterThan(a.id());
    }
}
