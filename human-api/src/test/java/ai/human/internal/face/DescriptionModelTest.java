package ai.human.internal.face;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptionModelTest {

    private static float[] buckets(int... indexAndPercent) {
        float[] b = new float[100];
        for (int i = 0; i < indexAndPercent.length; i += 2) {
            b[indexAndPercent[i]] = indexAndPercent[i + 1] / 100f;
        }
        return b;
    }

    @Test
    void ageMovesFromTheBestBucketTowardTheStrongerNeighbour() {
        // best bucket 30, right neighbour stronger: (300 + 100 * 0.06) / 10
        assertThat(DescriptionModel.age(buckets(29, 4, 30, 80, 31, 6))).isEqualTo(30.6);
        // left neighbour stronger: (300 - 100 * 0.06) / 10
        assertThat(DescriptionModel.age(buckets(29, 6, 30, 80, 31, 5))).isEqualTo(29.4);
    }

    @Test
    void ageRoundsToOneDecimal() {
        float[] b = buckets(30, 70);
        b[29] = 0.0123f;
        b[31] = 0.0100f;
        // round(300 - 1.23) / 10
        assertThat(DescriptionModel.age(b)).isEqualTo(29.9);
    }

    @Test
    void theFirstBucketLooksOnlyRight() {
        assertThat(DescriptionModel.age(buckets(0, 90, 1, 5))).isEqualTo(0.5);
    }

    @Test
    void theLastBucketGivesNoAgeAsInHuman() {
        assertThat(DescriptionModel.age(buckets(98, 5, 99, 90))).isNaN();
    }
}
