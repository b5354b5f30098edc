package ai.human.guice;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Guice bindings for Human: the {@link HumanConfig}, a singleton {@link Human} and its {@link Backend}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new HumanModule(HumanConfig.fromFile(Path.of("human.json"))));
 * Human human = injector.getInstance(Human.class);      // or @Inject Human human in your classes
 * try (Result result = human.detect(Path.of("group.jpg"))) { ... }
 * human.close();                                         // when the application stops: models and backend
 * }</pre>
 *
 * <h2>Which backend</h2>
 * Without a backend module, the backend is chosen exactly as {@link Human#create(HumanConfig)} chooses it: the
 * config's {@code backend}, the {@code human.backend} system property, the {@code HUMAN_BACKEND} environment variable,
 * else the available provider with the highest priority (see {@link ai.human.backend.BackendSelector}). To pick one in
 * code, install its module as well, {@code TfBackendModule} or {@code DjlBackendModule}: that has the effect of the
 * config's {@code backend} (it beats the system property and the environment; a config naming another backend is an
 * error). Installing both is a Guice error at {@code createInjector} naming the two modules.
 *
 * <h2>Lifecycle</h2>
 * Guice has no shutdown: the application closes the {@link Human} when it stops, which releases the models, every
 * result tensor not taken and the backend (the bound {@link Backend} is the Human's own; do not close it separately).
 * The Human is created on first use (or when the injector is created, in {@code Stage.PRODUCTION}); the config file
 * of {@link #fromFile} is read then too, never while modules are configured.
 *
 * <p>Guice is an optional dependency of {@code human-api}: add {@code com.google.inject:guice} (7.x, which uses
 * {@code jakarta.inject}) to use this class; nothing else in Human needs it.
 */
public final class HumanModule extends AbstractModule {
    private final Supplier<HumanConfig> config;

    /** Binds Human's defaults ({@link HumanConfig#defaults()}). */
    public HumanModule() {
        this(HumanConfig.defaults());
    }

    /**
     * Binds {@code config}.
     *
     * @param config the configuration to bind
     */
    public HumanModule(HumanConfig config) {
        Objects.requireNonNull(config, "config");
        this.config = () -> config;
    }

    private HumanModule(Supplier<HumanConfig> config) {
        this.config = config;
    }


    /**
     * Binds the config in a JSON {@code file} (merged over the defaults, see {@link HumanConfig#fromFile}), read when
     * the config is first needed; a missing or invalid file then fails with a {@link ai.human.config.ConfigException}
     * (wrapped by Guice) that names every problem.
     *
     * @param file the JSON configuration file
     * @return the module
     */
    public static HumanModule fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        return new HumanModule(() -> HumanConfig.fromFile(file));
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), BackendChoice.class);
    }

    /** The config, with its {@code backend} set by a backend module if one is installed. */
    @Provides
    @Singleton
    HumanConfig humanConfig(Optional<BackendChoice> choice) {
        HumanConfig loaded = config.get();
        return choice.map(c -> c.applyTo(loaded)).orElse(loaded);
    }

    @Provides
    @Singleton
    Human human(HumanConfig humanConfig) {
        return Human.create(humanConfig);
    }

    /** The Human's backend: it belongs to the Human and is closed with it. */
    @Provides
    Backend backend(Human human) {
        return human.backend();
    }
}
