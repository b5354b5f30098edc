package ai.human.backend.djl.internal;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.human.backend.Availability;
import ai.human.backend.BackendException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads DJL's PyTorch engine once per JVM (natives from the {@code pytorch-native-cpu} jar on the classpath, never
 * downloaded) and sets PyTorch's intra-op thread count.
 */
public final class DjlEngine {
    /** DJL's name of the PyTorch engine. */
    public static final String ENGINE_NAME = "PyTorch";
    /** System property DJL reads at engine start for the intra-op thread count. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private static final Logger LOG = LoggerFactory.getLogger(DjlEngine.class);
    private static Availability availability;

    private DjlEngine() {
    }

    /** Whether the PyTorch engine loads here, with the reason; loads it on the first call. Never throws. */
    public static synchronized Availability availability() {
        if (availability == null) {
            availability = load();
        }
        return availability;
    }

    /** Loads the engine, or throws a {@link BackendException} saying why it cannot. */
    public static void require() {
        Availability a = availability();
        if (!a.available()) {
            throw new BackendException("The DJL backend cannot start: " + a.reason() + ". It needs the "
                    + "ai.djl.pytorch:pytorch-native-cpu jar for this platform (linux-x86_64 is bundled) on the "
                    + "classpath; choose another backend with backend=tensorflow otherwise");
        }
    }

    /**
     * Sets PyTorch's intra-op thread count. PyTorch keeps it per process, so the last backend created decides for
     * all DJL backends of the JVM.
     */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new BackendException("Backend option threads=" + threads + " is invalid; use 1 or more"
                    + " (1 is fastest on small machines)");
        }
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** PyTorch's current intra-op thread count. */
    public static int threads() {
        return JniUtils.getNumThreads();
    }

    /** PyTorch's version, such as {@code 2.7.1}. */
    public static String version() {
        return Engine.getEngine(ENGINE_NAME).getVersion();
    }

    private static Availability load() {
        DjlPrivacy.apply();
        try {
            Engine engine = Engine.getEngine(ENGINE_NAME);
            String reason = "PyTorch " + engine.getVersion() + " CPU loaded by DJL " + Engine.getDjlVersion();
            LOG.debug("DJL backend available: {}", reason);
            return Availability.yes(reason);
        } catch (RuntimeException | LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root == e ? e.toString() : e + " (cause: " + root + ")";
            LOG.debug("DJL backend unavailable: {}", why, e);
            return Availability.no("the DJL PyTorch engine did not load: " + why);
        }
    }
}
