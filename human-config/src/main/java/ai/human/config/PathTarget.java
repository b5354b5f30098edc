package ai.human.config;

import ai.human.config.ConfigError.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a dotted path such as {@code face.detector.maxDetected} or {@code backendOptions.threads}
 * names in the option tree.
 *
 * @param path the dotted path as given
 * @param segments the JSON keys leading to the target (a map entry's key is one segment, dots and all)
 * @param key the option at the end of the path, or the map option that holds the entry
 * @param mapEntry whether the path names one entry of {@code key}'s map
 */
record PathTarget(String path, List<String> segments, ConfigSchema.Key key, boolean mapEntry) {

    /** Resolves a dotted path; on failure adds an error naming the path and returns null. */
    public static PathTarget resolve(String path, List<ConfigError> errors) {
        if (path == null || path.isBlank() || Arrays.stream(path.split("\\.", -1)).anyMatch(String::isBlank)) {
            errors.add(new ConfigError(path == null ? "" : path, Kind.SYNTAX, "'" + path + "' is not a dotted option path;"
                    + " write it like face.detector.maxDetected"));
            return null;
        }
        String[] parts = path.split("\\.");
        ConfigSchema.Section section = ConfigSchema.of(HumanConfig.class);
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            ConfigSchema.Key key = section.keys().get(parts[i]);
            String parent = String.join(".", segments);
            if (key == null) {
                errors.add(KeySuggester.unknownKey(section, parent, parts[i]));
                return null;
            }
            segments.add(parts[i]);
            boolean last = i == parts.length - 1;
            if (last) {
                return new PathTarget(path, List.copyOf(segments), key, false);
            }
            switch (key.type()) {
                case SECTION -> section = key.section();
                case STRING_MAP, JSON_MAP -> {
                    segments.add(String.join(".", Arrays.asList(parts).subList(i + 1, parts.length)));
                    return new PathTarget(path, List.copyOf(segments), key, true);
                }
                default -> {
                    errors.add(new ConfigError(path, Kind.UNKNOWN_KEY, ConfigSchema.join(parent, parts[i])
                            + " is a single value and has no keys below it; use the path " + ConfigSchema.join(parent, parts[i])));
                    return null;
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The dotted path of the option itself (for a map entry: of its map). */
    public String optionPath() {
        return String.join(".", mapEntry ? segments.subList(0, segments.size() - 1) : segments);
    }
}
