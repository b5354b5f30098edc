package ai.human;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.TensorSpec;
import ai.human.tensor.DType;
import ai.human.tensor.Tensor;
import ai.human.backend.reference.ReferenceBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class HumanWarmupInputTypeTest {

    /** Takes the real model's signature and notes the type of what it is fed; computes nothing. */
    private record InputTypeProbe(GraphModelDef def, Map<String, DType> fed) implements Model {
        @Override
        public String name() {
            return def.name();
        }

        @Override
        public List<TensorSpec> inputs() {
            return def.inputs();
        }

        @Override
        public List<TensorSpec> outputs() {
            return def.outputs();
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> inputs) {
            inputs.values().forEach(t -> fed.put(def.name(), t.dtype()));
            return Map.of();
        }

        @Override
        public long weightBytes() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void warmupFeedsEachModelZerosOfItsSignatureType() {
        Map<String, DType> fed = new ConcurrentHashMap<>();
        HumanConfig config = HumanConfig.defaults().withOverrides(List.of("warmup=full", "body.enabled=true",
                "hand.enabled=true", "object.enabled=true"));
        try (ReferenceBackend backend = new ReferenceBackend();
             Human human = Human.create(config, backend, def -> new InputTypeProbe(def, fed), Clock.SYSTEM)) {
            human.warmup();
            assertThat(backend.memory().tensors()).isZero();
        }
        assertThat(fed)
                .containsEntry("handtrack", DType.UINT8)
                .containsEntry("movenet-lightning", DType.INT32)
                .containsEntry("blazeface", DType.FLOAT32)
                .containsEntry("centernet", DType.FLOAT32);
    }
}
