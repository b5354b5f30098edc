package ai.human.config;

import java.util.List;

/**
 * How hard Human for Java looks for tensors that become unreachable without being closed
 * ({@code leakDetection}, a <b>Human-for-Java extension</b>: Human has no such option). Modelled on
 * Netty's resource-leak detector levels.
 *
 * <ul>
 *   <li>{@link #OFF}: no tracking; a lost tensor stays counted in {@code memory()} until its backend closes.</li>
 *   <li>{@link #SAMPLED} (the default): about one tensor in {@value #SAMPLING_INTERVAL} is tracked; cheap enough
 *       for production.</li>
 *   <li>{@link #ALL}: every tensor is tracked; a lost one is reported with its shape and owner, then freed.</li>
 *   <li>{@link #ALL_WITH_CREATION_SITE}: as {@code ALL}, and the report says where the tensor was created (a stack
 *       trace is taken for every tensor: for debugging, not for production).</li>
 * </ul>
 *
 * <h2>Which level applies</h2>
 * The system property {@value #PROPERTY} wins over the configuration's {@code leakDetection}, which wins over
 * the default {@code sampled}; {@link #effective} applies that rule, and {@code Human.create(config)} uses it for
 * the backend it creates. A backend created with explicit options uses the level given there.
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withLeakDetection(LeakDetection.ALL_WITH_CREATION_SITE);
 * // or in JSON: { "leakDetection": "all-with-creation-site" }
 * // or for any program, without touching its config: java -Dhuman.leakDetection=all-with-creation-site ...
 * LeakDetection level = LeakDetection.effective(config.leakDetection());
 * }</pre>
 */
public enum LeakDetection implements JsonNamed {
    /** {@code "off"}: no tracking beyond the live-tensor counters. */
    OFF("off"),
    /** {@code "sampled"} (the default, like Netty's SIMPLE): a sample of tensors is tracked cheaply. */
    SAMPLED("sampled"),
    /** {@code "all"}: every tensor is tracked. */
    ALL("all"),
    /** {@code "all-with-creation-site"}: every tensor is tracked and reported with where it was created. */
    ALL_WITH_CREATION_SITE("all-with-creation-site");

    /** Under {@link #SAMPLED}, one tensor in this many is tracked. */
    public static final int SAMPLING_INTERVAL = 64;

    /** System property that overrides the configured level, e.g. {@code -Dhuman.leakDetection=all}. */
    public static final String PROPERTY = "human.leakDetection";

    private final String jsonValue;

    LeakDetection(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    @Override
    public String jsonValue() {
        return jsonValue;
    }

    /**
     * Parses a level as the configuration or the system property writes it: the JSON name
     * ({@code all-with-creation-site}) or the constant's name ({@code ALL_WITH_CREATION_SITE}), any case, {@code -}
     * or {@code _}, surrounding spaces ignored.
     *
     * @param text the level's name
     * @return the level
     * @throws ConfigException naming the text and the accepted values
     */
    public static LeakDetection parse(String text) {
        LeakDetection level = text == null ? null : (LeakDetection) EnumLookup.find(LeakDetection.class, text.trim());
        if (level == null) {
            throw new ConfigException("leak detection level", List.of(new ConfigError("leakDetection",
                    ConfigError.Kind.INVALID_VALUE, "unknown level '" + text + "'; use one of "
                    + EnumLookup.allowed(LeakDetection.class))));
        }
        return level;
    }

    /**
     * {@return the level that applies: the system property {@value #PROPERTY} if it is set and not blank, else
     * {@code configured}}
     *
     * @param configured the configuration's level
     * @throws ConfigException when the system property names no level
     */
    public static LeakDetection effective(LeakDetection configured) {
        String property = System.getProperty(PROPERTY);
        if (property == null || property.isBlank()) {
            return configured;
        }
        try {
            return parse(property);
        } catch (ConfigException e) {
            throw new ConfigException("system property " + PROPERTY, List.of(new ConfigError("leakDetection",
                    ConfigError.Kind.INVALID_VALUE, "-D" + PROPERTY + "='" + property + "' is not a level; use one of "
                    + EnumLookup.allowed(LeakDetection.class) + ", or clear the property to use the configuration's")));
        }
    }
}
