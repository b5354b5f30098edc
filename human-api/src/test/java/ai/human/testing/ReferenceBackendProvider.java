package ai.human.testing;

import ai.human.backend.Availability;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendProvider;

/**
 * Provider of {@link ReferenceBackend}. Deliberately not registered with {@link java.util.ServiceLoader}: tests
 * create it directly, so it can never be picked by backend selection in an application.
 */
public final class ReferenceBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return ReferenceBackend.NAME;
    }

    @Override
    public int priority() {
        return 0;
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
