package ai.human.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.error.HumanException;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@code Human.detect(byte[])} on one backend with the full preset: seeded mutations of the {@link Fuzzing}
 * seed files (bit flips, truncation, chunk shuffles, format-aware damage). Every case gives a result or a
 * {@code HumanException}, nothing else escapes, and the tensor count is back at the baseline after every case. The
 * number of cases is {@link #ciCases()} unless {@code -Dhuman.fuzz.cases=N} says otherwise; the tally is printed.
 * {@code maxImagePixels} is 4 million, so a mutated header cannot make one case take long.
 */
public abstract class FuzzContract extends OneHumanPerClass {

    /** Cases run in CI (keep the run under a minute on this backend). */
    protected abstract int ciCases();

    @Override
    protected HumanConfig config() {
        return fullConfig("maxImagePixels=4000000");
    }

    @Test
    void mutatedImagesGiveAResultOrAHumanExceptionAndLeaveNothing() {
        Fuzzing.Tally tally = new Fuzzing.Tally();
        long start = System.nanoTime();
        Fuzzing.run(ciCases(), c -> {
            try {
                Result result = human.detect(c.mutant().bytes());
                result.close();
                tally.result();
            } catch (HumanException e) {
                tally.refused(e);
            } catch (RuntimeException | Error e) {
                tally.escaped(c, e);
            }
            long live = liveTensors();
            if (live != baseline) {
                tally.leaked(c, live - baseline);
            }
            return null;
        });
        System.out.print(tally.report("Human.detect fuzzing on " + backend.name() + " ("
                + (System.nanoTime() - start) / 1_000_000_000 + " s)"));
        assertThat(tally.escaped()).as("exceptions other than HumanException").isEmpty();
        assertThat(tally.leaked()).as("cases after which tensors were left").isEmpty();
    }
}
