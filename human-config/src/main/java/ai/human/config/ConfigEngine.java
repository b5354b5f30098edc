package ai.human.config;

import ai.human.config.ConfigError.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every way of making a new configuration from an old one goes the same way: build the user's
 * partial tree, check it, merge it over the old configuration's tree like Human's
 * {@code mergeDeep} (or replace one value), then build the records. Any problem found on the way
 * ends in one {@link ConfigException} that lists them all.
 */
final class ConfigEngine {
    private ConfigEngine() {
    }

    public static HumanConfig merge(HumanConfig base, String json, String source) {
        List<ConfigError> errors = new ArrayList<>();
        JsonNode user = Json.parse(json, errors);
        if (user != null) {
            errors.addAll(TreeValidator.validate(user));
        }
        throwIfAny(source, errors);
        return TreeBinder.bind(DeepMerge.merge(TreeWriter.write(base), user), HumanConfig.class);
    }

    public static List<ConfigError> validate(String json) {
        List<ConfigError> errors = new ArrayList<>();
        JsonNode user = Json.parse(json, errors);
        if (user != null) {
            errors.addAll(TreeValidator.validate(user));
        }
        return List.copyOf(errors);
    }

    public static String read(Path file, List<ConfigError> errors) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            errors.add(new ConfigError("", Kind.UNREADABLE, "cannot read configuration file " + file.toAbsolutePath() + ": " + e
                    + "; check that the file exists, is readable and is UTF-8 text"));
            return null;
        }
    }

    /** Applies overrides in order, later ones winning; all bad overrides are reported together. */
    public static HumanConfig withOverrides(HumanConfig base, List<Map.Entry<String, String>> overrides) {
        return withOverrides(base, overrides, List.of());
    }

    /** As {@link #withOverrides(HumanConfig, List)}, also reporting problems found earlier (e.g. by splitting). */
    public static HumanConfig withOverrides(HumanConfig base, List<Map.Entry<String, String>> overrides, List<ConfigError> earlier) {
        List<ConfigError> errors = new ArrayList<>(earlier);
        ObjectNode tree = TreeWriter.write(base);
        for (Map.Entry<String, String> override : overrides) {
            List<ConfigError> found = new ArrayList<>();
            ObjectNode user = Overrides.toTree(override.getKey(), override.getValue(), found);
            if (user != null) {
                found.addAll(TreeValidator.validate(user));
            }
            if (found.isEmpty()) {
                tree = DeepMerge.merge(tree, user);
            }
            errors.addAll(found);
        }
        throwIfAny("override", errors);
        return TreeBinder.bind(tree, HumanConfig.class);
    }

    /** Splits {@code key=value} texts; a text without {@code =} adds a syntax error. */
    public static List<Map.Entry<String, String>> splitAssignments(List<String> assignments, List<ConfigError> errors) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String assignment : assignments) {
            int equals = assignment == null ? -1 : assignment.indexOf('=');
            if (equals < 1) {
                errors.add(new ConfigError("", Kind.SYNTAX, "override '" + assignment + "' is not written as key=value;"
                        + " write e.g. face.detector.maxDetected=5"));
            } else {
                entries.add(Map.entry(assignment.substring(0, equals).trim(), assignment.substring(equals + 1)));
            }
        }
        return entries;
    }

    /** Replaces the value at one path (a whole section, map or map entry included). */
    public static HumanConfig with(HumanConfig base, String path, Object value) {
        List<ConfigError> errors = new ArrayList<>();
        PathTarget target = PathTarget.resolve(path, errors);
        String source = "with(" + path + ")";
        throwIfAny(source, errors);
        JsonNode node;
        try {
            node = JsonValues.fromJava(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, List.of(new ConfigError(path, Kind.WRONG_TYPE, e.getMessage())));
        }
        ConfigSchema.Key key = target.key();
        if (!target.mapEntry() && key.type() == ConfigSchema.ValueType.SECTION && !key.javaType().isInstance(value)) {
            throw new ConfigException(source, List.of(new ConfigError(path, Kind.WRONG_TYPE, path + " is a section; give a "
                    + key.javaType().getSimpleName() + ", or set one of its values with with(\"" + path + "."
                    + key.section().keyNames().get(0) + "\", ...)")));
        }
        ObjectNode tree = TreeWriter.write(base);
        ObjectNode parent = tree;
        List<String> segments = target.segments();
        for (String segment : segments.subList(0, segments.size() - 1)) {
            parent = (ObjectNode) parent.get(segment);
        }
        parent.set(segments.get(segments.size() - 1), node);
        throwIfAny(source, TreeValidator.validate(tree));
        return TreeBinder.bind(tree, HumanConfig.class);
    }

    public static List<ConfigError> validate(HumanConfig config) {
        return TreeValidator.validate(TreeWriter.write(config));
    }

    public static String toJson(HumanConfig config) {
        return Json.write(TreeWriter.write(config));
    }

    public static void throwIfAny(String source, List<ConfigError> errors) {
        if (!errors.isEmpty()) {
            throw new ConfigException(source, errors);
        }
    }
}
