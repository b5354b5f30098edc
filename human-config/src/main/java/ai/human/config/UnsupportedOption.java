package ai.human.config;

import java.util.Objects;

/**
 * An option that Human 3.3.6 has, that is set to a value which would change Human's behaviour, and
 * that Human for Java does not implement. Such options are accepted (so a Human config file loads
 * unchanged) but reported, never silently ignored.
 *
 * <pre>{@code
 * HumanConfig config = HumanConfig.fromJson("{\"segmentation\":{\"enabled\":true}}");
 * for (UnsupportedOption option : config.unsupportedOptionDetails()) {
 *     log.warn("ignoring {}: {}", option.path(), option.reason());
 * }
 * }</pre>
 *
 * @param path the dotted path of the option, e.g. {@code segmentation.enabled}
 * @param reason why it has no effect here
 */
public record UnsupportedOption(String path, String reason) {
    /**
     * Checks that nothing is null.
     *
     * @param path the dotted path of the option, e.g. {@code segmentation.enabled}
     * @param reason why it has no effect here
     */
    public UnsupportedOption {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
