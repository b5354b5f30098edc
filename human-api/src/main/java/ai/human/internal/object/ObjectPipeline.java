package ai.human.internal.object;

import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.config.ObjectConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.internal.pipeline.ModelRegistry;
import ai.human.internal.pipeline.ModelRequest;
import ai.human.internal.pipeline.Performance;
import ai.human.result.ObjectResult;
import ai.human.tensor.Tensor;
import java.util.List;

/**
 * The {@code object} section of one {@code Human}: loads CenterNet when Human 3.3.6 would ({@code object.enabled},
 * off by default, and a {@code object.modelPath} naming CenterNet) and runs {@link CenterNetDetector}, timed as
 * {@code object}.
 *
 * <pre>{@code
 * requests.addAll(ObjectPipeline.requests(config));
 * ObjectPipeline object = new ObjectPipeline(config, registry, clock);
 * List<ObjectResult> objects = object.detect(backend, image, skipAllowed, perf);
 * }</pre>
 */
public final class ObjectPipeline {
    static final String SECTION = "object";

    private final HumanConfig config;
    private final CenterNetDetector detector;

    public ObjectPipeline(HumanConfig config, ModelRegistry registry, Clock clock) {
        this.config = config;
        this.detector = registry.find(SECTION).map(model -> new CenterNetDetector(model, clock::millis)).orElse(null);
    }

    /** The model Human loads for {@code config}: CenterNet when object detection is on (NanoDet is not implemented). */
    public static List<ModelRequest> requests(HumanConfig config) {
        ObjectConfig object = config.object();
        return object.enabled() && object.modelPath().contains("centernet")
                ? List.of(new ModelRequest(SECTION, object.modelPath())) : List.of();
    }

    /** Objects in {@code image}; none when object detection is off. */
    public List<ObjectResult> detect(Backend backend, Tensor image, boolean skipAllowed, Performance perf) {
        if (detector == null) {
            return List.of();
        }
        double start = perf.clock().millis();
        List<ObjectResult> objects = detector.detect(backend, image, config.object(), skipAllowed);
        perf.add(SECTION, start);
        return objects;
    }
}
