package ai.human.tck.selftest;

import ai.human.backend.Backend;
import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.Capability;
import ai.human.testing.ReferenceBackend;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit run against each broken backend (and against the reference with fewer capabilities claimed). Only
 * {@link KitRun} runs these; see {@link SelfTestOnly}.
 */
final class BrokenKits {
    private BrokenKits() {
    }

    /** A kit over one backend class claiming every capability, with the reference's array count as native count. */
    @ExtendWith(SelfTestOnly.class)
    abstract static class KitOver extends BackendCompatibilityKit {
        private final Supplier<ReferenceBackend> factory;
        private final Set<Capability> claimed;

        KitOver(Supplier<ReferenceBackend> factory, Set<Capability> claimed) {
            this.factory = factory;
            this.claimed = claimed;
        }

        KitOver(Supplier<ReferenceBackend> factory) {
            this(factory, EnumSet.allOf(Capability.class));
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

    static class IgnoresHalfPixelCenters extends KitOver {
        IgnoresHalfPixelCenters() {
            super(BrokenBackends.IgnoresHalfPixelCenters::new);
        }
    }

    static class NmsSuppressesAtThreshold extends KitOver {
        NmsSuppressesAtThreshold() {
            super(BrokenBackends.NmsSuppressesAtThreshold::new);
        }
    }

    /** The correct reference backend claiming nothing: only the mandatory TL rules may run. */
    static class ClaimsNothing extends KitOver {
        ClaimsNothing() {
            super(ReferenceBackend::new, EnumSet.noneOf(Capability.class));
        }
    }

    /** The reference backend claiming only the core ops. */
    static class ClaimsCoreOpsOnly extends KitOver {
        ClaimsCoreOpsOnly() {
            super(ReferenceBackend::new, EnumSet.of(Capability.OPS_CORE));
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
}
