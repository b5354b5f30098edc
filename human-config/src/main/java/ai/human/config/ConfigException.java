package ai.human.config;

import ai.human.error.HumanException;

import java.util.List;
import java.util.Objects;

/**
 * A configuration could not be loaded or changed; {@link #errors()} lists every problem found, not
 * just the first, and the message shows them all.
 *
 * <pre>{@code
 * try {
 *     HumanConfig config = HumanConfig.fromFile(Path.of("human.json"));
 * } catch (ConfigException e) {
 *     e.errors().forEach(error -> System.err.println(error.path() + " " + error.kind() + ": " + error.message()));
 * }
 * }</pre>
 */
public class ConfigException extends HumanException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    /**
     * @param source what was being read, for the message (e.g. a file name, "JSON text", "override")
     * @param errors the problems found; must not be empty
     */
    public ConfigException(String source, List<ConfigError> errors) {
        super(describe(source, errors));
        this.errors = List.copyOf(errors);
    }

    /** {@return every problem found, in document order} */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String describe(String source, List<ConfigError> errors) {
        Objects.requireNonNull(source, "source");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        StringBuilder text = new StringBuilder()
                .append("invalid Human configuration (").append(source).append("): ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        for (ConfigError error : errors) {
            text.append(System.lineSeparator()).append("  - ").append(error);
        }
        return text.toString();
    }
}
