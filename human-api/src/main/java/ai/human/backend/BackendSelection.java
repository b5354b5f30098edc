package ai.human.backend;

import java.util.List;

/**
 * The outcome of backend selection: the chosen provider, why, and every provider found.
 *
 * @param provider the provider to use
 * @param reason   why it was chosen, for example {@code "system property human.backend=djl"}
 * @param found    every provider on the classpath with its availability, highest priority first
 */
public record BackendSelection(BackendProvider provider, String reason, List<ProviderStatus> found) {
    /**
     * Copies the list of providers found.
     *
     * @param provider the provider to use
     * @param reason why it was chosen, for example {@code "system property human.backend=djl"}
     * @param found every provider on the classpath with its availability, highest priority first
     */
    public BackendSelection {
        found = List.copyOf(found);
    }

    /** {@return the one log line naming the winner} */
    public String logLine() {
        return "Human backend: " + provider.name() + " (" + reason + "; found: " + ProviderStatus.describe(found) + ")";
    }
}
