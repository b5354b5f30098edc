package ai.human.backend.djl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Keeps DJL from phoning home: sets {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} before any DJL
 * class initialises, unless the user chose a value already.
 *
 * <p>Without these, DJL's {@code Engine} reads EC2 instance metadata from a link-local address and sends telemetry
 * when it initialises, and may try to download PyTorch natives. A value the user set, either as the system property
 * or as the environment variable DJL reads first ({@code DJL_OFFLINE}, {@code OPT_OUT_TRACKING}), is left alone.
 */
public final class DjlPrivacy {
    /** System property that puts DJL in offline mode (no downloads, no telemetry). */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";
    /** Environment variable DJL reads before {@link #OFFLINE_PROPERTY}. */
    public static final String OFFLINE_ENV = "DJL_OFFLINE";
    /** System property and environment variable that turn DJL's telemetry off. */
    public static final String TRACKING_PROPERTY = "OPT_OUT_TRACKING";

    private DjlPrivacy() {
    }

    /** Applies the defaults to the JVM's system properties; returns the property names it set. */
    public static synchronized List<String> apply() {
        return apply(System.getProperties(), System.getenv());
    }

    /**
     * Sets each privacy property to {@code true} in {@code properties} unless it, or its environment variable in
     * {@code environment}, already has a value.
     *
     * @return the property names that were set
     */
    public static List<String> apply(Properties properties, Map<String, String> environment) {
        List<String> set = new ArrayList<>(2);
        if (setIfUnchosen(properties, environment, OFFLINE_PROPERTY, OFFLINE_ENV)) {
            set.add(OFFLINE_PROPERTY);
        }
        if (setIfUnchosen(properties, environment, TRACKING_PROPERTY, TRACKING_PROPERTY)) {
            set.add(TRACKING_PROPERTY);
        }
        return set;
    }

    private static boolean setIfUnchosen(Properties properties, Map<String, String> environment, String property,
                                         String variable) {
        if (properties.getProperty(property) != null || environment.get(variable) != null) {
            return false;
        }
        properties.setProperty(property, "true");
        return true;
    }
}
