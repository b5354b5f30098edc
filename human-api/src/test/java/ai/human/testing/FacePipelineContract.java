package ai.human.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.backend.BackendSelector;
import ai.human.config.HumanConfig;
import ai.human.image.ImageException;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The face pipeline with Human's real models on one backend: the same pixels give the same result in every input
 * form; no tensor outlives {@code detect} plus {@code Result.close()}, with and without returned face crops, on
 * success and on error; {@code deallocate} makes a decode→detect loop leak-free; cached and uncached runs agree on
 * repeated frames; concurrent calls agree with sequential ones.
 *
 * <pre>{@code
 * class TfFacePipelineTest extends FacePipelineContract {
 *     protected String backendName() { return "tensorflow"; }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FacePipelineContract {
    private Backend backend;

    /** The backend to test, as {@code config.backend} names it. */
    protected abstract String backendName();

    @BeforeAll
    void createBackend() {
        HumanConfig config = config();
        backend = BackendSelector.fromEnvironment().select(config.backend()).provider().create(Human.backendOptions(config));
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    /** The face preset on this backend, all faces, plus {@code overrides}. */
    protected HumanConfig config(String... overrides) {
        return FacePreset.config(20).withOverride("backend", backendName()).withOverrides(List.of(overrides));
    }

    @Test
    void theSamePixelsGiveTheSameFacesInEveryInputForm(@TempDir Path dir) throws IOException {
        byte[] jpeg = SampleImages.bytes("sample2.jpg");
        Path file = dir.resolve("sample2.jpg");
        Files.write(file, jpeg);
        try (Human human = Human.create(config("cacheSensitivity=0"), backend)) {
            List<List<FaceResult>> results = new ArrayList<>();
            results.add(faces(human.detect(jpeg)));
            results.add(faces(human.detect(file)));
            results.add(faces(human.detect(ImageIO.read(new ByteArrayInputStream(jpeg)))));
            try (Tensor uint8 = human.decodeImage(jpeg)) {
                int height = uint8.shape().dim(1);
                int width = uint8.shape().dim(2);
                results.add(faces(human.detect(uint8)));
                try (Tensor int32 = backend.cast(uint8, DType.INT32);
                     Tensor int32Hwc = backend.reshape(int32, Shape.of(height, width, 3));
                     Tensor float32 = backend.cast(uint8, DType.FLOAT32);
                     Tensor alpha = backend.fromFloats(new float[height * width], Shape.of(1, height, width, 1));
                     Tensor rgba = backend.concat(List.of(float32, alpha), 3)) {
                    results.add(faces(human.detect(int32Hwc)));
                    results.add(faces(human.detect(float32)));
                    results.add(faces(human.detect(rgba)));
                }
            }
            assertThat(results.get(0)).hasSize(3);
            for (List<FaceResult> other : results.subList(1, results.size())) {
                FaceAssertions.assertSameFaces(other, results.get(0));
            }
        }
    }

    @ParameterizedTest(name = "face.detector.return={0}")
    @ValueSource(booleans = {true, false})
    void detectAndResultCloseLeaveTheCountAtItsBaseline(boolean returnTensor) {
        long beforeCreate = backend.memory().tensors();
        try (Human human = Human.create(config("face.detector.return=" + returnTensor), backend)) {
            long baseline = backend.memory().tensors();
            assertThat(baseline).as("the models hold their weights").isGreaterThan(beforeCreate);
            for (String name : List.of("sample1.jpg", "sample4.jpg", "sample1.jpg")) {
                try (Result result = human.detect(SampleImages.bytes(name))) {
                    assertThat(result.face()).isNotEmpty();
                    assertThat(result.tensors().count()).isEqualTo(returnTensor ? result.face().size() : 0);
                    if (returnTensor) {
                        Tensor crop = result.face().get(0).tensor().peek().orElseThrow();
                        assertThat(crop.shape()).isEqualTo(Shape.of(192, 192, 3));
                        assertThat(crop.owner()).isEqualTo(Owner.RESULT);
                        float[] values = crop.toFloats();
                        float min = Float.MAX_VALUE;
                        float max = -Float.MAX_VALUE;
                        for (float v : values) {
                            min = Math.min(min, v);
                            max = Math.max(max, v);
                        }
                        assertThat(min).isGreaterThanOrEqualTo(0f);
                        assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.5f);
                    }
                }
                assertThat(backend.memory().tensors()).isEqualTo(baseline);
            }
            assertThat(backend.memory().of(Owner.IN_FLIGHT).tensors()).isZero();
        }
        assertThat(backend.memory().tensors()).isEqualTo(beforeCreate);
    }

    @Test
    void decodeDetectLoopWithDeallocateLeavesNothing() {
        byte[] jpeg = SampleImages.bytes("sample5.jpg");
        try (Human human = Human.create(config("deallocate=true", "face.detector.return=true"), backend)) {
            long baseline = backend.memory().tensors();
            for (int i = 0; i < 3; i++) {
                Tensor input = human.decodeImage(jpeg);
                try (Result result = human.detect(input)) {
                    assertThat(result.face()).hasSize(5);
                }
                assertThat(input.isClosed()).isTrue();
                assertThat(backend.memory().tensors()).isEqualTo(baseline);
            }
        }
    }

    @Test
    void aDamagedImageLeavesNothingBehind() {
        byte[] jpeg = SampleImages.bytes("sample3.jpg");
        byte[] damaged = java.util.Arrays.copyOf(jpeg, 600);
        try (Human human = Human.create(config(), backend)) {
            long baseline = backend.memory().tensors();
            try {
                human.detect(damaged).close();
            } catch (ImageException expected) {
                // ImageIO refuses some truncations and pads others with grey; either way nothing may leak
            }
            assertThatThrownBy(() -> human.detect(new byte[] {'n', 'o'})).isInstanceOf(ImageException.class);
            assertThat(backend.memory().tensors()).isEqualTo(baseline);
        }
    }

    @Test
    void cachedAndUncachedResultsAgreeOnRepeatedIdenticalFrames() {
        byte[] frame = SampleImages.bytes("sample3.jpg");
        List<List<FaceResult>> cached = new ArrayList<>();
        List<List<FaceResult>> uncached = new ArrayList<>();
        // skipTime an hour for every model, so that a slow machine cannot expire a cache between two frames
        String hour = "=3600000";
        try (Human human = Human.create(config("cacheSensitivity=0.7", "face.detector.skipTime" + hour,
                "face.emotion.skipTime" + hour, "face.description.skipTime" + hour, "face.antispoof.skipTime" + hour,
                "face.liveness.skipTime" + hour), backend)) {
            for (int i = 0; i < 3; i++) {
                try (Result result = human.detect(frame)) {
                    cached.add(result.face());
                    assertThat(result.performance().get("cachedFrames")).isEqualTo(i);
                }
            }
        }
        try (Human human = Human.create(config("cacheSensitivity=0"), backend)) {
            for (int i = 0; i < 3; i++) {
                try (Result result = human.detect(frame)) {
                    uncached.add(result.face());
                    assertThat(result.performance().get("cachedFrames")).isZero();
                }
            }
        }
        FaceAssertions.assertSameFaces(cached.get(0), uncached.get(0));
        for (int i = 1; i < 3; i++) {
            List<FaceResult> a = cached.get(i);
            List<FaceResult> b = uncached.get(i);
            assertThat(a).hasSameSizeAs(b);
            for (int f = 0; f < a.size(); f++) {
                // a cached frame crops around the previous frame's mesh instead of the detector's box (as Human does),
                // so the mesh moves a little (measured on TensorFlow: up to 0.6% of the face width); the per-model
                // results are reused from the first frame, which the uncached run recomputes on the same crop
                assertThat(a.get(f).box().iou(b.get(f).box())).isGreaterThan(0.95);
                assertThat(FaceFidelity.meshError(a.get(f).mesh(), toArray(b.get(f))))
                        .isLessThan(0.01 * b.get(f).box().width());
                assertThat(a.get(f).embedding()).isEqualTo(b.get(f).embedding());
                assertThat(a.get(f).emotion()).isEqualTo(b.get(f).emotion());
                assertThat(a.get(f).age()).isEqualTo(b.get(f).age());
                assertThat(a.get(f).real()).isEqualTo(b.get(f).real());
                assertThat(a.get(f).live()).isEqualTo(b.get(f).live());
            }
        }
    }

    @Test
    void concurrentDetectsAgreeWithSequentialOnes() throws Exception {
        List<String> names = List.of("sample1.jpg", "sample4.jpg", "sample6.jpg", "sample2.jpg");
        try (Human human = Human.create(config("cacheSensitivity=0"), backend)) {
            long baseline = backend.memory().tensors();
            List<List<FaceResult>> sequential = new ArrayList<>();
            for (String name : names) {
                sequential.add(faces(human.detect(SampleImages.bytes(name))));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<FaceResult>>> futures = new ArrayList<>();
                for (String name : names) {
                    futures.add(pool.submit(() -> faces(human.detect(SampleImages.bytes(name)))));
                }
                for (int i = 0; i < names.size(); i++) {
                    FaceAssertions.assertSameFaces(futures.get(i).get(), sequential.get(i));
                }
            } finally {
                pool.shutdown();
            }
            assertThat(backend.memory().tensors()).isEqualTo(baseline);
        }
    }

    private static double[][] toArray(FaceResult face) {
        return face.mesh().stream().map(p -> new double[] {p.x(), p.y(), p.z()}).toArray(double[][]::new);
    }

    private static List<FaceResult> faces(Result result) {
        try (result) {
            return result.face();
        }
    }
}
