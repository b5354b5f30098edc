package ai.human.config;

import ai.human.config.internal.JsonNamed;

/**
 * How hard Human for Java looks for tensors that become unreachable without being closed
 * ({@code leakDetection}, a <b>Human-for-Java extension</b>: Human has no such option). Modelled on
 * Netty's resource-leak detector levels.
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withLeakDetection(LeakDetection.ALL_WITH_CREATION_SITE);
 * // or in JSON: { "leakDetection": "all-with-creation-site" }
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

    private final String jsonValue;

    LeakDetection(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    @Override
    public String jsonValue() {
        return jsonValue;
    }
}
