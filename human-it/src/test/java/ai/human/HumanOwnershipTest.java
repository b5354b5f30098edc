package ai.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.image.ImageException;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HumanOwnershipTest {
    private final HumanFixture fixture = new HumanFixture();
    private final BufferedImage image = HumanFixture.image(320, 240, 1);

    @AfterEach
    void closeBackend() {
        fixture.close();
    }

    @ParameterizedTest(name = "face.detector.return={0}")
    @ValueSource(booleans = {true, false})
    void detectThenResultCloseLeavesTheCountAtItsBaseline(boolean returnTensor) {
        try (Human human = fixture.human(HumanFixture.config("face.detector.return=" + returnTensor))) {
            long baseline = fixture.liveTensors();
            for (int i = 0; i < 3; i++) {
                try (Result result = human.detect(image)) {
                    assertThat(result.face()).hasSize(2);
                    assertThat(result.tensors().count()).isEqualTo(returnTensor ? 2 : 0);
                }
                assertThat(fixture.liveTensors()).isEqualTo(baseline);
            }
            assertThat(fixture.backend.memory().of(Owner.IN_FLIGHT).tensors()).isZero();
        }
    }

    @Test
    void closeReturnsAGivenBackendToItsCountBeforeCreate() {
        Tensor callers = fixture.backend.fromFloats(new float[] {1, 2}, Shape.of(2));
        long before = fixture.liveTensors();
        Human human = fixture.human(HumanFixture.config("face.detector.return=true"));
        assertThat(fixture.backend.memory().of(Owner.MODEL).tensors()).isEqualTo(7);
        Result unclosed = human.detect(image);
        assertThat(unclosed.tensors().count()).isEqualTo(2);
        human.close();
        assertThat(fixture.liveTensors()).isEqualTo(before);
        assertThat(callers.isClosed()).isFalse();
        fixture.backend.scalar(1f).close(); // the caller's backend is still open
        callers.close();
    }

    @Test
    void returnedFaceTensorIsHumansSqueezedCropOwnedByTheResult() {
        try (Human human = fixture.human(HumanFixture.config("face.detector.return=true"));
             Result result = human.detect(image)) {
            Tensor crop = result.face().get(0).tensor().peek().orElseThrow();
            assertThat(crop.shape()).isEqualTo(Shape.of(192, 192, 3));
            assertThat(crop.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(crop.owner()).isEqualTo(Owner.RESULT);
            float[] values = crop.toFloats();
            float max = 0;
            for (float v : values) {
                max = Math.max(max, v);
            }
            assertThat(max).isBetween(0.1f, 1f);
        }
    }

    @Test
    void takenFaceTensorBelongsToTheCallerAndOutlivesResultAndHuman() {
        Tensor taken;
        try (Human human = fixture.human(HumanFixture.config("face.detector.return=true"))) {
            try (Result result = human.detect(image)) {
                taken = result.face().get(1).tensor().take();
                assertThat(taken.owner()).isEqualTo(Owner.CALLER);
                assertThat(result.tensors().count()).isEqualTo(1);
            }
            assertThat(taken.isClosed()).isFalse();
        }
        assertThat(taken.isClosed()).isFalse();
        assertThat(fixture.liveTensors()).isEqualTo(1);
        taken.close();
    }

    @Test
    void withoutReturnNoFaceCarriesATensor() {
        try (Human human = fixture.human(HumanFixture.config());
             Result result = human.detect(image)) {
            assertThat(result.face()).allSatisfy(face -> assertThat(face.tensor().isPresent()).isFalse());
        }
    }

    @Test
    void deallocateClosesTheInputTensor() {
        try (Human human = fixture.human(HumanFixture.config("deallocate=true"))) {
            long baseline = fixture.liveTensors();
            Tensor input = human.decodeImage(image);
            try (Result result = human.detect(input)) {
                assertThat(result.face()).hasSize(2);
            }
            assertThat(input.isClosed()).isTrue();
            assertThat(fixture.liveTensors()).isEqualTo(baseline);
        }
    }

    @Test
    void deallocateClosesTheInputTensorAlsoWhenItIsRefused() {
        try (Human human = fixture.human(HumanFixture.config("deallocate=true"))) {
            long baseline = fixture.liveTensors();
            Tensor batchOfTwo = fixture.backend.fromFloats(new float[2 * 4 * 4 * 3], Shape.of(2, 4, 4, 3));
            assertThatThrownBy(() -> human.detect(batchOfTwo)).isInstanceOf(ImageException.class)
                    .hasMessageContaining("batch of 2");
            assertThat(batchOfTwo.isClosed()).isTrue();
            assertThat(fixture.liveTensors()).isEqualTo(baseline);
        }
    }

    @Test
    void withoutDeallocateTheInputStaysTheCallers() {
        try (Human human = fixture.human(HumanFixture.config())) {
            Tensor input = human.decodeImage(image);
            human.detect(input).close();
            assertThat(input.isClosed()).isFalse();
            assertThat(input.owner()).isEqualTo(Owner.CALLER);
            input.close();
        }
    }

    @Test
    void decodeImageGivesACallerOwnedUint8Tensor() {
        try (Human human = fixture.human(HumanFixture.config());
             Tensor decoded = human.decodeImage(image)) {
            assertThat(decoded.shape()).isEqualTo(Shape.of(1, 240, 320, 3));
            assertThat(decoded.dtype()).isEqualTo(DType.UINT8);
            assertThat(decoded.owner()).isEqualTo(Owner.CALLER);
            assertThat(decoded.toBytes()[0] & 0xff).isEqualTo(image.getRGB(0, 0) >> 16 & 0xff);
        }
    }

    @ParameterizedTest(name = "failing model {0}")
    @ValueSource(strings = {"blazeface", "facemesh", "iris", "emotion", "faceres", "liveness"})
    void aFailingStageLeavesNoTensorBehind(String model) {
        try (Human human = fixture.human(HumanFixture.config("face.detector.return=true"))) {
            long baseline = fixture.liveTensors();
            fixture.models.failOn(model);
            assertThatThrownBy(() -> human.detect(image)).hasMessageContaining("failed on purpose");
            assertThat(fixture.liveTensors()).isEqualTo(baseline);
            fixture.models.failOn(null);
            try (Result result = human.detect(image)) {
                assertThat(result.face()).hasSize(2);
            }
            assertThat(fixture.liveTensors()).isEqualTo(baseline);
        }
    }

    @Test
    void facesCarryEveryEnabledPart() {
        try (Human human = fixture.human(HumanFixture.config());
             Result result = human.detect(image)) {
            FaceResult face = result.face().get(0);
            assertThat(face.mesh()).hasSize(478);
            assertThat(face.annotations()).containsKeys("silhouette", "leftEyeIris", "rightEyeIris");
            assertThat(face.age()).isPresent();
            assertThat(face.gender()).contains("female");
            assertThat(face.embedding()).hasSize(1024);
            assertThat(face.emotion()).isNotEmpty();
            assertThat(face.real()).hasValue(0.73);
            assertThat(face.live()).hasValue(0.88);
            assertThat(face.rotation()).isPresent();
            assertThat(face.distance()).isPresent();
        }
    }
}
