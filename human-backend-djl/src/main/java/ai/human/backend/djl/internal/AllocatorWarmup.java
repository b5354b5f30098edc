package ai.human.backend.djl.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the C allocator keep freed activation memory for reuse, once per JVM.
 *
 * <p>PyTorch's CPU tensors come from the C library's {@code malloc}. glibc starts by serving blocks over 128 KB with
 * their own memory mapping and by returning freed memory at the top of a heap to the system once more than 128 KB
 * are free there (raised to twice the largest mapped block freed so far). A model run frees and allocates activations
 * of a few megabytes all the time, so that memory went back to the system and was faulted in, page by zeroed page,
 * at the next op: 3,500 page faults per BlazeFace run and 16,000 per CenterNet run (TensorFlow's executor on the same
 * models: 90 per BlazeFace run), a third of an element-wise op's time on a 1.5 MB activation.
 *
 * <p>Allocating and freeing one mapped block just under glibc's 32 MB limit raises both thresholds to their
 * maximum (32 MB for mapping, 64 MB for trimming), as glibc's own dynamic adjustment does after any such free: later
 * activations come from heaps that stay mapped. The process then keeps up to 64 MB per allocator arena free for reuse
 * rather than returning it. Thresholds the user fixed ({@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_}
 * or {@code mallopt}) turn glibc's adjustment off and are respected; other C libraries simply see one allocation.
 */
public final class AllocatorWarmup {
    /** Just under glibc's {@code DEFAULT_MMAP_THRESHOLD_MAX} (32 MB on 64-bit), header and alignment included. */
    static final long BLOCK_BYTES = 32L * 1024 * 1024 - 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(AllocatorWarmup.class);
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private AllocatorWarmup() {
    }

    /** Allocates and frees one block of {@link #BLOCK_BYTES} through PyTorch, the first time it is called. */
    public static void once() {
        if (DONE.getAndSet(true)) {
            return;
        }
        try (PtNDManager manager = (PtNDManager) NDManager.newBaseManager(Device.cpu(), DjlEngine.ENGINE_NAME)) {
            PtNDArray block = JniUtils.createEmptyNdArray(manager, new Shape(BLOCK_BYTES), DataType.UINT8,
                    Device.cpu(), SparseFormat.DENSE);
            block.close();
            LOG.debug("Allocator warm-up: allocated and freed {} bytes", BLOCK_BYTES);
        }
    }

    /** True once {@link #once()} has run in this JVM. */
    public static boolean done() {
        return DONE.get();
    }
}
