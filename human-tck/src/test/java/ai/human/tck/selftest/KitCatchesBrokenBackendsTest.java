package ai.human.tck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.tck.BackendCompatibilityKit;
import ai.human.tck.ModelGoldens;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kit proves it can fail: run programmatically against backends with one deliberate bug each, it must report
 * the rule that bug breaks, with the rule ID in the failure message.
 */
class KitCatchesBrokenBackendsTest {

    @Test
    void referenceBackendPassesEveryRuleOfEveryNestedGroup() {
        KitRun run = KitRun.of(ReferenceBackendCompatibilityTest.class);
        assertThat(run.failed()).as("failures of the reference backend:%s", run.describeFailures()).isEmpty();
        assertThat(run.skipped()).as("nothing is skipped when every capability is claimed, but MOD-07, whose only model "
                + "(handtrack) the reduced workload leaves out").singleElement().satisfies(skip -> {
                    assertThat(skip.ownRule()).isEqualTo("MOD-07");
                    assertThat(skip.message()).contains("no model of the kit's workload() has inner-node goldens");
                });
        assertThat(run.passed()).as("every test's display name starts with its rule ID")
                .allMatch(name -> KitRun.RULE_ID.matcher(name).lookingAt())
                .hasSizeGreaterThanOrEqualTo(79);
        assertThat(run.passed()).as("rules of the model, detection and concurrency groups that ran")
                .anyMatch(name -> name.startsWith("MOD-01 liveness")).anyMatch(name -> name.startsWith("MOD-02 liveness"))
                .anyMatch(name -> name.startsWith("NAT-01")).anyMatch(name -> name.startsWith("DET-01"))
                .anyMatch(name -> name.startsWith("DET-04")).anyMatch(name -> name.startsWith("CONC-01"));
        for (String group : List.of("TensorLifecycle", "OpContract", "ElementwiseOps", "NeuralNetOps", "ReductionOps",
                "LayoutOps", "ImageOps", "NonMaxSuppressionOps", "Models", "Detection", "Concurrency")) {
            assertThat(run.containers()).as("JUnit ran the @Nested group %s inherited from the abstract kit", group)
                    .anyMatch(id -> id.contains("[nested-class:" + group + "]"));
        }
    }

    @Test
    void referenceBackendFetchesHandtracksInnerNodesAsTensorFlowJsComputesThem() {
        KitRun run = KitRun.of(BrokenKits.ReferenceOnHandtrack.class, BackendCompatibilityKit.Models.class,
                "innerNodesFetchedByNameMatch");
        assertThat(run.failed()).as(run.describeFailures()).isEmpty();
        assertThat(run.passed()).singleElement().asString().startsWith("MOD-07");
    }

    @Test
    void anOpThatLeaksAnIntermediateIsCaught() {
        KitRun run = KitRun.of(BrokenKits.LeaksAnIntermediate.class);
        assertThat(run.failedRules()).as(run.describeFailures()).contains("OP-GEN-01", "TL-01");
    }

    @Test
    void aCounterThatUnderReportsIsCaught() {
        KitRun run = KitRun.of(BrokenKits.UnderCounts.class);
        assertThat(run.failedRules()).as(run.describeFailures()).contains("TL-01", "TL-02");
    }

    @Test
    void aScopeThatForgetsToCloseIsCaught() {
        KitRun run = KitRun.of(BrokenKits.ScopeForgetsToClose.class);
        assertThat(run.failedRules()).as(run.describeFailures()).contains("TL-07", "TL-08", "TL-09", "OP-GEN-04");
    }

    @Test
    void symmetricSamePaddingIsCaughtByTheAsymmetricPaddingRuleOnly() {
        KitRun run = KitRun.of(BrokenKits.SymmetricSamePadding.class);
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("OP-CONV-02");
    }

    @Test
    void freeingATensorStillInUseIsCaught() {
        KitRun run = KitRun.of(BrokenKits.FreesATensorInUse.class);
        assertThat(run.failedRules()).as(run.describeFailures()).contains("OP-GEN-02");
    }

    @Test
    void tidyFreeingItsResultIsCaught() {
        KitRun run = KitRun.of(BrokenKits.TidyFreesItsResult.class);
        assertThat(run.failedRules()).as(run.describeFailures()).contains("TL-08");
    }

    @Test
    void engineObjectsThatAreNeverFreedAreCaughtByTheNativeCrossCheck() {
        KitRun run = KitRun.of(BrokenKits.EngineNeverFrees.class);
        // TL-15 on the lifecycle rules, NAT-01 after each op test
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("NAT-01", "TL-15");
        assertThat(run.failed()).as("op tests whose engine objects outlive their tensors")
                .anyMatch(failure -> failure.ownRule().startsWith("OP-CONV-") && failure.message().contains("[NAT-01]"));
    }

    @Test
    void ignoringHalfPixelCentersIsCaughtByTheHalfPixelRules() {
        KitRun run = KitRun.of(BrokenKits.IgnoresHalfPixelCenters.class);
        // OP-IMG-04 resizes an INT32 image in half-pixel mode, so it sees the bug too
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("OP-IMG-02", "OP-IMG-04");
    }

