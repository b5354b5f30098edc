package ai.human.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.config.HumanConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderToJsonLinesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesOneLinePerImageWithTheResultOrTheErrorAndGoesOn(@TempDir Path folder) throws IOException {
        byte[] sample1 = SamplePhotos.read("sample1.jpg");
        byte[] sample2 = SamplePhotos.read("sample2.jpg");
        Files.write(folder.resolve("sample1.jpg"), sample1);
        Files.write(folder.resolve("sample2.JPG"), sample2);
        Files.writeString(folder.resolve("broken.jpg"), "not a picture", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.txt"), "not an image file name", StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();

        int failed = FolderToJsonLines.run(HumanConfig.defaults(), folder, out);

        assertThat(failed).isEqualTo(1);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            lines.add(MAPPER.readTree(line));
        }
        assertThat(lines).extracting(line -> line.get("image").asText())
                .containsExactly("broken.jpg", "sample1.jpg", "sample2.JPG");
        assertThat(lines.get(0).has("result")).isFalse();
        assertThat(lines.get(0).get("error").asText()).contains("broken.jpg");
        assertResultOf(lines.get(1), sample1);
        assertResultOf(lines.get(2), sample2);
    }

    private static void assertResultOf(JsonNode line, byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        JsonNode result = line.get("result");
        assertThat(line.has("error")).isFalse();
        assertThat(result.get("width").asInt()).isEqualTo(decoded.getWidth());
        assertThat(result.get("height").asInt()).isEqualTo(decoded.getHeight());
        assertThat(result.get("face")).as("the default maxDetected is 1").hasSize(1);
        assertThat(result.get("face").get(0).get("embedding")).hasSize(1024);
        assertThat(result.get("face").get(0).get("tensor").isNull()).isTrue();
    }
}
