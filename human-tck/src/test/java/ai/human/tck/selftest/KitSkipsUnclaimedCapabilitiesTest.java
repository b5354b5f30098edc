package ai.human.tck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.tck.BackendCompatibilityKit;
import org.junit.jupiter.api.Test;

/** Rules of an unclaimed capability are skipped with the reason: never failed, never passed silently. */
class KitSkipsUnclaimedCapabilitiesTest {

    @Test
    void claimingNothingRunsOnlyTheLifecycleRulesAndSkipsTheRestWithReasons() {
        KitRun run = KitRun.of(BrokenKits.ClaimsNothing.class);
        assertThat(run.failed()).as(run.describeFailures()).isEmpty();
        assertThat(run.passed()).as("rules that ran").isNotEmpty().allMatch(name -> name.startsWith("TL-"));
        assertThat(run.skipped()).as("skipped rules").hasSizeGreaterThanOrEqualTo(40).allSatisfy(skip ->
                assertThat(skip.message()).as("reason for skipping '%s'", skip.displayName())
                        .contains("does not claim Capability.").contains(skip.ownRule()));
        assertThat(run.skipped()).extracting(KitRun.Outcome::ownRule)
                .contains("TL-15", "OP-GEN-03", "OP-CONV-02", "OP-IMG-02", "OP-NMS-05", "MOD-01", "MOD-04", "NAT-01",
                        "DET-01", "DET-03", "CONC-01");
        assertThat(run.skipped()).as("skip reasons of the model, detection and concurrency rules")
                .filteredOn(skip -> skip.ownRule().startsWith("MOD-"))
                .allSatisfy(skip -> assertThat(skip.message()).contains("Capability.MODELS"));
    }

    @Test
    void claimingCoreOpsOnlySkipsImageAndNmsRules() {
        KitRun run = KitRun.of(BrokenKits.ClaimsCoreOpsOnly.class);
        assertThat(run.failed()).as(run.describeFailures()).isEmpty();
        assertThat(run.passed()).as("core op rules ran").anyMatch(name -> name.startsWith("OP-CONV-02"));
        assertThat(run.skipped()).extracting(KitRun.Outcome::ownRule).as("skipped rules")
                .allMatch(rule -> rule.startsWith("OP-IMG-") || rule.startsWith("OP-NMS-") || rule.equals("TL-15")
                        || rule.startsWith("MOD-") || rule.startsWith("NAT-") || rule.startsWith("DET-")
                        || rule.startsWith("CONC-"))
                .contains("OP-IMG-01", "OP-NMS-01", "TL-15", "MOD-02", "DET-02", "CONC-02");
    }

    @Test
    void modelsThatFetchSignatureOutputsOnlySkipTheInnerNodeRuleWithTheReason() {
        KitRun run = KitRun.of(BrokenKits.SignatureOutputsOnly.class, BackendCompatibilityKit.Models.class,
                "innerNodesFetchedByNameMatch");
        assertThat(run.failed()).as(run.describeFailures()).isEmpty();
        assertThat(run.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.ownRule()).isEqualTo("MOD-07");
            assertThat(skip.message()).contains("fetch signature outputs only").contains("StatefulPartitionedCall");
        });
    }

    @Test
    void claimingNativeCountAndModelsWithoutSupplyingTheCountFailsTheNativeCrossCheck() {
        KitRun run = KitRun.of(BrokenKits.ClaimsNativeCountAndModelsWithoutHook.class,
                BackendCompatibilityKit.Models.class);
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("NAT-01");
        assertThat(run.failed()).allSatisfy(f -> assertThat(f.message()).contains("engineLiveObjects"));
    }

    @Test
    void claimingNativeCountWithoutSupplyingItFailsTheNativeRule() {
        KitRun run = KitRun.of(BrokenKits.ClaimsNativeCountWithoutHook.class);
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("TL-15");
        assertThat(run.failed()).singleElement().extracting(KitRun.Outcome::message).asString()
                .contains("engineLiveObjects");
    }
}
