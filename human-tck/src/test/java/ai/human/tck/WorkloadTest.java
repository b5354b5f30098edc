package ai.human.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void theFullWorkloadIsEveryDefaultModelFiftyRunsAndFourThreadsOfFiftyDetections() {
        assertThat(Workload.FULL.models()).hasSize(11).containsExactlyElementsOf(Workload.DEFAULT_MODELS);
        assertThat(Workload.FULL.modelRuns()).isEqualTo(50);
        assertThat(Workload.FULL.threads()).isEqualTo(4);
        assertThat(Workload.FULL.detectsPerThread()).isEqualTo(50);
        assertThat(Workload.FULL.isFull()).isTrue();
    }

    @Test
    void aReducedWorkloadKeepsTheDefaultOrderAndIsNotFull() {
        Workload reduced = Workload.FULL.withModels("liveness", "blazeface", "liveness").withModelRuns(3);

        assertThat(reduced.models()).containsExactly("blazeface", "liveness");
        assertThat(reduced.isFull()).isFalse();
        assertThat(reduced.includes("liveness")).isTrue();
        assertThat(reduced.includes("centernet")).isFalse();
    }

    @Test
    void unknownModelsAndTooLittleWorkAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> Workload.FULL.withModels("blazeface", "yolo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[yolo]").hasMessageContaining("centernet");
        assertThatThrownBy(() -> Workload.FULL.withModels()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Workload.FULL.withConcurrency(1, 50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads >= 2");
        assertThatThrownBy(() -> Workload.FULL.withModelRuns(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
