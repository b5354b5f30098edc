package ai.human.backend.reference;

import ai.human.backend.Availability;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendProvider;

/**
 * Provider of {@link ReferenceBackend}, backend name {@value ReferenceBackend#NAME}, registered with
 * {@link java.util.ServiceLoader}. Its priority is the lowest ({@value #PRIORITY}): next to a native backend it is
 * chosen only by name ({@code backend: "reference"}), so putting its jar on a classpath never slows an application
 * down unnoticed.
 *
 * <pre>{@code
 * try (Backend backend = new ReferenceBackendProvider().create(BackendOptions.defaults())) { ... }
 * }</pre>
 */
public final class ReferenceBackendProvider implements BackendProvider {
    /** The provider's priority: below every other backend's. */
    public static final int PRIORITY = 0;

    @Override
    public String name() {
        return ReferenceBackend.NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        return Availability.yes("pure Java, always available");
    }

    @Override
    public Backend create(BackendOptions options) {
        return new ReferenceBackend(options.leakDetection());
    }
}
