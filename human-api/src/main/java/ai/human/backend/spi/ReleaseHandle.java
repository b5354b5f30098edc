package ai.human.backend.spi;

import ai.human.tensor.Owner;
import ai.human.tensor.Tensor;

/**
 * Lets an owner release a tensor later without keeping the {@link Tensor} object reachable, so leak detection still
 * finds the tensor when everyone else drops it. {@code Human} keeps one per result tensor: {@code Human.close()}
 * releases those still owned by a result, while a {@code Result} dropped without {@code close()} is reported as a
 * leak (its tensors are reachable only from it).
 *
 * <pre>{@code
 * ReleaseHandle handle = ReleaseHandle.of(faceCrop);   // holds the bookkeeping entry, not the tensor
 * ...
 * handle.releaseIfOwnedBy(Owner.RESULT);               // false if already closed, leaked and freed, or taken
 * }</pre>
 */
public final class ReleaseHandle {
    private final TensorTracker tracker;
    private final TrackedTensor.Entry entry;

    private ReleaseHandle(TensorTracker tracker, TrackedTensor.Entry entry) {
        this.tracker = tracker;
        this.entry = entry;
    }

    /**
     * {@return a handle on {@code tensor}, which must have been made by a {@link TensorTracker}}
     *
     * @param tensor a tensor made by a tracker
     * @throws IllegalArgumentException for a tensor of another kind
     */
    public static ReleaseHandle of(Tensor tensor) {
        if (!(tensor instanceof TrackedTensor tracked)) {
            throw new IllegalArgumentException("Tensor " + tensor + " was not made by a TensorTracker");
        }
        return new ReleaseHandle(tracked.tracker(), tracked.entry());
    }

    /** {@return the tensor's id} */
    public long id() {
        return entry.id;
    }

    /** {@return the tensor's owner now} */
    public Owner owner() {
        return entry.owner;
    }

    /** {@return whether it was released (closed, freed by leak detection, or released through a handle)} */
    public boolean isReleased() {
        return entry.released;
    }

    /**
     * Releases the tensor if it is still open and belongs to {@code owner}; checks and releases atomically with
     * respect to ownership changes.
     *
     * @param owner the owner the tensor must have
     * @return whether this call released it
     */
    public boolean releaseIfOwnedBy(Owner owner) {
        return tracker.release(entry, owner);
    }

    @Override
    public String toString() {
        return "ReleaseHandle[#" + entry.id + ", " + (entry.released ? "released" : entry.owner) + "]";
    }
}
