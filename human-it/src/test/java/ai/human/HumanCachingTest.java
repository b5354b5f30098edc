package ai.human;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.internal.pipeline.Clock;
import ai.human.result.FaceResult;
import ai.human.result.Result;
import ai.human.testing.FaceAssertions;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HumanCachingTest {
    private final HumanFixture fixture = new HumanFixture();
    private final BufferedImage frame = HumanFixture.image(320, 240, 5);
    private double now = 1_000_000;
    private final Clock clock = () -> now;

    @AfterEach
    void closeBackend() {
        fixture.close();
    }

    @Test
    void cachedAndUncachedResultsAgreeOnRepeatedIdenticalFrames() {
        List<List<FaceResult>> cached = new ArrayList<>();
        List<Long> cachedFrames = new ArrayList<>();
        try (Human human = fixture.human(HumanFixture.config("cacheSensitivity=0.7"), clock)) {
            for (int i = 0; i < 4; i++) {
                try (Result result = human.detect(frame)) {
                    cached.add(result.face());
                    cachedFrames.add(result.performance().get("cachedFrames"));
                }
                now += 10;
            }
        }
        int detectorRuns = fixture.models.runs("blazeface");
        int descriptionRuns = fixture.models.runs("faceres");
        int meshRuns = fixture.models.runs("facemesh");
        assertThat(cachedFrames).containsExactly(0L, 1L, 2L, 3L);
        assertThat(detectorRuns).isEqualTo(1);
        assertThat(descriptionRuns).isEqualTo(2); // one per face, then reused
        assertThat(meshRuns).isEqualTo(8);        // the mesh runs on every frame

        List<List<FaceResult>> uncached = new ArrayList<>();
        try (Human human = fixture.human(HumanFixture.config("cacheSensitivity=0"), clock)) {
            for (int i = 0; i < 4; i++) {
                try (Result result = human.detect(frame)) {
                    uncached.add(result.face());
                    assertThat(result.performance().get("cachedFrames")).isZero();
                }
            }
        }
        assertThat(fixture.models.runs("blazeface") - detectorRuns).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            List<FaceResult> a = cached.get(i);
            List<FaceResult> b = uncached.get(i);
            assertThat(a).hasSameSizeAs(b);
            for (int f = 0; f < a.size(); f++) {
                // later frames crop around the previous mesh instead of the detector box, so the geometry moves a
                // little; cached model results are those of the first frame, which the uncached run repeats
                assertThat(a.get(f).box().iou(b.get(f).box())).isGreaterThan(0.9);
                assertThat(a.get(f).embedding()).isEqualTo(b.get(f).embedding());
                assertThat(a.get(f).emotion()).isEqualTo(b.get(f).emotion());
                assertThat(a.get(f).age()).isEqualTo(b.get(f).age());
                assertThat(a.get(f).real()).isEqualTo(b.get(f).real());
                assertThat(a.get(f).live()).isEqualTo(b.get(f).live());
            }
        }
        FaceAssertions.assertSameFaces(cached.get(0), uncached.get(0));
    }

    @Test
    void aChangedFrameRunsEveryModelAgain() {
        try (Human human = fixture.human(HumanFixture.config(), clock)) {
            human.detect(frame).close();
            try (Result result = human.detect(HumanFixture.image(320, 240, 120))) {
                assertThat(result.performance().get("cachedFrames")).isZero();
            }
        }
        assertThat(fixture.models.runs("blazeface")).isEqualTo(2);
        assertThat(fixture.models.runs("emotion")).isEqualTo(4);
    }

    @Test
    void cachedBoxesExpireAfterSkipTime() {
        try (Human human = fixture.human(HumanFixture.config("face.detector.skipTime=2500"), clock)) {
            human.detect(frame).close();
            now += 2000;
            human.detect(frame).close();
            assertThat(fixture.models.runs("blazeface")).isEqualTo(1);
            now += 600;
            human.detect(frame).close();
            assertThat(fixture.models.runs("blazeface")).isEqualTo(2);
        }
    }

    @Test
    void cachedBoxesExpireAfterSkipFrames() {
        try (Human human = fixture.human(HumanFixture.config("face.detector.skipFrames=2"), clock)) {
            for (int i = 0; i < 7; i++) {
                human.detect(frame).close();
            }
        }
        // detect, skip, skip, detect, skip, skip, detect
        assertThat(fixture.models.runs("blazeface")).isEqualTo(3);
    }
}
