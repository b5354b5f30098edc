package ai.human.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a configuration: where it is, what kind it is, and a message that says what
 * to do about it.
 *
 * <pre>{@code
 * for (ConfigError error : HumanConfig.validate("{\"face\":{\"detector\":{\"maxDetectd\":5}}}")) {
 *     System.err.println(error);      // face.detector.maxDetectd: unknown key ... did you mean 'face.detector.maxDetected'?
 *     error.suggestion();            // Optional[face.detector.maxDetected]
 * }
 * }</pre>
 *
 * @param path the dotted path of the offending key, e.g. {@code face.detector.maxDetected}; empty
 *     for a problem with the whole document (such as a JSON syntax error)
 * @param kind the kind of problem
 * @param message what is wrong and how to fix it
 * @param suggestion for {@link Kind#UNKNOWN_KEY}: the dotted path of the nearest known key, if any
 */
public record ConfigError(String path, Kind kind, String message, Optional<String> suggestion) {

    /** Kinds of configuration problems. */
    public enum Kind {
        /** A key that is not part of the option tree (the nearest known key is suggested). */
        UNKNOWN_KEY,
        /** A value of the wrong JSON type, e.g. a string where a number belongs. */
        WRONG_TYPE,
        /** A number outside its allowed range, e.g. a confidence above 1. */
        OUT_OF_RANGE,
        /** A value that is not one of the allowed choices, e.g. {@code warmup: "fast"}. */
        INVALID_VALUE,
        /** Text that could not be parsed: malformed JSON, or an override not written as {@code key=value}. */
        SYNTAX,
        /** A configuration file that could not be read. */
        UNREADABLE
    }

    /**
     * Checks that nothing is null.
     *
     * @param path the dotted path of the offending key, e.g. {@code face.detector.maxDetected}; empty
     *     for a problem with the whole document (such as a JSON syntax error)
     * @param kind the kind of problem
     * @param message what is wrong and how to fix it
     * @param suggestion for {@link Kind#UNKNOWN_KEY}: the dotted path of the nearest known key, if any
     */
    public ConfigError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(suggestion, "suggestion");
    }

    /**
     * An error without a suggestion.
     *
     * @param path the option's dotted path
     * @param kind what kind of problem
     * @param message what is wrong
     */
    public ConfigError(String path, Kind kind, String message) {
        this(path, kind, message, Optional.empty());
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}
