package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void numbersWithinTheToleranceOfTheirMagnitudeAgree() throws Exception {
        JsonNode expected = JSON.readTree("{\"face\":[{\"box\":[100,200],\"score\":0.5}]}");
        // 100.005 is within 1e-4 * 100 = 0.01; 0.50005 within 1e-4 * max(1, 0.5)
        JsonNode actual = JSON.readTree("{\"face\":[{\"box\":[100.005,200],\"score\":0.50005}]}");

        assertThat(ResultComparison.firstDifference(expected, actual, 1e-4)).isEmpty();
    }

    @Test
    void theFirstDifferenceIsNamedByItsPath() throws Exception {
        JsonNode expected = JSON.readTree("{\"face\":[{\"box\":[100,200],\"gender\":\"female\"}]}");

        assertThat(ResultComparison.firstDifference(expected,
                JSON.readTree("{\"face\":[{\"box\":[100,201],\"gender\":\"female\"}]}"), 1e-4))
                .hasValue("$.face[0].box[1]: expected 200.0, actual 201.0");
        assertThat(ResultComparison.firstDifference(expected,
                JSON.readTree("{\"face\":[{\"box\":[100,200],\"gender\":\"male\"}]}"), 1e-4))
                .hasValue("$.face[0].gender: expected \"female\", actual \"male\"");
        assertThat(ResultComparison.firstDifference(expected, JSON.readTree("{\"face\":[]}"), 1e-4))
                .hasValue("$.face: expected 1 elements, actual 0");
    }
}
