package ai.human.internal.body;

import ai.human.backend.Backend;
import ai.human.config.BodyConfig;
import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.internal.pipeline.ModelRegistry;
import ai.human.internal.pipeline.ModelRequest;
import ai.human.internal.pipeline.Performance;
import ai.human.result.BodyResult;
import ai.human.tensor.Tensor;
import java.util.List;

/**
 * The {@code body} section of one {@code Human}: loads MoveNet when Human 3.3.6 would ({@code body.enabled} and a
 * {@code body.modelPath} naming a MoveNet model) and runs {@link MoveNetBodyDetector}, timed as {@code body}.
 *
 * <pre>{@code
 * requests.addAll(BodyPipeline.requests(config));
 * BodyPipeline body = new BodyPipeline(config, registry, clock);
 * List<BodyResult> bodies = body.detect(backend, image, skipAllowed, faces.size(), perf);
 * }</pre>
 */
public final class BodyPipeline {
    static final String SECTION = "body";

    private final HumanConfig config;
    private final MoveNetBodyDetector detector;

    public BodyPipeline(HumanConfig config, ModelRegistry registry, Clock clock) {
        this.config = config;
        this.detector = registry.find(SECTION).map(model -> new MoveNetBodyDetector(model, clock::millis)).orElse(null);
    }

    /** The model Human loads for {@code config}: MoveNet when body detection is on (other body models are not). */
    public static List<ModelRequest> requests(HumanConfig config) {
        BodyConfig body = config.body();
        return body.enabled() && body.modelPath().contains("movenet")
                ? List.of(new ModelRequest(SECTION, body.modelPath())) : List.of();
    }

    /**
     * Bodies in {@code image}; none when body detection is off.
     *
     * @param faces how many faces were found, for {@code body.maxDetected} -1
     */
    public List<BodyResult> detect(Backend backend, Tensor image, boolean skipAllowed, int faces, Performance perf) {
        if (detector == null) {
            return List.of();
        }
        double start = perf.clock().millis();
        int maxDetected = MoveNetBodyDetector.maxDetected(config.body().maxDetected(), config.face().enabled(), faces);
        List<BodyResult> bodies = detector.detect(backend, image, config.body(), maxDetected, skipAllowed);
        perf.add(SECTION, start);
        return bodies;
    }
}
