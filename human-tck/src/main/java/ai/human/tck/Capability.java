package ai.human.tck;

/**
 * What a backend claims to support; the kit runs the rules of every claimed capability and skips the others with
 * the reason (a skipped rule is reported as skipped, never as passed). The tensor lifecycle rules ({@code TL-*})
 * always run.
 */
public enum Capability {
    /** Element-wise, neural-network, reduction and layout ops ({@code OP-GEN, OP-EW, OP-CONV, OP-POOL, OP-MM, OP-RED,
     * OP-SHAPE, OP-IDX}). */
    OPS_CORE("element-wise, convolution, pooling, matMul, reduction, layout and gather ops"),
    /** Bilinear resize, crop-and-resize and rotation ({@code OP-IMG}). */
    OPS_IMAGE("resizeBilinear, cropAndResize and rotateWithOffset"),
    /** Non-maximum suppression, hard and soft ({@code OP-NMS}). */
    NMS("nonMaxSuppression"),
    /**
     * Human's eleven default graph models load through {@code Backend.loadModel}, match the TensorFlow.js goldens and
     * hold their memory exactly ({@code MOD}).
     */
    MODELS("loadModel of Human's default models, checked against the TensorFlow.js goldens"),
    /** {@code Human.create(config, backend)} and {@code detect} release everything they make ({@code DET}). */
    DETECTION("Human.detect on this backend, with every combination of face.detector.return, deallocate and modules"),
    /** One {@code Human} on this backend detects on several threads at once with the results of one ({@code CONC}). */
    CONCURRENCY("detect on several threads at once on one Human"),
    /**
     * The engine can count its own live native objects ({@code TL-15}, {@code NAT}); the kit then needs
     * {@link BackendCompatibilityKit#engineLiveObjects}.
     */
    NATIVE_COUNT("a native live-object count, supplied by engineLiveObjects(backend)");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** {@return what the capability covers, shown when its rules are skipped} */
    public String description() {
        return description;
    }
}
