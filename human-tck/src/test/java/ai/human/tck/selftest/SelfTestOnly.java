package ai.human.tck.selftest;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a kit of the self-test only when {@link KitRun} launches it (configuration parameter {@value #PARAMETER}); in a
 * normal test run (Maven, an IDE's "run all") those kits are disabled: the kits over deliberately broken backends,
 * since failing is their job, and the reference backend's kit, which {@link KitRun} runs once already.
 */
public final class SelfTestOnly implements ExecutionCondition {
    static final String PARAMETER = "human.tck.selfTest";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
                ? ConditionEvaluationResult.enabled("launched by the kit's self-test")
                : ConditionEvaluationResult.disabled("part of the kit's self-test; KitCatchesBrokenBackendsTest and "
                        + "KitSkipsUnclaimedCapabilitiesTest run it");
    }
}
