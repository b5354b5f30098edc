package ai.human.tck;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Makes sure every failure names its rule and says what to check:
 * <ul>
 *   <li>a failure with no rule ID in its message (an unexpected exception thrown by the backend, say) is rethrown as
 *       an {@link AssertionError} that starts with the ID of the test's rule, keeping the original as the cause;</li>
 *   <li>an assertion failure without a hint gets the rule's statement (the test's display name) as its hint.</li>
 * </ul>
 */
final class RuleIdInFailures implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    /** A rule ID such as {@code TL-01}, {@code OP-CONV-02} or {@code MOD-03}. */
    static final Pattern RULE_ID = Pattern.compile("\\b(TL|MOD|DET|CONC|NAT|OP(?:-[A-Z]+)+)-\\d{2}\\b");
    private static final String HINT = "Hint:";

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw explained(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw explained(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw explained(context, failure);
    }

    private static Throwable explained(ExtensionContext context, Throwable failure) {
        if (failure instanceof TestAbortedException) {
            return failure;
        }
        String rule = context.getDisplayName();
        Matcher own = RULE_ID.matcher(rule);
        if (!own.lookingAt()) {
            return failure;
        }
        String message = String.valueOf(failure.getMessage());
        boolean named = message.contains("[" + own.group()) || (failure instanceof AssertionError
                && RULE_ID.matcher(message).find());
        if (!named) {
            return new AssertionError("[" + own.group() + "] '" + rule + "' failed with " + failure.getClass().getSimpleName()
                    + ": " + message + ". " + HINT + " the backend threw where this rule expects it to work; see the cause",
                    failure);
        }
        if (message.contains(HINT)) {
            return failure;
        }
        String hinted = message + "\n" + HINT + " the rule is '" + rule + "' (docs/backend-contract.md)";
        AssertionError replacement = failure instanceof AssertionFailedError afe && afe.isExpectedDefined()
                && afe.isActualDefined()
                ? new AssertionFailedError(hinted, afe.getExpected().getValue(), afe.getActual().getValue(), failure.getCause())
                : new AssertionError(hinted, failure.getCause());
        replacement.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            replacement.addSuppressed(suppressed);
        }
        return replacement;
    }
}
