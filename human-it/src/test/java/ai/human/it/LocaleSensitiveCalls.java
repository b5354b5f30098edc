package ai.human.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds calls whose result depends on the JVM's default locale in Java source text: {@code toLowerCase()} and
 * {@code toUpperCase()} without a {@code Locale} (in Turkish, {@code "ID".toLowerCase()} is {@code "ıd"}),
 * {@code String.format} and {@code printf} whose first argument is not a {@code Locale} (in German, {@code %.2f} writes
 * {@code 0,50}; in Arabic, {@code %d} writes Arabic-Indic digits), and {@code formatted}, which has no locale
 * parameter. Comments, string literals, character literals and text blocks are ignored.
 */
final class LocaleSensitiveCalls {

    /** One call found: where, and what to write instead. */
    record Finding(String file, int line, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + problem;
        }
    }

    private static final Pattern CASE_WITHOUT_LOCALE = Pattern.compile("\\.\\s*(toLowerCase|toUpperCase)\\s*\\(\\s*\\)");
    private static final Pattern FORMAT_CALL = Pattern.compile("(\\bString\\s*\\.\\s*format|\\.\\s*printf)\\s*\\(\\s*");
    private static final Pattern LOCALE_ARGUMENT = Pattern.compile("(java\\.util\\.)?Locale\\s*\\.");
    private static final Pattern FORMATTED = Pattern.compile("\\.\\s*formatted\\s*\\(");

    private LocaleSensitiveCalls() {
    }

    /** Every finding in the {@code .java} files under {@code root}, skipping {@code target} and hidden folders. */
    static List<Finding> scanTree(Path root) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(LocaleSensitiveCalls::isSource).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                findings.addAll(scan(root.relativize(file).toString(), text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sources under " + root, e);
        }
        return findings;
    }

    private static boolean isSource(Path file) {
        if (!file.toString().endsWith(".java") || !Files.isRegularFile(file)) {
            return false;
        }
        for (Path part : file) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** Every finding in one file's text. */
    static List<Finding> scan(String file, String source) {
        String code = codeOnly(source);
        List<Finding> findings = new ArrayList<>();
        Matcher m = CASE_WITHOUT_LOCALE.matcher(code);
        while (m.find()) {
            findings.add(new Finding(file, lineOf(code, m.start()), m.group(1) + "() without a Locale: write "
                    + m.group(1) + "(Locale.ROOT)"));
        }
        m = FORMAT_CALL.matcher(code);
        while (m.find()) {
            if (!LOCALE_ARGUMENT.matcher(code).region(m.end(), code.length()).lookingAt()) {
                String call = m.group(1).replaceAll("\\s", "").replace(".printf", "printf");
                findings.add(new Finding(file, lineOf(code, m.start()), call + " without a Locale: pass Locale.ROOT "
                        + "(or the user's locale, on purpose) as the first argument"));
            }
        }
        m = FORMATTED.matcher(code);
        while (m.find()) {
            findings.add(new Finding(file, lineOf(code, m.start()), "formatted() uses the default locale: write "
                    + "String.format(Locale.ROOT, ...)"));
        }
        findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return findings;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The source with comments and the contents of string, character and text-block literals replaced by spaces
     * (line breaks kept, so that line numbers stay right; quotes kept, so that a literal is still seen as an argument).
     */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(source, i, end, out);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                out.append('"');
                blank(source, i + 1, end - 1, out);
                out.append('"');
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(j + 1, n);
                out.append(c);
                blank(source, i + 1, end - 1, out);
                out.append(c);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String source, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
