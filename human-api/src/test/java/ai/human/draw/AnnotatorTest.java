package ai.human.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.result.BodyKeypoint;
import ai.human.result.BodyResult;
import ai.human.result.Box;
import ai.human.result.EmotionScore;
import ai.human.result.FaceResult;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Point;
import ai.human.result.Result;
import ai.human.result.ResultTensor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotatorTest {
    private static final int GREY = new Color(60, 60, 60).getRGB();

    private static BufferedImage grey(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, GREY);
            }
        }
        return image;
    }

    private static int changedPixels(BufferedImage before, BufferedImage after, Box region) {
        int changed = 0;
        int x1 = (int) Math.max(0, region.x());
        int y1 = (int) Math.max(0, region.y());
        int x2 = (int) Math.min(before.getWidth(), region.x() + region.width());
        int y2 = (int) Math.min(before.getHeight(), region.y() + region.height());
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                if ((before.getRGB(x, y) & 0xffffff) != (after.getRGB(x, y) & 0xffffff)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static FaceResult face(Box box) {
        List<Point> mesh = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mesh.add(Point.of(box.x() + box.width() * (i + 1) / 22, box.y() + box.height() / 2, 0));
        }
        return new FaceResult(0, 0.9, 0.9, 0.95, box, new Box(0, 0, 0, 0), new int[] {(int) box.width(), (int) box.height()},
                mesh, mesh, Map.of("leftEyeIris", List.of(mesh.get(3))), OptionalDouble.of(31.2), Optional.of("male"),
                OptionalDouble.of(0.8), List.of(new EmotionScore(0.7, "happy")), new float[0], OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), ResultTensor.absent());
    }

    private static Result faces(FaceResult... faces) {
        return new Result(List.of(faces), List.of(), List.of(), List.of(), List.of(), Map.of(), 0, 0);
    }

    @Test
    void faceBoxAndMeshChangePixelsInsideTheBoxOnly() {
        BufferedImage image = grey(400, 300);
        Box box = new Box(100, 120, 120, 100);

        BufferedImage annotated = Annotator.defaults().draw(image, faces(face(box)));

        assertThat(changedPixels(image, annotated, new Box(102, 122, 116, 96))).as("inside the box (mesh)").isPositive();
        assertThat(changedPixels(image, annotated, new Box(98, 118, 124, 4))).as("top edge").isPositive();
        assertThat(changedPixels(image, annotated, new Box(250, 120, 150, 180))).as("right of the box, below the label").isZero();
        assertThat(changedPixels(image, annotated, new Box(0, 240, 400, 60))).as("below the box").isZero();
    }

    @Test
    void labelIsDrawnAboveTheFace() {
        BufferedImage image = grey(400, 300);
        Box box = new Box(100, 120, 120, 100);

        BufferedImage annotated = Annotator.defaults().draw(image, faces(face(box)));
        BufferedImage unlabelled = new Annotator(DrawOptions.defaults().withFaceLabels(false)).draw(image, faces(face(box)));

        assertThat(changedPixels(image, annotated, new Box(100, 90, 120, 28))).isPositive();
        assertThat(changedPixels(image, unlabelled, new Box(100, 90, 120, 28))).isZero();
    }

    @Test
    void faceLabelNamesGenderAgeAndTopEmotion() {
        String label = Annotator.faceLabel(face(new Box(0, 0, 10, 10)));

        assertThat(label).isEqualTo("male 80% · age 31.2 · happy 70%");
    }

    @Test
    void faceLabelFallsBackToTheScoreWithoutDescriptionAndEmotion() {
        FaceResult base = face(new Box(0, 0, 10, 10));
        FaceResult bare = new FaceResult(0, 0.87, 0.87, 0, base.box(), base.boxRaw(), base.size(), base.mesh(), base.meshRaw(),
                Map.of(), OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), List.of(), new float[0],
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), ResultTensor.absent());

        assertThat(Annotator.faceLabel(bare)).isEqualTo("face 87%");
    }

    @Test
    void labelStaysInsideTheImageNearTheRightEdge() {
        BufferedImage image = grey(300, 200);
        Box box = new Box(260, 100, 38, 38);

        BufferedImage annotated = Annotator.defaults().draw(image, faces(face(box)));

        assertThat(changedPixels(image, annotated, new Box(0, 70, 250, 28))).as("label moved left of the box").isPositive();
    }

    @Test
    void theGivenImageIsNotChangedAndTheSizeIsKept() {
        BufferedImage image = grey(321, 123);

        BufferedImage annotated = Annotator.defaults().draw(image, faces(face(new Box(10, 10, 50, 50))));

        assertThat(annotated).isNotSameAs(image);
        assertThat(annotated.getWidth()).isEqualTo(321);
        assertThat(annotated.getHeight()).isEqualTo(123);
        assertThat(changedPixels(grey(321, 123), image, new Box(0, 0, 321, 123))).isZero();
    }

    @Test
    void emptyResultGivesAnIdenticalCopy() {
        BufferedImage image = grey(64, 48);

        BufferedImage annotated = Annotator.defaults().draw(image, faces());

        assertThat(annotated.getWidth()).isEqualTo(64);
        assertThat(annotated.getHeight()).isEqualTo(48);
        assertThat(changedPixels(image, annotated, new Box(0, 0, 64, 48))).isZero();
    }

    @Test
    void bodyHandAndObjectAreDrawnWhereTheyAre() {
        BufferedImage image = grey(600, 400);
        Map<String, List<List<Point>>> skeleton = new LinkedHashMap<>();
        skeleton.put("torso", List.of(List.of(Point.of(50, 50), Point.of(50, 150))));
        BodyResult body = new BodyResult(0, 0.8, new Box(40, 40, 30, 120), new Box(0, 0, 0, 0),
                List.of(new BodyKeypoint("nose", Point.of(50, 50), Point.of(0, 0), 0.9)), skeleton);
        Map<String, List<Point>> fingers = new LinkedHashMap<>();
        fingers.put("index", List.of(Point.of(300, 300, 0), Point.of(320, 280, 0)));
        HandResult hand = new HandResult(0, 0.7, 0.7, 0.6, new Box(290, 270, 40, 40), new Box(0, 0, 0, 0),
                List.of(Point.of(300, 300, 0)), "hand", fingers, Map.of());
        ObjectResult object = new ObjectResult(0, 0.6, 0, "person", new Box(450, 100, 100, 200), new Box(0, 0, 0, 0));
        Result result = new Result(List.of(), List.of(body), List.of(hand), List.of(object), List.of(), Map.of(), 600, 400);

        BufferedImage annotated = Annotator.defaults().draw(image, result);
        BufferedImage none = new Annotator(DrawOptions.defaults().withBodies(false).withHands(false).withObjects(false))
                .draw(image, result);

        assertThat(changedPixels(image, annotated, new Box(45, 60, 10, 80))).as("torso line").isPositive();
        assertThat(changedPixels(image, annotated, new Box(295, 275, 30, 30))).as("index finger").isPositive();
        assertThat(changedPixels(image, annotated, new Box(445, 150, 10, 100))).as("object box left edge").isPositive();
        assertThat(changedPixels(image, none, new Box(0, 0, 600, 400))).as("all switched off").isZero();
    }

    @Test
    void pointsOutsideTheImageAreIgnored() {
        BufferedImage image = grey(50, 50);
        FaceResult outside = face(new Box(-500, -500, 100, 100));

        BufferedImage annotated = Annotator.defaults().draw(image, faces(outside));

        assertThat(changedPixels(image, annotated, new Box(0, 0, 50, 50))).isZero();
    }

    @Test
    void writePngWritesAReadableImageCreatingFolders(@TempDir Path dir) throws Exception {
        BufferedImage annotated = Annotator.defaults().draw(grey(80, 60), faces(face(new Box(10, 10, 40, 40))));
        Path file = dir.resolve("out/sub/face.png");

        Annotator.writePng(annotated, file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(80);
        assertThat(read.getHeight()).isEqualTo(60);
        assertThat(read.getRGB(30, 30) & 0xffffff).isEqualTo(annotated.getRGB(30, 30) & 0xffffff);
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void scaleMustBePositive() {
        assertThatThrownBy(() -> DrawOptions.defaults().withScale(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale");
    }
}
