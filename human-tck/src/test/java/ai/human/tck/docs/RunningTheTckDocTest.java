package ai.human.tck.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/running-the-tck.md} shows {@link MyBackendCompatibilityTest} and a pom snippet: the Java must be this
 * module's compiled example (from its first import on, without the lines marked {@value #NOT_SHOWN}, which keep it
 * from running here), and the snippet must name this module's coordinates.
 */
class RunningTheTckDocTest {
    private static final Path DOC = Path.of("..", "docs", "running-the-tck.md");
    /** Ends the lines of the example the doc leaves out (it is not run in this build). */
    private static final String NOT_SHOWN = "// not in the doc";
    private static final Path EXAMPLE = Path.of("src", "test", "java", "ai", "human", "tck", "docs",
            "MyBackendCompatibilityTest.java");

    @Test
    void theSubclassInTheDocIsTheCompiledExample() throws IOException {
        String example = Files.readString(EXAMPLE);
        String shown = Arrays.stream(example.substring(example.indexOf("import ")).split("\n", -1))
                .filter(line -> !line.endsWith(NOT_SHOWN))
                .collect(Collectors.joining("\n"));

        assertThat(block(Files.readString(DOC), "java")).isEqualTo(shown);
    }

    @Test
    void thePomSnippetNamesThisModulesCoordinates() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String snippet = block(Files.readString(DOC), "xml");
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(version.find()).as("the parent version in human-tck/pom.xml").isTrue();

        assertThat(snippet).contains("<groupId>ai.human</groupId>", "<artifactId>human-tck</artifactId>",
                "<version>" + version.group(1) + "</version>", "<scope>test</scope>");
    }

    /** The first fenced block of {@code language} in {@code markdown}, without its fences. */
    private static String block(String markdown, String language) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(m.find()).as("a ```%s block in %s", language, DOC).isTrue();
        return m.group(1);
    }
}
