package ai.human.backend.djl;

import ai.human.guice.BackendChoice;
import com.google.inject.AbstractModule;

/**
 * Picks the DJL (PyTorch) backend for {@link ai.human.guice.HumanModule}, in code: the same as the config's
 * {@code backend: "djl"}, so it beats the {@code human.backend} system property and {@code HUMAN_BACKEND}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new HumanModule(config), new DjlBackendModule());
 * Human human = injector.getInstance(Human.class);   // on DJL, or an error saying why DJL is unavailable
 * }</pre>
 * Installing it together with another backend's module is a Guice error naming both; installing it twice is harmless
 * (all instances are equal). Guice is an optional dependency of this module: add {@code com.google.inject:guice} to use
 * this class.
 */
public final class DjlBackendModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(BackendChoice.class).toInstance(new BackendChoice(new DjlBackendProvider(), getClass().getSimpleName()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DjlBackendModule;
    }

    @Override
    public int hashCode() {
        return DjlBackendModule.class.hashCode();
    }
}
