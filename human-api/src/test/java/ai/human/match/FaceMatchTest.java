package ai.human.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceMatchTest {

    private static float[] filled(float value) {
        float[] v = new float[1024];
        Arrays.fill(v, value);
        return v;
    }

    @Test
    void identicalEmbeddingsHaveDistanceZeroAndSimilarityOne() {
        float[] a = filled(0.3f);
        assertThat(FaceMatch.distance(a, a.clone())).isZero();
        assertThat(FaceMatch.similarity(a, a.clone())).isEqualTo(1.0);
    }

    @Test
    void distanceIsTheRoundedScaledSumOfSquares() {
        float[] zeros = filled(0);
        float[] b = filled(0);
        b[7] = 0.1f;
        // 25 * 0.1^2 = 0.25
        assertThat(FaceMatch.distance(zeros, b)).isEqualTo(0.25);
        assertThat(FaceMatch.distance(zeros, b, MatchOptions.defaults().withMultiplier(20))).isEqualTo(0.2);
    }

    @Test
    void similarityIsOneMinusTheRootNormalisedToMinMax() {
        float[] zeros = filled(0);
        // sum 1024 * 0.09 = 92.16, distance 2304, root 48: (1 - 0.48 - 0.2) / 0.6 = 0.5333 -> 0.53
        assertThat(FaceMatch.similarity(zeros, filled(0.3f))).isEqualTo(0.53);
        // root 80: (1 - 0.8 - 0.2) / 0.6 = 0
        assertThat(FaceMatch.similarity(zeros, filled(0.5f))).isZero();
        // close embeddings clamp at 1
        assertThat(FaceMatch.similarity(zeros, filled(0.01f))).isEqualTo(1.0);
        // with the full range 0..1: (1 - 0.48) = 0.52
        assertThat(FaceMatch.similarity(zeros, filled(0.3f), MatchOptions.defaults().withRange(0, 1))).isEqualTo(0.52);
    }

    @Test
    void higherOrdersUseMinkowskiDistance() {
        float[] zeros = filled(0);
        // order 3: 25 * 1024 * 0.2^3 = 204.8; root = 204.8^(1/3) = 5.894: (1 - 0.0589 - 0.2) / 0.6 = 1.23 -> 1
        MatchOptions cubic = MatchOptions.defaults().withOrder(3);
        assertThat(FaceMatch.distance(zeros, filled(0.2f), cubic)).isCloseTo(204.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FaceMatch.similarity(zeros, filled(0.2f), cubic)).isEqualTo(1.0);
    }

    @Test
    void findReturnsTheClosestEntryWithItsDistanceAndSimilarity() {
        float[] probe = filled(0.3f);
        List<float[]> gallery = List.of(filled(0.9f), filled(0.0f), filled(0.31f), new float[512]);
        Match best = FaceMatch.find(probe, gallery);
        assertThat(best.index()).isEqualTo(2);
        assertThat(best.found()).isTrue();
        assertThat(best.distance()).isEqualTo(FaceMatch.distance(probe, gallery.get(2)));
        assertThat(best.similarity()).isEqualTo(FaceMatch.similarity(probe, gallery.get(2)));
    }

    @Test
    void findStopsAtTheFirstEntryBelowTheThreshold() {
        float[] probe = filled(0.3f);
        List<float[]> gallery = List.of(filled(0.35f), filled(0.3f));
        assertThat(FaceMatch.find(probe, gallery, MatchOptions.defaults().withThreshold(100)).index()).isZero();
        assertThat(FaceMatch.find(probe, gallery, MatchOptions.defaults()).index()).isEqualTo(1);
    }

    @Test
    void findRefusesShortEmbeddingsAndEmptyListsAsHumanDoes() {
        Match none = FaceMatch.find(new float[63], List.of(new float[63]));
        assertThat(none.index()).isEqualTo(-1);
        assertThat(none.distance()).isInfinite();
        assertThat(none.similarity()).isZero();
        assertThat(FaceMatch.find(filled(0), List.of()).found()).isFalse();
    }

    @Test
    void findSkipsEntriesOfAnotherLength() {
        Match none = FaceMatch.find(filled(0), List.of(new float[512]));
        assertThat(none.index()).isEqualTo(-1);
        assertThat(none.distance()).isEqualTo(FaceMatch.NO_DISTANCE);
    }

    @Test
    void embeddingsOfDifferentLengthsCannotBeCompared() {
        assertThatThrownBy(() -> FaceMatch.distance(new float[3], new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 and 4");
    }

    @Test
    void optionsNeedARange() {
        assertThatThrownBy(() -> MatchOptions.defaults().withRange(0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchOptions.defaults().withOrder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
