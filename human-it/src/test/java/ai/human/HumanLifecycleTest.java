package ai.human;

import ai.human.error.HumanException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.human.model.ModelException;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.testing.FaceAssertions;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HumanLifecycleTest {
    private final HumanFixture fixture = new HumanFixture();
    private final BufferedImage image = HumanFixture.image(320, 240, 7);

    @AfterEach
    void closeBackend() {
        fixture.close();
    }

    @Test
    void performanceHasHumansKeys() {
        try (Human human = fixture.human(HumanFixture.config());
             Result result = human.detect(image)) {
            assertThat(result.performance()).containsKeys("loadModels", "inputProcess", "totalFrames", "cachedFrames",
                    "cacheCheck", "face", "emotion", "antispoof", "liveness", "description", "total");
            assertThat(result.performance().get("total")).isGreaterThanOrEqualTo(result.performance().get("face"));
            assertThat(result.width()).isEqualTo(320);
            assertThat(result.height()).isEqualTo(240);
        }
    }

    @Test
    void onlyEnabledModelsAreLoaded() {
        try (Human human = fixture.human(HumanFixture.config("face.emotion.enabled=false", "face.iris.enabled=false",
                "face.antispoof.enabled=false", "face.liveness.enabled=false"));
             Result result = human.detect(image)) {
            FaceResult face = result.face().get(0);
            assertThat(face.mesh()).hasSize(468);
            assertThat(face.annotations()).doesNotContainKeys("leftEyeIris", "rightEyeIris");
            assertThat(face.emotion()).isEmpty();
            assertThat(face.real()).isEmpty();
            assertThat(face.distance()).isEmpty();
            assertThat(fixture.models.ran()).containsExactlyInAnyOrder("blazeface", "facemesh", "faceres");
        }
    }

    @Test
    void withoutMeshFacesCarryTheDetectorKeypoints() {
        try (Human human = fixture.human(HumanFixture.config("face.mesh.enabled=false", "face.detector.return=true"));
             Result result = human.detect(image)) {
            FaceResult face = result.face().get(0);
            assertThat(face.mesh()).hasSize(6);
            assertThat(face.mesh().get(0).hasZ()).isFalse();
            assertThat(face.annotations()).containsOnlyKeys("leftEye", "rightEye", "nose", "mouth", "leftEar", "rightEar");
            assertThat(face.score()).isEqualTo(face.boxScore());
            assertThat(face.rotation()).isEmpty();
            assertThat(face.tensor().peek().orElseThrow().shape().toArray()).containsExactly(256, 256, 3);
        }
    }

    @Test
    void facesTheMeshCannotConfirmAreDropped() {
        fixture.models.meshConfidence(0.1f);
        try (Human human = fixture.human(HumanFixture.config());
             Result result = human.detect(image)) {
            assertThat(result.face()).isEmpty();
        }
    }

    @Test
    void keepInvalidKeepsThemWithTheDetectorKeypoints() {
        fixture.models.meshConfidence(0.1f);
        try (Human human = fixture.human(HumanFixture.config("face.mesh.keepInvalid=true"));
             Result result = human.detect(image)) {
            assertThat(result.face()).hasSize(2);
            FaceResult face = result.face().get(0);
            assertThat(face.faceScore()).isEqualTo(0.1);
            assertThat(face.score()).isEqualTo(face.boxScore());
            assertThat(face.mesh()).hasSize(6);
            assertThat(face.rotation()).isEmpty();
        }
    }

    @Test
    void minConfidenceZeroCountsAsOneAsInHumanSoNoFacePasses() {
        try (Human human = fixture.human(HumanFixture.config("face.detector.minConfidence=0"));
             Result result = human.detect(image)) {
            assertThat(result.face()).isEmpty();
        }
    }

    @Test
    void maxDetectedLimitsTheFaces() {
        try (Human human = fixture.human(HumanFixture.config("face.detector.maxDetected=1"));
             Result result = human.detect(image)) {
            assertThat(result.face()).hasSize(1);
            assertThat(result.face().get(0).boxScore()).isEqualTo(0.99);
        }
    }

    @Test
    void aClosedHumanRefusesWork() {
        Human human = fixture.human(HumanFixture.config());
        human.close();
        human.close();
        assertThatThrownBy(() -> human.detect(image)).isInstanceOf(HumanException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> human.decodeImage(image)).isInstanceOf(HumanException.class).hasMessageContaining("closed");
        assertThat(fixture.liveTensors()).isZero();
    }

    @Test
    void aModelThatCannotBeLoadedIsNamedAndNothingIsLeft() {
        assertThatThrownBy(() -> fixture.human(HumanFixture.config("face.iris.modelPath=missing-iris.json")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("face.iris")
                .hasMessageContaining("missing-iris.json");
        assertThat(fixture.liveTensors()).isZero();
    }

    @Test
    void warmupRunsEachModelOnceAndIsReported() {
        try (Human human = fixture.human(HumanFixture.config())) {
            human.warmup();
            assertThat(fixture.models.ran()).hasSize(7);
            assertThat(fixture.models.runs("facemesh")).isEqualTo(1);
            try (Result result = human.detect(image)) {
                assertThat(result.performance()).containsKey("warmup");
            }
        }
    }

    @Test
    void warmupNoneDoesNothing() {
        try (Human human = fixture.human(HumanFixture.config("warmup=none"))) {
            human.warmup();
            assertThat(fixture.models.ran()).isEmpty();
        }
    }

    @Test
    void concurrentDetectsOnOneInstanceGiveTheSameResults() throws Exception {
        try (Human human = fixture.human(HumanFixture.config("cacheSensitivity=0"))) {
            long baseline = fixture.liveTensors();
            List<FaceResult> expected;
            try (Result result = human.detect(image)) {
                expected = result.face();
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<List<FaceResult>>> futures = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    futures.add(pool.submit(() -> {
                        try (Result result = human.detect(image)) {
                            return result.face();
                        }
                    }));
                }
                for (Future<List<FaceResult>> future : futures) {
                    FaceAssertions.assertSameFaces(future.get(), expected);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(fixture.liveTensors()).isEqualTo(baseline);
        }
    }
}
