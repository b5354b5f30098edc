package ai.human.backend;

import ai.human.config.LeakDetection;
import java.util.Map;

/**
 * What a {@link BackendProvider} needs to create a backend.
 *
 * @param leakDetection how hard to look for leaked tensors
 * @param properties    backend-specific settings from the config's {@code backendOptions}, such as
 *                      {@code threads=1}; a backend ignores keys it does not know and logs them at DEBUG
 */
public record BackendOptions(LeakDetection leakDetection, Map<String, String> properties) {
    /**
     * Copies the properties.
     *
     * @param leakDetection how hard to look for leaked tensors
     * @param properties backend-specific settings from the config's {@code backendOptions}, such as
     *     {@code threads=1}; a backend ignores keys it does not know and logs them at DEBUG
     */
    public BackendOptions {
        properties = Map.copyOf(properties);
    }

    /** {@return options with no properties and the leak detection level of the system property, else sampled} */
    public static BackendOptions defaults() {
        return new BackendOptions(LeakDetection.effective(LeakDetection.SAMPLED), Map.of());
    }

    /**
     * {@return the integer property {@code key}, or {@code fallback} when absent}
     *
     * @param key the property's name
     * @param fallback the value when the property is absent
     */
    public int intProperty(String key, int fallback) {
        String value = properties.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BackendException("Backend option " + key + "='" + value + "' is not an integer; set e.g. "
                    + "backendOptions." + key + "=" + fallback);
        }
    }
}
