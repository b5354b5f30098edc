package ai.human.tensor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a backend's tensor memory, the figures {@code tf.memory()} gives in TensorFlow.js.
 *
 * <p>{@code bytes} is exact: the sum over live tensors of element count × element size. {@code peakBytes} is the
 * highest {@code bytes} seen since the backend was created (or since {@code resetPeak}).
 *
 * @param tensors   live (created and not yet closed) tensors
 * @param bytes     bytes held by live tensors
 * @param peakBytes highest {@code bytes} so far
 * @param byOwner   live tensors and bytes per {@link Owner}; every owner is present
 */
public record MemoryInfo(long tensors, long bytes, long peakBytes, Map<Owner, Usage> byOwner) {

    /** Live tensors and bytes of one owner. */
    public record Usage(long tensors, long bytes) {
        /** No tensors, no bytes. */
        public static final Usage NONE = new Usage(0, 0);

        /**
         * {@return the sum of this usage and {@code other}}
         *
         * @param other another usage
         */
        public Usage plus(Usage other) {
            return new Usage(tensors + other.tensors, bytes + other.bytes);
        }
    }

    /**
     * Fills in the owners not given with zero usage and makes the map immutable.
     *
     * @param tensors live (created and not yet closed) tensors
     * @param bytes bytes held by live tensors
     * @param peakBytes highest {@code bytes} so far
     * @param byOwner live tensors and bytes per {@link Owner}; every owner is present
     */
    public MemoryInfo {
        EnumMap<Owner, Usage> copy = new EnumMap<>(Owner.class);
        for (Owner owner : Owner.values()) {
            copy.put(owner, byOwner.getOrDefault(owner, Usage.NONE));
        }
        byOwner = Collections.unmodifiableMap(copy);
    }

    /** {@return the figures of nothing allocated} */
    public static MemoryInfo empty() {
        return new MemoryInfo(0, 0, 0, Map.of());
    }

    /**
     * {@return the live tensors and bytes of {@code owner}}
     *
     * @param owner the owner
     */
    public Usage of(Owner owner) {
        return byOwner.get(owner);
    }

    /**
     * {@return the sum of two snapshots (for example of two backends); peaks are added, which bounds the true peak}
     *
     * @param other another snapshot
     */
    public MemoryInfo plus(MemoryInfo other) {
        EnumMap<Owner, Usage> sum = new EnumMap<>(Owner.class);
        for (Owner owner : Owner.values()) {
            sum.put(owner, of(owner).plus(other.of(owner)));
        }
        return new MemoryInfo(tensors + other.tensors, bytes + other.bytes, peakBytes + other.peakBytes, sum);
    }

    @Override
    public String toString() {
        return "MemoryInfo[tensors=" + tensors + ", bytes=" + bytes + ", peakBytes=" + peakBytes + ", byOwner=" + byOwner + "]";
    }
}
