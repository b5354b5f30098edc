package ai.human.cli;

import ai.human.backend.BackendException;
import ai.human.backend.BackendSelection;
import ai.human.backend.BackendSelector;
import ai.human.backend.ProviderStatus;
import ai.human.config.HumanConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code human backends}: the providers on the classpath and which one would be chosen. */
@Command(name = "backends", sortOptions = false,
        header = "List the backends, whether they work here, which one is chosen.",
        description = {"List the backend providers found on the classpath with their priority, aliases and whether they"
                + " work here (and why not), then say which one 'detect' would use and why.",
                "",
                "Order of choice: --backend (or the config's backend), the system property human.backend, the"
                        + " environment variable HUMAN_BACKEND, else the available provider with the highest priority."
                        + " A named backend that is missing or unavailable is an error: there is no silent fallback."},
        footer = {"", "Examples:", "  human backends", "  human backends --backend djl", "  HUMAN_BACKEND=tf human backends"})
final class BackendsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        HumanConfig humanConfig = config.apply(DetectCommand.base());
        BackendSelector selector = BackendSelector.fromEnvironment();
        List<ProviderStatus> statuses = selector.statuses();
        PrintStream out = common.out();
        print(out, statuses);
        out.println();
        try {
            BackendSelection selection = selector.select(humanConfig.backend());
            out.println("Chosen: " + selection.provider().name() + " (" + selection.reason() + ")");
            out.flush();
            return ExitCode.OK;
        } catch (BackendException e) {
            out.println("Chosen: none");
            out.flush();
            throw CliException.usage(e.getMessage());
        }
    }

    static void print(PrintStream out, List<ProviderStatus> statuses) {
        if (statuses.isEmpty()) {
            out.println("No backend providers found on the classpath: add human-backend-tf or human-backend-djl.");
            return;
        }
        int nameWidth = Math.max(7, statuses.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        int aliasWidth = Math.max(7, statuses.stream().mapToInt(s -> aliases(s).length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %8s  %-" + aliasWidth + "s  %-11s  %s%n";
        out.printf(Locale.ROOT, format, "BACKEND", "PRIORITY", "ALIASES", "AVAILABLE", "REASON / CLASS");
        for (ProviderStatus status : statuses) {
            out.printf(Locale.ROOT, format, status.name(), status.priority(), aliases(status),
                    status.availability().available() ? "yes" : "no", status.availability().reason());
            out.printf(Locale.ROOT, format, "", "", "", "", status.type());
        }
    }

    private static String aliases(ProviderStatus status) {
        return status.aliases().isEmpty() ? "-" : String.join(",", status.aliases());
    }
}
