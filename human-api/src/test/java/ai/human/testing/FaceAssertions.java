package ai.human.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.result.FaceResult;
import java.util.List;

/** Assertions over face results, shared by the facade tests and the backend modules. */
public final class FaceAssertions {

    private FaceAssertions() {
    }

    /** Every field of every face is equal (the tensor aside). */
    public static void assertSameFaces(List<FaceResult> actual, List<FaceResult> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            FaceResult a = actual.get(i);
            FaceResult e = expected.get(i);
            assertThat(a.box()).as("face %d box", i).isEqualTo(e.box());
            assertThat(a.boxRaw()).as("face %d boxRaw", i).isEqualTo(e.boxRaw());
            assertThat(a.size()).as("face %d size", i).isEqualTo(e.size());
            assertThat(a.mesh()).as("face %d mesh", i).isEqualTo(e.mesh());
            assertThat(a.meshRaw()).as("face %d meshRaw", i).isEqualTo(e.meshRaw());
            assertThat(a.annotations()).as("face %d annotations", i).isEqualTo(e.annotations());
            assertThat(a.score()).as("face %d score", i).isEqualTo(e.score());
            assertThat(a.boxScore()).as("face %d boxScore", i).isEqualTo(e.boxScore());
            assertThat(a.faceScore()).as("face %d faceScore", i).isEqualTo(e.faceScore());
            assertThat(a.embedding()).as("face %d embedding", i).isEqualTo(e.embedding());
            assertThat(a.emotion()).as("face %d emotion", i).isEqualTo(e.emotion());
            assertThat(a.age()).as("face %d age", i).isEqualTo(e.age());
            assertThat(a.gender()).as("face %d gender", i).isEqualTo(e.gender());
            assertThat(a.genderScore()).as("face %d genderScore", i).isEqualTo(e.genderScore());
            assertThat(a.real()).as("face %d real", i).isEqualTo(e.real());
            assertThat(a.live()).as("face %d live", i).isEqualTo(e.live());
            assertThat(a.distance()).as("face %d distance", i).isEqualTo(e.distance());
            assertThat(a.rotation().isPresent()).as("face %d rotation", i).isEqualTo(e.rotation().isPresent());
            a.rotation().ifPresent(r -> {
                assertThat(r.roll()).isEqualTo(e.rotation().get().roll());
                assertThat(r.yaw()).isEqualTo(e.rotation().get().yaw());
                assertThat(r.pitch()).isEqualTo(e.rotation().get().pitch());
                assertThat(r.matrix()).isEqualTo(e.rotation().get().matrix());
                assertThat(r.bearing()).isEqualTo(e.rotation().get().bearing());
                assertThat(r.strength()).isEqualTo(e.rotation().get().strength());
            });
        }
    }
}
