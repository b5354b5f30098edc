package ai.human.models.extra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads every resource out of the packaged jar, the way a module that depends on it does, and checks it against the
 * committed SHA-256 sums; each model's JSON names weight files that are in the jar beside it.
 */
class ExtraModelsJarIT {
    private static final Pattern PATHS = Pattern.compile("\"paths\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Test
    void everyFileComesFromTheJarWithItsCommittedSum() throws IOException {
        Map<String, String> sums = ExtraModelsTest.sums(System.getProperty("human.models.checksums", "checksums.sha256"));
        int files = 0;
        for (Map.Entry<String, String> entry : sums.entrySet()) {
            if (entry.getKey().contains("/")) {
                try (InputStream in = fromJar(entry.getKey()).openStream()) {
                    assertThat(ExtraModelsTest.sha256(in)).as(entry.getKey()).isEqualTo(entry.getValue());
                }
                files++;
            }
        }
        assertThat(files).isEqualTo(2 * 29 + 2);
        assertThat(fromJar("META-INF/human-models-extra/MODELS.md")).isNotNull();
        assertThat(fromJar("META-INF/human-models-extra/checksums.sha256")).isNotNull();
    }

    @Test
    void everyModelsWeightFilesAreBesideIt() throws IOException {
        Map<String, String> sums = ExtraModelsTest.sums(System.getProperty("human.models.checksums", "checksums.sha256"));
        for (String model : ExtraModelsTest.models(sums)) {
            String json;
            try (InputStream in = fromJar("ai/human/models/" + model + ".json").openStream()) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher paths = PATHS.matcher(json);
            int shards = 0;
            while (paths.find()) {
                Matcher file = QUOTED.matcher(paths.group(1));
                while (file.find()) {
                    assertThat(fromJar("ai/human/models/" + file.group(1))).as(model + " shard " + file.group(1)).isNotNull();
                    shards++;
                }
            }
            assertThat(shards).as(model + " weight files").isPositive();
        }
    }

    private static URL fromJar(String path) {
        URL url = ExtraModelsJarIT.class.getClassLoader().getResource(path);
        assertThat(url).as(path).isNotNull();
        assertThat(url.getProtocol()).as(path + " comes from a jar").isEqualTo("jar");
        assertThat(url.getPath()).as(path + " jar").contains("human-models-extra-");
        return url;
    }
}
