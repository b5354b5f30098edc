package ai.human.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryInfoTest {

    @Test
    void everyOwnerIsPresentEvenWhenNotGiven() {
        MemoryInfo info = new MemoryInfo(1, 12, 12, Map.of(Owner.CALLER, new MemoryInfo.Usage(1, 12)));
        assertThat(info.byOwner()).containsOnlyKeys(Owner.values());
        assertThat(info.of(Owner.MODEL)).isEqualTo(MemoryInfo.Usage.NONE);
        assertThat(info.of(Owner.CALLER)).isEqualTo(new MemoryInfo.Usage(1, 12));
    }

    @Test
    void plusAddsTotalsPeaksAndOwners() {
        MemoryInfo a = new MemoryInfo(2, 20, 30, Map.of(Owner.CALLER, new MemoryInfo.Usage(2, 20)));
        MemoryInfo b = new MemoryInfo(3, 7, 9, Map.of(Owner.CALLER, new MemoryInfo.Usage(1, 4),
                Owner.MODEL, new MemoryInfo.Usage(2, 3)));
        MemoryInfo sum = a.plus(b);
        assertThat(sum.tensors()).isEqualTo(5);
        assertThat(sum.bytes()).isEqualTo(27);
        assertThat(sum.peakBytes()).isEqualTo(39);
        assertThat(sum.of(Owner.CALLER)).isEqualTo(new MemoryInfo.Usage(3, 24));
        assertThat(sum.of(Owner.MODEL)).isEqualTo(new MemoryInfo.Usage(2, 3));
    }

    @Test
    void emptyHasNothing() {
        MemoryInfo empty = MemoryInfo.empty();
        assertThat(empty.tensors()).isZero();
        assertThat(empty.bytes()).isZero();
        assertThat(empty.peakBytes()).isZero();
        assertThat(empty.byOwner().values()).containsOnly(MemoryInfo.Usage.NONE);
    }
}
