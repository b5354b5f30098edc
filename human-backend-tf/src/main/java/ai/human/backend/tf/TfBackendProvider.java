package ai.human.backend.tf;

import ai.human.backend.Availability;
import ai.human.backend.Backend;
import ai.human.backend.BackendException;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendProvider;
import ai.human.backend.tf.internal.NativeLibrary;
import java.util.Set;

/**
 * Provides {@link TfBackend} under the name {@code tensorflow} (alias {@code tf}); the default backend (priority
 * {@value #PRIORITY}) wherever TensorFlow's native library loads. Registered for {@link java.util.ServiceLoader},
 * so having this module on the classpath is enough.
 *
 * <pre>{@code
 * BackendProvider provider = new TfBackendProvider();
 * if (provider.availability().available()) {
 *     try (Backend backend = provider.create(BackendOptions.defaults())) { ... }
 * }
 * }</pre>
 */
public final class TfBackendProvider implements BackendProvider {
    /** Higher than any other built-in backend: TensorFlow is the default. */
    public static final int PRIORITY = 100;

    @Override
    public String name() {
        return TfBackend.NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("tf");
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** Loads TensorFlow's native library (once) and reports whether that worked; never throws. */
    @Override
    public Availability availability() {
        return NativeLibrary.availability();
    }

    /**
     * @throws BackendException if the native library is not available here (with the reason) or an option is
     *                          malformed
     */
    @Override
    public Backend create(BackendOptions options) {
        Availability availability = availability();
        if (!availability.available()) {
            throw new BackendException("The TensorFlow backend is not available: " + availability.reason());
        }
        return new TfBackend(options);
    }
}
