/**
 * Guice wiring for Human: {@link ai.human.guice.HumanModule} binds the config, a singleton {@link ai.human.Human} and
 * its backend; a backend's own module ({@code TfBackendModule}, {@code DjlBackendModule}) picks the backend in code
 * through {@link ai.human.guice.BackendChoice}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new HumanModule(config), new TfBackendModule());
 * }</pre>
 * Guice ({@code com.google.inject:guice} 7.x) is an optional dependency: only this package uses it.
 */
package ai.human.guice;
