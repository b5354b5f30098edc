package ai.human.tck.selftest;

import ai.human.backend.Backend;
import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.Capability;
import ai.human.tck.Workload;
import ai.human.backend.reference.ReferenceBackend;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit run against each broken backend (and against the reference with fewer capabilities claimed). Only
 * {@link KitRun} runs these; see {@link SelfTestOnly}.
 *
 * <p>The pure-Java reference backend is slow on Human's bigger models, so these kits run with a reduced
 * {@link Workload}: the op-level kits claim only the op capabilities (their model, detection and concurrency rules are
 * skipped), and the kits for the model, detection and concurrency rules use the smallest model ({@link #SMALL}) and
 * few runs; {@link KitRun} runs only the rule group (or the one rule) they are about.
 */
final class BrokenKits {
    /** The op-level capabilities: everything but models, detection and concurrency. */
    static final Set<Capability> OP_LEVEL = EnumSet.of(Capability.OPS_CORE, Capability.OPS_IMAGE, Capability.NMS,
            Capability.NATIVE_COUNT);
    /**
     * For the reference backend's full run: liveness (26 nodes) for the model rules, and for detection (with blazeface,
     * the face detector, which detection always runs); two repeated runs; 2 threads with one detection each.
     */
    static final Workload SMALL = Workload.FULL.withModels("liveness").withModelRuns(2).withConcurrency(2, 1);

    private BrokenKits() {
    }

    /** A kit over one backend class, with the reference's array count as native count. */
    @ExtendWith(SelfTestOnly.class)
    abstract static class KitOver extends BackendCompatibilityKit {
        private final Supplier<ReferenceBackend> factory;
        private final Set<Capability> claimed;
        private final Workload workload;

        KitOver(Supplier<ReferenceBackend> factory, Set<Capability> claimed, Workload workload) {
            this.factory = factory;
            this.claimed = claimed;
            this.workload = workload;
        }

        /** An op-level bug: the op capabilities claimed. */
        KitOver(Supplier<ReferenceBackend> factory) {
            this(factory, OP_LEVEL, SMALL);
        }

        @Override
        protected Backend createBackend() {
            return factory.get();
        }

        @Override
        protected Set<Capability> capabilities() {
            return claimed;
        }

        @Override
        protected Workload workload() {
            return workload;
        }

        @Override
        protected OptionalLong engineLiveObjects(Backend backend) {
            return OptionalLong.of(((ReferenceBackend) backend).liveArrays());
        }
    }

    static class LeaksAnIntermediate extends KitOver {
        LeaksAnIntermediate() {
            super(BrokenBackends.LeaksAnIntermediate::new);
        }
    }

    static class UnderCounts extends KitOver {
        UnderCounts() {
            super(BrokenBackends.UnderCounts::new);
        }
    }

    static class ScopeForgetsToClose extends KitOver {
        ScopeForgetsToClose() {
            super(BrokenBackends.ScopeForgetsToClose::new);
        }
    }

    static class SymmetricSamePadding extends KitOver {
        SymmetricSamePadding() {
            super(BrokenBackends.SymmetricSamePadding::new);
        }
    }

    static class FreesATensorInUse extends KitOver {
        FreesATensorInUse() {
            super(BrokenBackends.FreesATensorInUse::new);
        }
    }

    static class TidyFreesItsResult extends KitOver {
        TidyFreesItsResult() {
            super(BrokenBackends.TidyFreesItsResult::new);
        }
    }

    static class EngineNeverFrees extends KitOver {
        EngineNeverFrees() {
            super(BrokenBackends.EngineNeverFrees::new);
        }
    }

    /** The same engine bug, with models claimed: the native cross-check of the model rules sees it. */
    static class EngineNeverFreesModels extends KitOver {
        EngineNeverFreesModels() {
            super(BrokenBackends.EngineNeverFrees::new, EnumSet.allOf(Capability.class), SMALL);
        }
    }

    static class IgnoresHalfPixelCenters extends KitOver {
        IgnoresHalfPixelCenters() {
            super(BrokenBackends.IgnoresHalfPixelCenters::new);
        }
    }

    static class ModelRunKeepsAnIntermediate extends KitOver {
        ModelRunKeepsAnIntermediate() {
            super(BrokenBackends.ModelRunKeepsAnIntermediate::new, EnumSet.allOf(Capability.class), SMALL);
        }
    }

    static class DriftsWithinTheSpec extends KitOver {
        DriftsWithinTheSpec() {
            super(BrokenBackends.DriftsWithinTheSpec::new, EnumSet.allOf(Capability.class), SMALL);
        }
    }

    static class ModelCloseForgetsWeights extends KitOver {
        ModelCloseForgetsWeights() {
            super(BrokenBackends.ModelCloseForgetsWeights::new, EnumSet.allOf(Capability.class), SMALL);
        }
    }

    static class UnderCountsModelWeights extends KitOver {
        UnderCountsModelWeights() {
            super(BrokenBackends.UnderCountsModelWeights::new, EnumSet.allOf(Capability.class), SMALL);
        }
    }

    static class CachesTheConvertedImage extends KitOver {
        CachesTheConvertedImage() {
            super(BrokenBackends.CachesTheConvertedImage::new, EnumSet.allOf(Capability.class), SMALL);
        }
    }

    static class SharesAScratchBuffer extends KitOver {
        SharesAScratchBuffer() {
            super(BrokenBackends.SharesAScratchBuffer::new, EnumSet.allOf(Capability.class), SMALL);
        }
    }

    /** The reference backend on handtrack, the model with inner-node goldens ({@code MOD-07}). */
    static class ReferenceOnHandtrack extends KitOver {
        ReferenceOnHandtrack() {
            super(ReferenceBackend::new, EnumSet.allOf(Capability.class), SMALL.withModels("handtrack"));
        }
    }

    /** Models that fetch signature outputs only, on handtrack. */
    static class SignatureOutputsOnly extends KitOver {
        SignatureOutputsOnly() {
            super(BrokenBackends.SignatureOutputsOnly::new, EnumSet.allOf(Capability.class), SMALL.withModels("handtrack"));
        }
    }

    /** The correct reference backend claiming nothing: only the mandatory TL rules may run. */
    static class ClaimsNothing extends KitOver {
        ClaimsNothing() {
            super(ReferenceBackend::new, EnumSet.noneOf(Capability.class), SMALL);
        }
    }

    /** The reference backend claiming only the core ops. */
    static class ClaimsCoreOpsOnly extends KitOver {
        ClaimsCoreOpsOnly() {
            super(ReferenceBackend::new, EnumSet.of(Capability.OPS_CORE), SMALL);
        }
    }

    /** The reference backend claiming NATIVE_COUNT without supplying the count. */
    static class ClaimsNativeCountWithoutHook extends KitOver {
        ClaimsNativeCountWithoutHook() {
            super(ReferenceBackend::new);
        }

        @Override
        protected OptionalLong engineLiveObjects(Backend backend) {
            return OptionalLong.empty();
        }
    }

    /** The same, claiming models too. */
    static class ClaimsNativeCountAndModelsWithoutHook extends KitOver {
        ClaimsNativeCountAndModelsWithoutHook() {
            super(ReferenceBackend::new, EnumSet.allOf(Capability.class), SMALL);
        }

        @Override
        protected OptionalLong engineLiveObjects(Backend backend) {
            return OptionalLong.empty();
        }
    }
}
