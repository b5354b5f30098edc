package ai.human.internal.hand;

import ai.human.backend.Backend;
import ai.human.config.HandConfig;
import ai.human.config.HumanConfig;
import ai.human.internal.pipeline.Clock;
import ai.human.internal.pipeline.ModelRegistry;
import ai.human.internal.pipeline.ModelRequest;
import ai.human.internal.pipeline.Performance;
import ai.human.model.Model;
import ai.human.result.HandResult;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code hand} section of one {@code Human}: loads the HandTrack detector and the landmark model when Human
 * 3.3.6 would, and runs {@link HandTrackPipeline}, timed as {@code hand}. Like Human, it loads the landmark model only
 * with {@code hand.landmarks} on, and finds no hands without it.
 *
 * <pre>{@code
 * requests.addAll(HandPipeline.requests(config));
 * HandPipeline hand = new HandPipeline(config, registry, clock);
 * List<HandResult> hands = hand.detect(backend, image, skipAllowed, faces.size(), perf);
 * }</pre>
 */
public final class HandPipeline {
    static final String DETECTOR = "hand.detector";
    static final String SKELETON = "hand.skeleton";
    private static final Logger LOG = LoggerFactory.getLogger(HandPipeline.class);

    private final HumanConfig config;
    private final HandTrackPipeline pipeline;

    public HandPipeline(HumanConfig config, ModelRegistry registry, Clock clock) {
        this.config = config;
        Optional<Model> detector = registry.find(DETECTOR);
        Optional<Model> skeleton = registry.find(SKELETON);
        this.pipeline = detector.isPresent() && skeleton.isPresent()
                ? new HandTrackPipeline(detector.get(), skeleton.get(), clock::millis) : null;
        if (detector.isPresent() && skeleton.isEmpty()) {
            LOG.warn("hand.landmarks is false: Human 3.3.6 then loads no hand landmark model and finds no hands;"
                    + " neither does Human for Java. Set hand.enabled=false to skip the hand detector too.");
        }
    }

    /** The models Human loads for {@code config}: HandTrack, and the landmark model when {@code hand.landmarks}. */
    public static List<ModelRequest> requests(HumanConfig config) {
        HandConfig hand = config.hand();
        List<ModelRequest> out = new ArrayList<>();
        if (hand.enabled() && hand.detector().modelPath().contains("handtrack")) {
            out.add(new ModelRequest(DETECTOR, hand.detector().modelPath()));
            if (hand.landmarks()) {
                out.add(new ModelRequest(SKELETON, hand.skeleton().modelPath()));
            }
        }
        return out;
    }

    /**
     * Hands in {@code image}; none when hand detection is off.
     *
     * @param faces how many faces were found, for {@code hand.maxDetected} -1
     */
    public List<HandResult> detect(Backend backend, Tensor image, boolean skipAllowed, int faces, Performance perf) {
        if (pipeline == null) {
            return List.of();
        }
        double start = perf.clock().millis();
        int maxDetected = HandTrackPipeline.maxDetected(config.hand().maxDetected(), config.face().enabled(), faces);
        List<HandResult> hands = pipeline.detect(backend, image, config.hand(), maxDetected, skipAllowed,
                config.cacheSensitivity());
        perf.add("hand", start);
        return hands;
    }
}
