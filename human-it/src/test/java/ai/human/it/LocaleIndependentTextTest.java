package ai.human.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.it.LocaleSensitiveCalls.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No code of the project, main or test, in any module, lowercases, uppercases or formats numbers with the JVM's default
 * locale: case conversions take {@code Locale.ROOT}, and {@code String.format}/{@code printf} take a {@code Locale} first
 * (see {@link LocaleSensitiveCalls}). Config keys, backend names, dtype names, JSON and the tool's tables must read the
 * same on a Turkish or German machine.
 */
class LocaleIndependentTextTest {

    /** The repository root: every module's sources, and golden/tools, are below it. */
    private static final Path REPOSITORY = Path.of(System.getProperty("human.it.repository", "..")).toAbsolutePath()
            .normalize();

    @Test
    void noSourceFileUsesTheDefaultLocale() {
        assertThat(REPOSITORY.resolve("pom.xml")).as("the repository root (system property human.it.repository)")
                .isRegularFile();
        assertThat(REPOSITORY.resolve("human-api/src/main/java")).isDirectory();

        List<Finding> findings = LocaleSensitiveCalls.scanTree(REPOSITORY);

        assertThat(findings).as("calls that depend on the default locale:%n%s",
                findings.stream().map(Finding::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    @Test
    void theScanSeesSourcesOfEveryKind() throws Exception {
        // main and test code of several modules: a scan that looked nowhere would pass too
        long files;
        try (var walk = Files.walk(REPOSITORY)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .filter(p -> p.toString().contains("/src/main/java/") || p.toString().contains("/src/test/java/"))
                    .count();
        }
        assertThat(files).isGreaterThan(300);
    }

    @Test
    void theRuleReportsEachKindOfCallOnAFixture() {
        String fixture = """
                class Fixture {
                    String a(String s) { return s.toLowerCase(); }
                    String b(String s) { return s.toUpperCase( ); }
                    String c(double d) { return String.format("%.2f", d); }
                    void d(java.io.PrintStream out, int n) { out.printf("%d%n", n); }
                    String e(int n) { return "%d".formatted(n); }
                    String f(String s) {
                        return s
                                .toLowerCase();
                    }
                }
                """;

        List<Finding> findings = LocaleSensitiveCalls.scan("Fixture.java", fixture);

        assertThat(findings).extracting(Finding::line).containsExactly(2, 3, 4, 5, 6, 9);
        assertThat(findings.get(0).problem()).contains("toLowerCase() without a Locale", "Locale.ROOT");
        assertThat(findings.get(2).problem()).contains("String.format without a Locale");
        assertThat(findings.get(3).problem()).contains("printf without a Locale");
        assertThat(findings.get(4).problem()).contains("formatted()");
    }

    @Test
    void theRuleAcceptsLocalesAndIgnoresCommentsAndLiterals() {
        String fixture = """
                import java.util.Locale;
                class Fixture {
                    String a(String s) { return s.toLowerCase(Locale.ROOT) + s.toUpperCase(java.util.Locale.ROOT); }
                    String b(double d) { return String.format(Locale.ROOT, "%.2f", d); }
                    void c(java.io.PrintStream out) { out.printf(java.util.Locale.ROOT, "%s%n", "x.toLowerCase()"); }
                    // s.toLowerCase() in a line comment
                    /* String.format("%d", 1) in a block comment */
                    /** {@code out.printf("%d", 1)} in Javadoc */
                    String d() { return "String.format(\\"%d\\", 1) and \\".toUpperCase()\\""; }
                    char e() { return '"'; }
                    String f() { return \"""
                            "x".toLowerCase() in a text block
                            \"""; }
                }
                """;

        assertThat(LocaleSensitiveCalls.scan("Fixture.java", fixture)).isEmpty();
    }
}
