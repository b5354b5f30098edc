package ai.human.backend.djl;

import ai.human.backend.Availability;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendProvider;
import ai.human.backend.djl.internal.DjlEngine;
import ai.human.backend.djl.internal.DjlPrivacy;

/**
 * Provides the {@code djl} backend ({@link DjlBackend}, PyTorch through DJL), registered for
 * {@link java.util.ServiceLoader}; priority 50, below the TensorFlow backend.
 *
 * <pre>{@code
 * BackendProvider djl = new DjlBackendProvider();
 * if (djl.availability().available()) {
 *     try (Backend backend = djl.create(BackendOptions.defaults())) { ... }
 * }
 * }</pre>
 *
 * <p>{@link #availability()} loads the PyTorch engine on its first call (about a second; the first run on a machine
 * also unpacks the natives into DJL's cache) and reports why it could not, without throwing. Like the backend, it
 * first sets {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} unless the user chose values, so DJL
 * neither downloads nor sends telemetry (see {@link DjlBackend}).
 */
public final class DjlBackendProvider implements BackendProvider {
    /** Priority among available providers (TensorFlow has more). */
    public static final int PRIORITY = 50;

    @Override
    public String name() {
        return DjlBackend.NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        try {
            DjlPrivacy.apply();
            return DjlEngine.availability();
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("the DJL backend could not be checked: " + e);
        }
    }

    @Override
    public Backend create(BackendOptions options) {
        DjlPrivacy.apply();
        return new DjlBackend(options);
    }
}
