package ai.human.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads the resources out of the two packaged jars (main and {@code test-images}), the way a module
 * that depends on them does, and checks them against the committed SHA-256 sums.
 */
class ModelJarsIT {

    private static final List<String> MODELS = List.of("blazeface", "facemesh", "iris", "emotion", "faceres",
            "antispoof", "liveness", "movenet-lightning", "handtrack", "handlandmark-lite", "centernet");

    @Test
    void everyModelFileComesFromTheMainJarWithItsCommittedSum() throws IOException {
        Map<String, String> sums = committedSums();
        for (String model : MODELS) {
            for (String ext : List.of(".json", ".bin")) {
                String path = "ai/human/models/" + model + ext;
                assertThat(resourceSha256(path, "human-models-")).as(path).isEqualTo(sums.get(path));
            }
        }
        assertThat(resourceSha256("META-INF/human-models/LICENSE-human", "human-models-"))
                .isEqualTo(sums.get("META-INF/human-models/LICENSE-human"));
        assertThat(resource("META-INF/human-models/MODELS.md", "human-models-")).isNotNull();
    }

    @Test
    void sixSampleImagesComeFromTheTestImagesJarWithTheirCommittedSums() throws IOException {
        Map<String, String> sums = committedSums();
        for (int i = 1; i <= 6; i++) {
            String path = "ai/human/testimages/sample" + i + ".jpg";
            assertThat(resourceSha256(path, "-test-images.jar")).as(path).isEqualTo(sums.get(path));
        }
        try (InputStream in = ModelJarsIT.class.getResourceAsStream("/ai/human/testimages/sample1.jpg")) {
            assertThat(in).isNotNull();
            byte[] head = in.readNBytes(2);
            assertThat(head).containsExactly(0xFF, 0xD8); // JPEG start-of-image marker
        }
    }

    @Test
    void everyCommittedJarEntryIsOnTheClasspath() throws IOException {
        for (String path : committedSums().keySet()) {
            if (path.contains("/")) {
                assertThat(ModelJarsIT.class.getClassLoader().getResource(path)).as(path).isNotNull();
            }
        }
    }

    private static URL resource(String path, String jarNamePart) {
        URL url = ModelJarsIT.class.getClassLoader().getResource(path);
        assertThat(url).as(path).isNotNull();
        assertThat(url.getProtocol()).as(path + " comes from a jar").isEqualTo("jar");
        assertThat(url.getPath()).as(path + " jar").contains(jarNamePart);
        return url;
    }

    private static String resourceSha256(String path, String jarNamePart) throws IOException {
        try (InputStream in = resource(path, jarNamePart).openStream()) {
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

    private static Map<String, String> committedSums() throws IOException {
        Path file = Path.of(System.getProperty("human.models.checksums", "checksums.sha256"));
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+", 2);
                sums.put(parts[1], parts[0]);
            }
        }
        return sums;
    }
}
