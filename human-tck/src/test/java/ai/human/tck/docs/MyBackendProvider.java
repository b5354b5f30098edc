package ai.human.tck.docs;

import ai.human.backend.Availability;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendProvider;

/** The provider of {@link MyBackend}, for the example in {@code docs/running-the-tck.md}. */
final class MyBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "mine";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.yes("pure Java");
    }

    @Override
    public Backend create(BackendOptions options) {
        return new MyBackend();
    }
}
