package ai.human.backend.tf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.internal.c_api.TFE_TensorHandle;

/**
 * The engine-side ledger: every {@code TFE_TensorHandle} an {@link EagerContext} has obtained from TensorFlow and
 * not yet deleted, keyed by native address, with the bytes TensorFlow reports for it (its element count × TF's
 * own element size). It is kept at the native boundary, independently of the framework's tracker, so that the two
 * counts can be compared; and it makes a second delete of the same handle impossible.
 */
final class LiveHandles {
    private record Live(TFE_TensorHandle handle, long bytes) {
    }

    private final Map<Long, Live> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    void add(TFE_TensorHandle handle, long handleBytes) {
        if (byAddress.putIfAbsent(handle.address(), new Live(handle, handleBytes)) != null) {
            throw new IllegalStateException("TensorFlow returned handle 0x" + Long.toHexString(handle.address())
                    + " that is already live; the native ledger is inconsistent");
        }
        bytes.addAndGet(handleBytes);
    }

    /** True if the handle was live (and now is not); false if it was never added or already removed. */
    boolean remove(TFE_TensorHandle handle) {
        Live live = byAddress.remove(handle.address());
        if (live == null) {
            return false;
        }
        bytes.addAndGet(-live.bytes());
        return true;
    }

    /** Removes and returns every live handle. */
    List<TFE_TensorHandle> drain() {
        List<TFE_TensorHandle> out = new ArrayList<>();
        for (Long address : new ArrayList<>(byAddress.keySet())) {
            Live live = byAddress.remove(address);
            if (live != null) {
                bytes.addAndGet(-live.bytes());
                out.add(live.handle());
            }
        }
        return out;
    }

    long count() {
        return byAddress.size();
    }

    long bytes() {
        return bytes.get();
    }
}
