package ai.human.bench;

import ai.human.Human;
import ai.human.backend.Backend;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import ai.human.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pipeline benchmarks share: a backend, a {@link Human} on it whose models record their calls on demand, and
 * the six samples as UINT8 image tensors (what {@code human.decodeImage} gives; decoding is not timed, as in the peer).
 *
 * <pre>{@code
 * try (PipelineFixture f = PipelineFixture.open(BenchBackend.TENSORFLOW, BenchConfig.FULL)) {
 *     f.detectAll();
 *     List<List<ModelCall>> calls = f.recordCalls();
 * }
 * }</pre>
 */
public final class PipelineFixture implements AutoCloseable {
    private final Backend backend;
    private final Human human;
    private final List<RecordingModel> models = new ArrayList<>();
    private final List<Tensor> images = new ArrayList<>();

    private PipelineFixture(BenchBackend kind, HumanConfig config) {
        this.backend = kind.create(config);
        try {
            this.human = Human.create(config, backend, def -> {
                RecordingModel model = new RecordingModel(kind.load(backend, def));
                models.add(model);
                return model;
            });
            for (SampleImages.Sample sample : SampleImages.all()) {
                images.add(human.decodeImage(SampleImages.bytes(sample.name())));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Creates the backend, loads the configuration's models and decodes the samples. */
    public static PipelineFixture open(BenchBackend kind, BenchConfig config) {
        return new PipelineFixture(kind, config.config());
    }

    /** The backend. */
    public Backend backend() {
        return backend;
    }

    /** The Human instance. */
    public Human human() {
        return human;
    }

    /** The samples as image tensors, in {@link SampleImages#NAMES} order. */
    public List<Tensor> images() {
        return images;
    }

    /** One detect on each sample; returns the number of faces found (so that nothing is optimised away). */
    public int detectAll() {
        int found = 0;
        for (Tensor image : images) {
            found += detect(image);
        }
        return found;
    }

    /** One detect on {@code image}; returns the number of faces, bodies, hands and objects found. */
    public int detect(Tensor image) {
        try (Result result = human.detect(image)) {
            return result.face().size() + result.body().size() + result.hand().size() + result.object().size();
        }
    }

    /** Runs one detect per sample while recording; returns each sample's model calls in call order. */
    public List<List<ModelCall>> recordCalls() {
        List<List<ModelCall>> perImage = new ArrayList<>();
        for (Tensor image : images) {
            List<ModelCall> calls = new ArrayList<>();
            models.forEach(m -> m.recordInto(calls::add));
            try {
                detect(image);
            } finally {
                models.forEach(m -> m.recordInto(null));
            }
            perImage.add(calls);
        }
        return perImage;
    }

    @Override
    public void close() {
        images.forEach(Tensor::close);
        if (human != null) {
            human.close();
        }
        backend.close();
    }
}
