package ai.human.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.config.HumanConfig;
import ai.human.result.Box;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchFacesTest {
    private static final double SCALE = 0.8;

    @Test
    void eachFaceOfAResizedCopyFindsItselfAmongTheFolderFaces(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("people"));
        // named so that the other photo comes first: a match by order alone would pick one of its faces
        Files.write(folder.resolve("other.jpg"), SamplePhotos.read("sample2.jpg"));
        Files.write(folder.resolve("same.jpg"), SamplePhotos.read("sample1.jpg"));
        Path probe = dir.resolve("probe.png");
        ImageIO.write(scaled(SamplePhotos.read("sample1.jpg"), SCALE), "png", probe.toFile());
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        List<MatchFaces.Found> found = MatchFaces.run(HumanConfig.defaults(), probe, folder,
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(found).as("sample 1 is a group photo").hasSizeGreaterThan(1);
        List<String> lines = text.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSameSizeAs(found);
        for (int i = 0; i < found.size(); i++) {
            MatchFaces.Found one = found.get(i);
            MatchFaces.Face match = one.match().orElseThrow();
            assertThat(match.image()).isEqualTo("same.jpg");
            assertThat(match.box().iou(unscaled(one.probe().box()))).as("the same face, not another one of the photo")
                    .isGreaterThan(0.7);
            assertThat(one.similarity()).isGreaterThan(0.9);
            assertThat(lines.get(i)).startsWith("probe.png face " + one.probe().face() + " at [")
                    .contains(" -> same.jpg face " + match.face() + " at [")
                    .endsWith(String.format(java.util.Locale.ROOT, ", similarity %.2f", one.similarity()));
        }
    }

    private static Box unscaled(Box box) {
        return new Box(box.x() / SCALE, box.y() / SCALE, box.width() / SCALE, box.height() / SCALE);
    }

    private static BufferedImage scaled(byte[] jpeg, double factor) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        int width = (int) Math.round(image.getWidth() * factor);
        int height = (int) Math.round(image.getHeight() * factor);
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return scaled;
    }
}
