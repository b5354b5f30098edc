package ai.human.tck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

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
                .contains("TL-15", "OP-GEN-03", "OP-CONV-02", "OP-IMG-02", "OP-NMS-05");
    }

    @Test
    void claimingCoreOpsOnlySkipsImageAndNmsRules() {
        KitRun run = KitRun.of(BrokenKits.ClaimsCoreOpsOnly.class);
        assertThat(run.failed()).as(run.describeFailures()).isEmpty();
        assertThat(run.passed()).as("core op rules ran").anyMatch(name -> name.startsWith("OP-CONV-02"));
        assertThat(run.skipped()).extracting(KitRun.Outcome::ownRule).as("skipped rules")
                .allMatch(rule -> rule.startsWith("OP-IMG-") || rule.startsWith("OP-NMS-") || rule.equals("TL-15"))
                .contains("OP-IMG-01", "OP-NMS-01", "TL-15");
    }

    @Test
    void claimingNativeCountWithoutSupplyingItFailsTheNativeRule() {
        KitRun run = KitRun.of(BrokenKits.ClaimsNativeCountWithoutHook.class);
        assertThat(run.failedRules()).as(run.describeFailures()).containsExactly("TL-15");
        assertThat(run.failed()).singleElement().extracting(KitRun.Outcome::message).asString()
                .contains("engineLiveObjects");
    }
}
