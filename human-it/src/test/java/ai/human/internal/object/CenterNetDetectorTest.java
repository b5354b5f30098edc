package ai.human.internal.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.human.config.ObjectConfig;
import ai.human.internal.body.CannedModel;
import ai.human.model.ModelException;
import ai.human.result.ObjectResult;
import ai.human.tensor.DType;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CenterNetDetectorTest {
    private static final int SIZE = 64;
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;

    private final ReferenceBackend backend = new ReferenceBackend();
    private final ObjectConfig config = new ObjectConfig(true, "centernet.json", 0.2, 0.4, 10, 99, 2000);
    private final AtomicReference<float[]> rows = new AtomicReference<>();

    @AfterEach
    void close() {
        backend.close();
    }

    private CannedModel centernet() {
        return CannedModel.singleInput(backend, "centernet", DType.FLOAT32, new int[] {1, SIZE, SIZE, 3})
                .output("tower_0/detections:0", new int[] {1, rows.get().length / 6, 6}, in -> rows.get());
    }

    private Tensor image() {
        return backend.fromFloats(new float[HEIGHT * WIDTH * 3], Shape.of(1, HEIGHT, WIDTH, 3));
    }

    private List<ObjectResult> detect(ObjectConfig cfg) {
        try (Tensor image = image()) {
            return new CenterNetDetector(centernet(), () -> 0).detect(backend, image, cfg, false);
        }
    }

    @Test
    void objectsCarryCocoLabelsTruncatedScoresAndBoxesInBothUnits() {
        rows.set(new float[] {
            8, 16, 40, 48, 0.876f, 0,
            32, 0, 64, 16, 0.5f, 27});
        List<ObjectResult> objects = detect(config);
        assertThat(objects).extracting(ObjectResult::label).containsExactly("person", "tie");
        ObjectResult person = objects.get(0);
        assertThat(person.id()).isZero();
        assertThat(person.classId()).isZero();
        assertThat(person.score()).isEqualTo(0.87);
        assertThat(person.boxRaw().x()).isEqualTo(8.0 / SIZE);
        assertThat(person.boxRaw().width()).isCloseTo(32.0 / SIZE, within(1e-12));
        assertThat(person.box().x()).isEqualTo(Math.floor(8.0 / SIZE * WIDTH));
        assertThat(person.box().height()).isEqualTo(Math.floor(32.0 / SIZE * HEIGHT));
        assertThat(objects.get(1).classId()).isEqualTo(27);
    }

    @Test
    void overlappingAndWeakDetectionsAreDroppedAndMaxDetectedHolds() {
        rows.set(new float[] {
            0, 0, 32, 32, 0.9f, 0,
            1, 1, 33, 33, 0.8f, 2,
            40, 40, 60, 60, 0.1f, 3,
            40, 0, 60, 20, 0.6f, 4,
            0, 40, 20, 60, 0.3f, 5});
        assertThat(detect(config)).extracting(ObjectResult::label).containsExactly("person", "airplane", "bus");
        ObjectConfig two = new ObjectConfig(true, "centernet.json", 0.2, 0.4, 2, 99, 2000);
        assertThat(detect(two)).extracting(ObjectResult::label).containsExactly("person", "airplane");
    }

    @Test
    void detectionWithoutAClassIsSkippedAndTakesNoId() {
        rows.set(new float[] {
            0, 0, 32, 32, 0.9f, Float.NaN,
            40, 40, 60, 60, 0.5f, 1});
        List<ObjectResult> objects = detect(config);
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).id()).isZero();
        assertThat(objects.get(0).label()).isEqualTo("bicycle");
    }

    @Test
    void classOutsideCocoFailsNamingTheModel() {
        rows.set(new float[] {0, 0, 32, 32, 0.9f, 80});
        assertThatThrownBy(() -> detect(config)).isInstanceOf(ModelException.class)
                .hasMessageContaining("centernet").hasMessageContaining("80");
    }

    @Test
    void modelSeesTheImageResizedToItsSquareInput() {
        rows.set(new float[] {0, 0, 32, 32, 0.9f, 0});
        CannedModel model = centernet();
        try (Tensor image = image()) {
            new CenterNetDetector(model, () -> 0).detect(backend, image, config, false);
        }
        assertThat(model.inputShapes()).containsExactly(Shape.of(1, SIZE, SIZE, 3));
        assertThat(model.inputTypes()).containsExactly(DType.FLOAT32);
    }

    @Test
    void uint8ImageGivesTheModelTheSameInputAsFloat() {
        rows.set(new float[] {0, 0, 32, 32, 0.9f, 0});
        CannedModel model = centernet();
        CenterNetDetector detector = new CenterNetDetector(model, () -> 0);
        byte[] bytes = new byte[HEIGHT * WIDTH * 3];
        float[] floats = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 11);
            floats[i] = bytes[i] & 0xff;
        }
        try (Tensor u8 = backend.fromBytes(bytes, Shape.of(1, HEIGHT, WIDTH, 3), DType.UINT8);
             Tensor f32 = backend.fromFloats(floats, Shape.of(1, HEIGHT, WIDTH, 3))) {
            detector.detect(backend, u8, config, false);
            detector.detect(backend, f32, config, false);
        }
        assertThat(model.inputsSeen().get(0)).containsExactly(model.inputsSeen().get(1));
    }

    @Test
    void unchangedFrameReusesFoundObjectsWithinSkipLimitsButNeverAnEmptyResult() {
        rows.set(new float[] {0, 0, 32, 32, 0.1f, 0});
        CannedModel model = centernet();
        double[] now = {0};
        CenterNetDetector detector = new CenterNetDetector(model, () -> now[0]);
        ObjectConfig skipping = new ObjectConfig(true, "centernet.json", 0.2, 0.4, 10, 1, 100);
        try (Tensor image = image()) {
            assertThat(detector.detect(backend, image, skipping, true)).isEmpty();
            assertThat(detector.detect(backend, image, skipping, true)).isEmpty();
            assertThat(model.runs()).isEqualTo(2);
            rows.set(new float[] {0, 0, 32, 32, 0.9f, 0});
            List<ObjectResult> found = detector.detect(backend, image, skipping, true);
            now[0] = 50;
            assertThat(detector.detect(backend, image, skipping, true)).isSameAs(found);
            assertThat(model.runs()).isEqualTo(3);
            detector.detect(backend, image, skipping, true); // skipFrames 1 used up
            assertThat(model.runs()).isEqualTo(4);
        }
    }

    @Test
    void detectLeavesNoTensorBehind() {
        rows.set(new float[] {0, 0, 32, 32, 0.9f, 0});
        CenterNetDetector detector = new CenterNetDetector(centernet(), () -> 0);
        try (Tensor image = image()) {
            long before = backend.memory().tensors();
            detector.detect(backend, image, config, false);
            assertThat(backend.memory().tensors()).isEqualTo(before);
        }
    }
}