    @Test
    void aModelRunThatKeepsAnIntermediateIsCaughtByTheRepeatedRunsRule() {
        KitRun run = KitRun.of(BrokenKits.ModelRunKeepsAnIntermediate.class, BackendCompatibilityKit.Models.class);
        // what a run keeps is still alive when the model is closed (MOD-03) and after a run outside a scope (MOD-05)
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("MOD-02", "MOD-03", "MOD-05");
        expectRuleAndHintInEveryFailure(run, BrokenKits.ModelRunKeepsAnIntermediate.class);
    }

    @Test
    void modelOutputsThatDriftByThreeTimesTheirRatchetAreCaughtThoughWithinTheSpec() {
        assertThat(BrokenBackends.DriftsWithinTheSpec.DRIFT).as("the drift: 3 x the ratchet, within the spec")
                .isPositive().isLessThan(ModelGoldens.ABSOLUTE_TOLERANCE / 10);
        KitRun run = KitRun.of(BrokenKits.DriftsWithinTheSpec.class, BackendCompatibilityKit.Models.class);
        // MOD-01 compares the signature outputs, MOD-06 the outputs asked for by name: both hold them to the ratchet
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("MOD-01", "MOD-06");
        assertThat(run.failed()).allSatisfy(f -> assertThat(f.message()).contains("beyond its ratchet")
                .contains("within the spec but a regression"));
        expectRuleAndHintInEveryFailure(run, BrokenKits.DriftsWithinTheSpec.class);
    }

    @Test
    void aModelWhoseCloseForgetsItsWeightsIsCaught() {
        KitRun run = KitRun.of(BrokenKits.ModelCloseForgetsWeights.class, BackendCompatibilityKit.Models.class);
        // MOD-04 checks that Owner.MODEL drops back on close
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("MOD-03", "MOD-04");
        expectRuleAndHintInEveryFailure(run, BrokenKits.ModelCloseForgetsWeights.class);
    }

    @Test
    void aCounterThatUnderReportsOnlyModelWeightsIsCaughtByTheWeightRuleAndTheNativeCrossCheck() {
        KitRun run = KitRun.of(BrokenKits.UnderCountsModelWeights.class, BackendCompatibilityKit.Models.class);
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("MOD-04", "NAT-01");
        expectRuleAndHintInEveryFailure(run, BrokenKits.UnderCountsModelWeights.class);
    }

    @Test
    void engineObjectsThatAreNeverFreedAreCaughtAroundTheModelRules() {
        KitRun run = KitRun.of(BrokenKits.EngineNeverFreesModels.class, BackendCompatibilityKit.Models.class);
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("NAT-01");
        expectRuleAndHintInEveryFailure(run, BrokenKits.EngineNeverFreesModels.class);
    }

    @Test
    void aCachedCopyOfTheInputImageIsCaughtByTheDeallocateRule() {
        // DET-02's own test is enough here (the DET-01 combinations with deallocate=true see it too, at a higher cost)
        KitRun run = KitRun.of(BrokenKits.CachesTheConvertedImage.class, BackendCompatibilityKit.Detection.class,
                "deallocateClosesTheInput");
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("DET-02");
        expectRuleAndHintInEveryFailure(run, BrokenKits.CachesTheConvertedImage.class);
    }

    @Test
    void aScratchBufferSharedBetweenThreadsIsCaughtByTheConcurrencyRule() {
        KitRun run = KitRun.of(BrokenKits.SharesAScratchBuffer.class, BackendCompatibilityKit.Concurrency.class,
                "concurrentDetectionsGiveTheResultsOfOneThread");
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("CONC-01");
        expectRuleAndHintInEveryFailure(run, BrokenKits.SharesAScratchBuffer.class);
    }

    @Test
    void everyFailureOfEveryBrokenBackendNamesARuleAndAHint() {
        for (Class<?> kit : List.of(BrokenKits.LeaksAnIntermediate.class, BrokenKits.UnderCounts.class,
                BrokenKits.ScopeForgetsToClose.class, BrokenKits.FreesATensorInUse.class,
                BrokenKits.TidyFreesItsResult.class, BrokenKits.SymmetricSamePadding.class,
                BrokenKits.EngineNeverFrees.class)) {
            expectRuleAndHintInEveryFailure(KitRun.of(kit), kit);
        }
    }

    /** Every failure message names a violated rule in brackets and has a hint; every test name starts with its ID. */
    private static void expectRuleAndHintInEveryFailure(KitRun run, Class<?> kit) {
        assertThat(run.failed()).as("failures of %s", kit.getSimpleName()).isNotEmpty().allSatisfy(failure -> {
            assertThat(failure.message()).as("failure of '%s' with %s", failure.displayName(), kit.getSimpleName())
                    .containsPattern("\\[" + KitRun.RULE_ID.pattern() + "\\]")
                    .contains("Hint");
            assertThat(failure.ownRule()).as("rule ID at the start of '%s'", failure.displayName()).isNotEmpty();
        });
    }
}
