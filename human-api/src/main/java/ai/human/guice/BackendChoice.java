package ai.human.guice;

import ai.human.error.HumanException;
import ai.human.backend.BackendProvider;
import ai.human.config.HumanConfig;
import java.util.Objects;

/**
 * A backend an application picked in code, bound by a backend's Guice module ({@code TfBackendModule},
 * {@code DjlBackendModule}) and read by {@link HumanModule}. It has the effect of the config's {@code backend}: it
 * beats the {@code human.backend} system property and the {@code HUMAN_BACKEND} environment variable.
 *
 * <pre>{@code
 * public final class MyBackendModule extends AbstractModule {
 *     protected void configure() {
 *         bind(BackendChoice.class).toInstance(new BackendChoice(new MyBackendProvider(), "MyBackendModule"));
 *     }
 * }
 * }</pre>
 * Only one module may bind it: two backend modules in one injector are a Guice error naming both.
 *
 * @param provider the chosen backend's provider (its name and aliases are what count; it must also be registered
 *                 for {@link java.util.ServiceLoader}, as the built-in backends are)
 * @param boundBy  who chose it, for messages (for example {@code "TfBackendModule"})
 */
public record BackendChoice(BackendProvider provider, String boundBy) {
    /**
     * Checks that nothing is null.
     *
     * @param provider the chosen backend's provider (its name and aliases are what count; it must also be registered
     *     for {@link java.util.ServiceLoader}, as the built-in backends are)
     * @param boundBy who chose it, for messages (for example {@code "TfBackendModule"})
     */
    public BackendChoice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(boundBy, "boundBy");
    }

    /**
     * {@return {@code config} with its {@code backend} set to this choice}
     *
     * @param config the configuration
     * @throws HumanException when the config already names another backend
     */
    public HumanConfig applyTo(HumanConfig config) {
        String configured = config.backend();
        if (configured == null || configured.isBlank()) {
            return config.withBackend(provider.name());
        }
        if (provider.answersTo(configured)) {
            return config;
        }
        throw new HumanException("The config's backend is '" + configured.trim() + "' but " + boundBy + " picks '"
                + provider.name() + "'; remove " + boundBy + " from the injector or the backend from the config");
    }
}
