package ai.human.tensor;

import java.util.Locale;

/**
 * How hard a backend looks for tensors that become unreachable without being closed.
 *
 * <ul>
 *   <li>{@link #OFF}: no tracking; a leaked tensor stays counted in {@code memory()} until the backend closes.</li>
 *   <li>{@link #SAMPLED}: about one tensor in {@value #SAMPLING_INTERVAL} is tracked; cheap enough for production.</li>
 *   <li>{@link #ALL}: every tensor is tracked; a leaked one is reported with its shape and owner, then freed.</li>
 *   <li>{@link #ALL_WITH_CREATION_SITE}: as {@code ALL}, and the report says where the tensor was created.</li>
 * </ul>
 * Chosen by the config's {@code leakDetection} and overridden by the system property {@code human.leakDetection}.
 */
public enum LeakDetection {
    OFF, SAMPLED, ALL, ALL_WITH_CREATION_SITE;

    /** Under {@link #SAMPLED}, one tensor in this many is tracked. */
    public static final int SAMPLING_INTERVAL = 64;

    /** System property that overrides the configured level. */
    public static final String PROPERTY = "human.leakDetection";

    /**
     * Parses a level name, case-insensitive, with {@code -} or {@code _} ({@code all-with-creation-site}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LeakDetection parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (LeakDetection level : values()) {
            if (level.name().equals(normalized)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown leak detection level '" + text
                + "'; use one of off, sampled, all, all_with_creation_site");
    }

    /** The system property's level if set, else {@code configured}. */
    public static LeakDetection effective(LeakDetection configured) {
        String property = System.getProperty(PROPERTY);
        return property == null || property.isBlank() ? configured : parse(property);
    }
}
