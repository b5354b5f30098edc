package ai.human.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a {@link BackendProvider}, in one documented order:
 * <ol>
 *   <li>the config's {@code backend} (when not empty),</li>
 *   <li>the system property {@value #PROPERTY},</li>
 *   <li>the environment variable {@value #ENVIRONMENT},</li>
 *   <li>the available provider with the highest priority.</li>
 * </ol>
 * A name given by any of the first three must match an available provider (by name or alias), otherwise selection
 * fails with the list of providers found and why each is unavailable: it never falls back silently.
 *
 * <pre>{@code
 * BackendSelection selection = BackendSelector.fromEnvironment().select(config.backend());
 * try (Backend backend = selection.provider().create(options)) { ... }
 * }</pre>
 */
public final class BackendSelector {
    private static final Logger LOG = LoggerFactory.getLogger(BackendSelector.class);

    /** System property naming the backend. */
    public static final String PROPERTY = "human.backend";
    /** Environment variable naming the backend. */
    public static final String ENVIRONMENT = "HUMAN_BACKEND";

    private final List<BackendProvider> providers;
    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;

    /**
     * @param providers        candidates
     * @param systemProperties lookup of system properties (normally {@code System::getProperty})
     * @param environment      lookup of environment variables (normally {@code System::getenv})
     */
    public BackendSelector(List<BackendProvider> providers, Function<String, String> systemProperties,
                           Function<String, String> environment) {
        this.providers = List.copyOf(providers);
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** {@return a selector over the providers {@link ServiceLoader} finds with this class's loader, reading the real system
     * properties and environment} */
    public static BackendSelector fromEnvironment() {
        return new BackendSelector(discover(BackendSelector.class.getClassLoader()), System::getProperty, System::getenv);
    }

    /**
     * {@return every {@link BackendProvider} registered with {@link ServiceLoader} in {@code loader}}
     *
     * @param loader the class loader to search
     */
    public static List<BackendProvider> discover(ClassLoader loader) {
        List<BackendProvider> found = new ArrayList<>();
        for (ServiceLoader.Provider<BackendProvider> p : ServiceLoader.load(BackendProvider.class, loader).stream().toList()) {
            found.add(p.get());
        }
        return found;
    }

    /** {@return every provider with its availability, highest priority first} */
    public List<ProviderStatus> statuses() {
        return providers.stream().map(ProviderStatus::of)
                .sorted(Comparator.comparingInt(ProviderStatus::priority).reversed().thenComparing(ProviderStatus::name))
                .toList();
    }

    /**
     * Selects a provider and logs the winner in one line.
     *
     * @param configured the config's {@code backend}; {@code null} or empty means not set
     * @return the provider chosen, why, and every provider found
     * @throws BackendException when a named backend is missing or unavailable, or none is available
     */
    public BackendSelection select(String configured) {
        BackendSelection selection = choose(configured);
        LOG.info(selection.logLine());
        return selection;
    }

    private BackendSelection choose(String configured) {
        List<ProviderStatus> statuses = statuses();
        if (isSet(configured)) {
            return named(configured, "config backend='" + configured.trim() + "'", statuses);
        }
        String property = systemProperties.apply(PROPERTY);
        if (isSet(property)) {
            return named(property, "system property " + PROPERTY + "=" + property.trim(), statuses);
        }
        String env = environment.apply(ENVIRONMENT);
        if (isSet(env)) {
            return named(env, "environment " + ENVIRONMENT + "=" + env.trim(), statuses);
        }
        for (ProviderStatus status : statuses) {
            if (status.availability().available()) {
                return new BackendSelection(provider(status.name()), "highest-priority available provider", statuses);
            }
        }
        throw new BackendException("No Human backend is available. Providers found: " + ProviderStatus.describe(statuses)
                + ". Put human-backend-tf or human-backend-djl (with its native libraries) on the classpath.");
    }

    private BackendSelection named(String requested, String source, List<ProviderStatus> statuses) {
        BackendProvider match = providers.stream().filter(p -> p.answersTo(requested)).findFirst().orElse(null);
        if (match == null) {
            throw new BackendException("Backend '" + requested.trim() + "' (from " + source + ") is not on the classpath. "
                    + "Providers found: " + ProviderStatus.describe(statuses) + ". Add the backend's module (the built-in ones"
                    + " are human-backend-tf and human-backend-djl) to the classpath or name one of the providers found.");
        }
        ProviderStatus status = statuses.stream().filter(s -> s.name().equals(match.name())).findFirst().orElseThrow();
        if (!status.availability().available()) {
            throw new BackendException("Backend '" + match.name() + "' (from " + source + ") is not available here: "
                    + status.availability().reason() + ". Providers found: " + ProviderStatus.describe(statuses) + ".");
        }
        return new BackendSelection(match, source, statuses);
    }

    private BackendProvider provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
