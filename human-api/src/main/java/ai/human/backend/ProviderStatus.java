package ai.human.backend;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A provider found on the classpath and whether it can be used here.
 *
 * @param name         provider name
 * @param aliases      other accepted names
 * @param priority     selection priority
 * @param availability availability with its reason
 * @param type         implementing class
 */
public record ProviderStatus(String name, List<String> aliases, int priority, Availability availability, String type) {
    /**
     * Copies the aliases.
     *
     * @param name provider name
     * @param aliases other accepted names
     * @param priority selection priority
     * @param availability availability with its reason
     * @param type implementing class
     */
    public ProviderStatus {
        aliases = List.copyOf(aliases);
    }

    static ProviderStatus of(BackendProvider provider) {
        Availability availability;
        try {
            availability = provider.availability();
        } catch (RuntimeException | LinkageError e) {
            availability = Availability.no("availability check failed: " + e);
        }
        return new ProviderStatus(provider.name(), provider.aliases().stream().sorted().toList(), provider.priority(),
                availability, provider.getClass().getName());
    }

    /**
     * {@return {@code "tensorflow (priority 100, available: ...), djl (...)"} or {@code "none"}}
     *
     * @param statuses the providers' statuses
     */
    public static String describe(List<ProviderStatus> statuses) {
        if (statuses.isEmpty()) {
            return "none";
        }
        return statuses.stream().map(ProviderStatus::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name + " (priority " + priority + ", " + (availability.available() ? "available" : "unavailable")
                + ": " + availability.reason() + ")";
    }
}
