package ai.human.config;


import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds the {@link ConfigError.Kind#UNKNOWN_KEY} error, suggesting the nearest known key. */
final class KeySuggester {
    private KeySuggester() {
    }

    public static ConfigError unknownKey(ConfigSchema.Section section, String parentPath, String name) {
        String path = ConfigSchema.join(parentPath, name);
        Optional<String> suggestion = nearestSibling(section.keyNames(), name)
                .map(sibling -> ConfigSchema.join(parentPath, sibling))
                .or(() -> sameKeyElsewhere(parentPath, name));
        String where = parentPath.isEmpty() ? "at the top level" : "in " + parentPath;
        String message = "unknown key '" + name + "' " + where + suggestion
                .map(s -> "; did you mean '" + s + "'?")
                .orElse("; remove it, or use one of the keys known here: " + String.join(", ", section.keyNames()));
        return new ConfigError(path, ConfigError.Kind.UNKNOWN_KEY, message, suggestion);
    }

    /** The sibling key closest to {@code name} by edit distance, if close enough to be a typo. */
    static Optional<String> nearestSibling(List<String> siblings, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String sibling : siblings) {
            String candidate = sibling.toLowerCase(Locale.ROOT);
            int distance = distance(wanted, candidate);
            boolean prefix = wanted.length() >= 3 && candidate.startsWith(wanted);
            if ((distance <= tolerance(wanted) || prefix) && distance < bestDistance) {
                best = sibling;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A key of (nearly) the same name elsewhere in the tree, preferring the one closest to where it was found. */
    private static Optional<String> sameKeyElsewhere(String parentPath, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ConfigSchema.allPaths(ConfigSchema.of(HumanConfig.class)).stream()
                .filter(path -> distance(wanted, lastSegment(path).toLowerCase(Locale.ROOT)) <= 1)
                .min(Comparator.comparingInt((String path) -> -commonPrefixSegments(path, parentPath))
                        .thenComparingInt(path -> path.split("\\.").length));
    }

    private static int tolerance(String name) {
        return name.length() <= 4 ? 1 : name.length() <= 8 ? 2 : 3;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static int commonPrefixSegments(String path, String other) {
        String[] a = path.split("\\.");
        String[] b = other.split("\\.");
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) {
            common++;
        }
        return common;
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of two adjacent letters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
