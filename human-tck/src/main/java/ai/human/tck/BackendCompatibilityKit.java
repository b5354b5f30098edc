package ai.human.tck;

import ai.human.backend.Backend;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Backend Compatibility Kit: the rules every {@link Backend} must follow, as JUnit 5 tests. A backend module
 * runs it by extending this class in its tests:
 *
 * <pre>{@code
 * class MyBackendCompatibilityTest extends BackendCompatibilityKit {
 *     @Override
 *     protected Backend createBackend() {
 *         return new MyBackendProvider().create(BackendOptions.defaults());
 *     }
 *
 *     @Override
 *     protected Set<Capability> capabilities() {
 *         return EnumSet.allOf(Capability.class);
 *     }
 *
 *     @Override
 *     protected OptionalLong engineLiveObjects(Backend backend) {
 *         return OptionalLong.of(((MyBackend) backend).engine().liveObjectCount());
 *     }
 * }
 * }</pre>
 *
 * <p>Each rule has a stable ID ({@code TL-01}, {@code OP-CONV-02}, {@code MOD-01}, ...) stated in
 * {@code docs/backend-contract.md}; {@code docs/running-the-tck.md} shows how to run the kit and read its outcomes.
 * The ID starts the test's display name and every failure message, followed by what to check. Each test gets a fresh
 * backend from {@link #createBackend()} and closes it afterwards. Rules of a capability the backend does not claim
 * are skipped with the reason.
 *
 * <p>Rule groups are the {@code @Nested} classes below; JUnit runs them for every concrete subclass. Each is tagged
 * ({@code lifecycle}, {@code ops}, {@code models}, {@code detection}, {@code concurrency}), so that one kind can be
 * run alone: {@code mvn test -Dtest=MyBackendCompatibilityTest -Dgroups=models}. A new group is a
 * package-private class extending {@code RuleGroup} plus one nested class here, and, if backends may lack it, a new
 * {@link Capability}.
 */
public abstract class BackendCompatibilityKit {
    private static final Logger LOG = LoggerFactory.getLogger(BackendCompatibilityKit.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** {@return a new backend for one test; the kit closes it when the test ends} */
    protected abstract Backend createBackend();

    /** {@return the capabilities this backend claims; the rules of the others are skipped} */
    protected abstract Set<Capability> capabilities();

    /**
     * {@return the engine's own count of live native objects (tensors, arrays, handles), independent of the backend's
     * {@code memory()}; needed when {@link Capability#NATIVE_COUNT} is claimed} Empty by default.
     *
     * @param backend a backend made by {@link #createBackend()}
     */
    protected OptionalLong engineLiveObjects(Backend backend) {
        return OptionalLong.empty();
    }

    /**
     * {@return how far a float result may be from the reference: {@code |actual - expected| <= tolerance * max(1, |expected|)}}
     * The default {@code 1e-4} suits float32 engines on CPU.
     */
    protected double tolerance() {
        return 1e-4;
    }

    /**
     * {@return how much work the model, detection and concurrency rules do; {@link Workload#FULL} (the default) is the contract}
     * Override it only for quick runs while developing a backend: a smaller workload proves less, and the kit logs a
     * warning when it runs with one.
     */
    protected Workload workload() {
        return Workload.FULL;
    }

    final Workload checkedWorkload() {
        Workload workload = workload();
        if (workload == null) {
            throw new IllegalStateException("[TCK] " + getClass().getName() + ".workload() returned null; return "
                    + "Workload.FULL");
        }
        if (!workload.isFull() && WARNED.compareAndSet(false, true)) {
            LOG.warn("{} runs the kit with a reduced workload {}: passing it does not show conformance, which needs "
                    + "Workload.FULL", getClass().getName(), workload);
        }
        return workload;
    }

    final boolean claims(Capability capability) {
        Set<Capability> claimed = capabilities();
        return claimed != null && claimed.contains(capability);
    }

    /** The tensor lifecycle rules, run on this kit's backend. */
    @Nested
    @Tag("lifecycle")
    @DisplayName("Tensor lifecycle [TL]")
    public class TensorLifecycle extends TensorLifecycleRules {
        /** Runs the tensor lifecycle rules on the enclosing kit's backend. */
        public TensorLifecycle() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The general op contract rules, run on this kit's backend. */
    @Nested
    @Tag("ops")
    @DisplayName("Op contract [OP-GEN]")
    public class OpContract extends OpContractRules {
        /** Runs the general op contract rules on the enclosing kit's backend. */
        public OpContract() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The element-wise op rules, run on this kit's backend. */
    @Nested
    @Tag("ops")
    @DisplayName("Element-wise ops [OP-EW]")
    public class ElementwiseOps extends ElementwiseRules {
        /** Runs the element-wise op rules on the enclosing kit's backend. */
        public ElementwiseOps() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The convolution, pooling and matMul rules, run on this kit's backend. */
    @Nested
    @Tag("ops")
    @DisplayName("Convolution, pooling and matMul [OP-CONV, OP-POOL, OP-MM]")
    public class NeuralNetOps extends NeuralNetRules {
        /** Runs the convolution, pooling and matMul rules on the enclosing kit's backend. */
        public NeuralNetOps() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The reduction rules, run on this kit's backend. */
    @Nested
    @Tag("ops")
    @DisplayName("Reductions [OP-RED]")
    public class ReductionOps extends ReductionRules {
        /** Runs the reduction rules on the enclosing kit's backend. */
        public ReductionOps() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The layout and indexing rules, run on this kit's backend. */
    @Nested
    @Tag("ops")
    @DisplayName("Layout and indexing [OP-SHAPE, OP-IDX]")
    public class LayoutOps extends LayoutRules {
        /** Runs the layout and indexing rules on the enclosing kit's backend. */
        public LayoutOps() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The image op rules, run on this kit's backend. */
    @Nested
    @Tag("ops")
    @DisplayName("Image ops [OP-IMG]")
    public class ImageOps extends ImageRules {
        /** Runs the image op rules on the enclosing kit's backend. */
        public ImageOps() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The non-maximum suppression rules, run on this kit's backend. */
    @Nested
    @Tag("ops")
    @DisplayName("Non-maximum suppression [OP-NMS]")
    public class NonMaxSuppressionOps extends NmsRules {
        /** Runs the non-maximum suppression rules on the enclosing kit's backend. */
        public NonMaxSuppressionOps() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The model rules, run on this kit's backend. */
    @Nested
    @Tag("models")
    @DisplayName("Models [MOD, NAT]")
    public class Models extends ModelRules {
        /** Runs the model rules on the enclosing kit's backend. */
        public Models() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The detection rules, run on this kit's backend. */
    @Nested
    @Tag("detection")
    @DisplayName("Detection [DET]")
    public class Detection extends DetectionRules {
        /** Runs the detection rules on the enclosing kit's backend. */
        public Detection() {
            super(BackendCompatibilityKit.this);
        }
    }

    /** The concurrency rules, run on this kit's backend. */
    @Nested
    @Tag("concurrency")
    @DisplayName("Concurrency [CONC]")
    public class Concurrency extends ConcurrencyRules {
        /** Runs the concurrency rules on the enclosing kit's backend. */
        public Concurrency() {
            super(BackendCompatibilityKit.this);
        }
    }
}
