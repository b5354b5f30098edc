package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.error.HumanException;
import ai.human.image.ImageDecoder;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link ImageDecoder} alone (no backend, so many cases are cheap): 2,000 seeded mutations of the seed files
 * in CI, more with {@code -Dhuman.fuzz.cases=N}. Every case is decoded or refused with a {@code HumanException};
 * nothing else escapes. The pixel limit is 4 million, so that a mutated header cannot make a case slow.
 */
class DecoderFuzzTest {

    @Test
    void mutatedFilesAreDecodedOrRefusedWithAHumanExceptionOnly() {
        Fuzzing.Tally tally = new Fuzzing.Tally();
        Fuzzing.run(2000, c -> {
            try {
                ImageDecoder.decode(c.mutant().bytes(), 4_000_000);
                tally.result();
            } catch (HumanException e) {
                tally.refused(e);
            } catch (RuntimeException | Error e) {
                tally.escaped(c, e);
            }
            return null;
        });
        System.out.print(tally.report("ImageDecoder fuzzing"));
        assertThat(tally.escaped()).isEmpty();
    }
}
