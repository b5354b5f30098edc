package ai.human.tck.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one kit subclass programmatically with the JUnit Platform Launcher and records what happened to each test:
 * which passed, which were skipped and why, which failed and the rule IDs their messages name.
 */
final class KitRun {
    static final Pattern RULE_ID = Pattern.compile("\\b(TL|MOD|DET|CONC|NAT|OP(?:-[A-Z]+)+)-\\d{2}\\b");
    /** A violated rule as failure messages name it: the ID in square brackets. */
    private static final Pattern VIOLATED = Pattern.compile("\\[(" + RULE_ID.pattern() + ")]");

    /** One test that did not pass. */
    record Outcome(String displayName, String uniqueId, String message, Throwable error) {
        /** The rule ID the test's display name starts with. */
        String ownRule() {
            Matcher m = RULE_ID.matcher(displayName);
            return m.lookingAt() ? m.group() : "";
        }
    }

    private final List<String> passed = Collections.synchronizedList(new ArrayList<>());
    private final List<Outcome> failed = Collections.synchronizedList(new ArrayList<>());
    private final List<Outcome> skipped = Collections.synchronizedList(new ArrayList<>());
    private final List<String> containersRun = Collections.synchronizedList(new ArrayList<>());

    private KitRun() {
    }

    /** Runs every rule group of {@code kit}. */
    static KitRun of(Class<?> kit) {
        return run(selectClass(kit));
    }

    /** Runs one rule group of {@code kit}: {@code group} is one of the kit's {@code @Nested} classes. */
    static KitRun of(Class<?> kit, Class<?> group) {
        return run(selectNestedClass(List.of(kit), group));
    }

    /** Runs one test method (without parameters) of one rule group of {@code kit}. */
    static KitRun of(Class<?> kit, Class<?> group, String method) {
        return run(selectNestedMethod(List.of(kit), group, method));
    }

    private static KitRun run(DiscoverySelector selector) {
        KitRun run = new KitRun();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .configurationParameter(SelfTestOnly.PARAMETER, "true")
                .build();
        LauncherFactory.create().execute(request, run.new Listener());
        return run;
    }

    List<String> passed() {
        return passed;
    }

    List<Outcome> failed() {
        return failed;
    }

    List<Outcome> skipped() {
        return skipped;
    }

    /** Unique IDs of the containers (kit class, nested rule groups) that ran. */
    List<String> containers() {
        return containersRun;
    }

    /** Every rule a failure message reports as violated, {@code [ID]} (suppressed failures included). */
    Set<String> failedRules() {
        Set<String> rules = new TreeSet<>();
        for (Outcome outcome : failed) {
            collectRules(outcome.error(), rules);
        }
        return rules;
    }

    private static void collectRules(Throwable error, Set<String> rules) {
        if (error == null) {
            return;
        }
        Matcher m = VIOLATED.matcher(String.valueOf(error.getMessage()));
        while (m.find()) {
            rules.add(m.group(1));
        }
        for (Throwable suppressed : error.getSuppressed()) {
            collectRules(suppressed, rules);
        }
    }

    /** A readable list of the failures, for assertion messages. */
    String describeFailures() {
        StringBuilder text = new StringBuilder();
        for (Outcome outcome : failed) {
            text.append("\n  ").append(outcome.displayName()).append(": ").append(outcome.message());
        }
        return text.toString();
    }

    private final class Listener implements TestExecutionListener {
        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            skipped.add(new Outcome(test.getDisplayName(), test.getUniqueId(), reason, null));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    containersRun.add(test.getUniqueId());
                } else {
                    failed.add(outcome(test, result));
                }
                return;
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> passed.add(test.getDisplayName());
                case ABORTED -> skipped.add(outcome(test, result));
                case FAILED -> failed.add(outcome(test, result));
            }
        }

        private Outcome outcome(TestIdentifier test, TestExecutionResult result) {
            Throwable error = result.getThrowable().orElse(null);
            return new Outcome(test.getDisplayName(), test.getUniqueId(), error == null ? "" : String.valueOf(error.getMessage()),
                    error);
        }
    }
}
