package ai.human.testing.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.backend.BackendSelector;
import ai.human.config.HumanConfig;
import ai.human.image.ImageException;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.testing.FacePreset;
import ai.human.testing.SampleImages;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The four ownership rules of Human for Java, each checked through the public API with the real models on one backend:
 * <ol>
 *   <li>the caller owns what it creates ({@code decodeImage}, its own tensors);</li>
 *   <li>a result owns the tensors it carries and releases them all in one call; a caller can take one out;</li>
 *   <li>{@code deallocate: true} makes {@code detect} take a tensor input and release it before returning;</li>
 *   <li>{@code Human.close()} releases everything it made: the count is back to zero when it made the backend, back to
 *       the count before {@code create} on a backend it was given.</li>
 * </ol>
 *
 * <pre>{@code
 * class TfOwnershipTest extends OwnershipContract {
 *     protected String backendName() { return "tensorflow"; }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OwnershipContract {
    /** Five faces with the face preset at maxDetected 20. */
    private static final String IMAGE = "sample5.jpg";

    private Backend backend;
    private byte[] jpeg;

    /** The backend to test, as {@code config.backend} names it. */
    protected abstract String backendName();

    @BeforeAll
    void createBackend() {
        HumanConfig config = config();
        backend = BackendSelector.fromEnvironment().select(config.backend()).provider().create(Human.backendOptions(config));
        jpeg = SampleImages.bytes(IMAGE);
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    /** The face preset on this backend, all faces, no frame cache, plus {@code overrides}. */
    protected HumanConfig config(String... overrides) {
        return FacePreset.config(20).withOverrides(List.of("backend=" + backendName(), "cacheSensitivity=0",
                "leakDetection=off")).withOverrides(List.of(overrides));
    }

    // ---- rule 1: the caller owns what it creates -----------------------------------------------------------------

    @Test
    void aDecodedImageBelongsToTheCallerAndDetectLeavesItOpen() {
        try (Human human = Human.create(config(), backend)) {
            MemoryInfo baseline = backend.memory();
            Tensor image = human.decodeImage(jpeg);
            int height = image.shape().dim(1);
            int width = image.shape().dim(2);
            assertThat(image.owner()).isEqualTo(Owner.CALLER);
            assertThat(backend.memory().of(Owner.CALLER))
                    .isEqualTo(baseline.of(Owner.CALLER).plus(new MemoryInfo.Usage(1, 3L * width * height)));
            try (Result result = human.detect(image)) {
                assertThat(result.face()).hasSize(5);
            }
            assertThat(image.isClosed()).isFalse();
            assertThat(image.owner()).isEqualTo(Owner.CALLER);
            image.close();
            assertThat(backend.memory().tensors()).isEqualTo(baseline.tensors());
            assertThat(backend.memory().bytes()).isEqualTo(baseline.bytes());
        }
    }

    @Test
    void theCallersOwnTensorStaysTheCallersThroughDetect() {
        try (Human human = Human.create(config(), backend)) {
            long baseline = backend.memory().tensors();
            try (Tensor own = backend.fromFloats(new float[64 * 48 * 3], Shape.of(1, 48, 64, 3))) {
                human.detect(own).close();
                assertThat(own.isClosed()).isFalse();
                assertThat(own.owner()).isEqualTo(Owner.CALLER);
                assertThat(backend.memory().tensors()).isEqualTo(baseline + 1);
            }
            assertThat(backend.memory().tensors()).isEqualTo(baseline);
        }
    }

    // ---- rule 2: a result owns its tensors -------------------------------------------------------------------------

    @Test
    void aResultOwnsItsFaceTensorsAndOneCloseReleasesThemAll() {
        try (Human human = Human.create(config("face.detector.return=true"), backend)) {
            MemoryInfo baseline = backend.memory();
            Result result = human.detect(jpeg);
            List<Tensor> crops = result.tensors().toList();
            assertThat(crops).hasSize(result.face().size()).hasSize(5);
            assertThat(crops).allSatisfy(crop -> assertThat(crop.owner()).isEqualTo(Owner.RESULT));
            long cropBytes = crops.stream().mapToLong(Tensor::byteSize).sum();
            assertThat(backend.memory().of(Owner.RESULT))
                    .isEqualTo(baseline.of(Owner.RESULT).plus(new MemoryInfo.Usage(5, cropBytes)));

            result.close();

            assertThat(crops).allSatisfy(crop -> assertThat(crop.isClosed()).isTrue());
            assertThat(result.tensors()).isEmpty();
            assertThat(backend.memory().of(Owner.RESULT)).isEqualTo(baseline.of(Owner.RESULT));
            assertThat(backend.memory().tensors()).isEqualTo(baseline.tensors());
            assertThat(backend.memory().bytes()).isEqualTo(baseline.bytes());
        }
    }

    @Test
    void aFaceTensorTakenOutOfTheResultBelongsToTheCallerAndOutlivesResultAndHuman() {
        Tensor taken;
        long beforeCreate = backend.memory().tensors();
        try (Human human = Human.create(config("face.detector.return=true"), backend)) {
            long baseline = backend.memory().tensors();
            try (Result result = human.detect(jpeg)) {
                FaceResult first = result.face().get(0);
                taken = first.tensor().take();
                assertThat(taken.owner()).isEqualTo(Owner.CALLER);
                assertThat(first.tensor().isPresent()).isFalse();
                assertThat(result.tensors()).hasSize(4);
                assertThat(backend.memory().of(Owner.RESULT).tensors()).isEqualTo(4);
            }
            assertThat(taken.isClosed()).isFalse();
            assertThat(backend.memory().tensors()).isEqualTo(baseline + 1);
        }
        assertThat(taken.isClosed()).as("Human.close() leaves what the caller took").isFalse();
        assertThat(taken.toFloats()).hasSize((int) taken.size());
        assertThat(backend.memory().tensors()).isEqualTo(beforeCreate + 1);
        taken.close();
        assertThat(backend.memory().tensors()).isEqualTo(beforeCreate);
    }

    // ---- rule 3: deallocate ------------------------------------------------------------------------------------------

    @Test
    void withDeallocateDetectTakesTheInputAndReleasesItBeforeReturning() {
        try (Human human = Human.create(config("deallocate=true", "face.detector.return=true"), backend)) {
            MemoryInfo baseline = backend.memory();
            for (int i = 0; i < 3; i++) {
                Tensor input = human.decodeImage(jpeg);
                try (Result result = human.detect(input)) {
                    assertThat(input.isClosed()).isTrue();
                    assertThat(result.tensors()).hasSize(5);
                    assertThat(backend.memory().of(Owner.CALLER)).isEqualTo(baseline.of(Owner.CALLER));
                }
                assertThat(backend.memory().tensors()).isEqualTo(baseline.tensors());
                assertThat(backend.memory().bytes()).isEqualTo(baseline.bytes());
            }
        }
    }

    @Test
    void withDeallocateARefusedInputIsReleasedToo() {
        try (Human human = Human.create(config("deallocate=true"), backend)) {
            long baseline = backend.memory().tensors();
            Tensor pair = backend.fromFloats(new float[2 * 8 * 8 * 3], Shape.of(2, 8, 8, 3));
            assertThatThrownBy(() -> human.detect(pair)).isInstanceOf(ImageException.class);
            assertThat(pair.isClosed()).isTrue();
            assertThat(backend.memory().tensors()).isEqualTo(baseline);
        }
    }

    // ---- rule 4: Human.close() -----------------------------------------------------------------------------------

    @Test
    void closingAHumanThatMadeItsBackendBringsTheCountBackToZero() {
        Human human = Human.create(config("face.detector.return=true"));
        Backend own = human.backend();
        assertThat(own).isNotSameAs(backend);
        Result unclosed = human.detect(jpeg);
        Tensor decoded = human.decodeImage(jpeg);
        MemoryInfo before = human.memory();
        assertThat(before.of(Owner.MODEL).tensors()).isPositive();
        assertThat(before.of(Owner.RESULT).tensors()).isEqualTo(5);
        assertThat(before.of(Owner.CALLER).tensors()).isEqualTo(1);

        human.close();

        assertThat(own.memory().tensors()).isZero();
        assertThat(own.memory().bytes()).isZero();
        assertThat(unclosed.face()).allSatisfy(face -> assertThat(face.tensor().isPresent()).isFalse());
        assertThat(decoded.isClosed()).as("the backend went with Human, and the tensors with it").isTrue();
        unclosed.close(); // harmless afterwards
    }

    @Test
    void closingAHumanOnAGivenBackendBringsItBackToItsCountBeforeCreate() {
        try (Tensor callers = backend.fromFloats(new float[] {1, 2, 3}, Shape.of(3))) {
            MemoryInfo beforeCreate = backend.memory();
            Human human = Human.create(config("face.detector.return=true"), backend);
            Result unclosed = human.detect(jpeg);
            assertThat(backend.memory().of(Owner.RESULT).tensors()).isEqualTo(5);
            assertThat(backend.memory().of(Owner.MODEL).tensors()).isPositive();

            human.close();

            assertThat(backend.memory().tensors()).isEqualTo(beforeCreate.tensors());
            assertThat(backend.memory().bytes()).isEqualTo(beforeCreate.bytes());
            assertThat(backend.memory().byOwner()).isEqualTo(beforeCreate.byOwner());
            assertThat(unclosed.tensors()).isEmpty();
            assertThat(callers.isClosed()).as("the caller's tensor stays the caller's").isFalse();
        }
    }
}
