package ai.human;

import ai.human.error.AlreadyClosedException;
import ai.human.error.HumanException;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.BackendSelector;
import ai.human.backend.ModelRuntime;
import ai.human.backend.spi.ReleaseHandle;
import ai.human.config.ConfigError;
import ai.human.config.ConfigException;
import ai.human.config.HumanConfig;
import ai.human.config.LeakDetection;
import ai.human.config.Warmup;
import ai.human.image.ImageDecoder;
import ai.human.image.ImageException;
import ai.human.image.RgbImage;
import ai.human.internal.body.BodyPipeline;
import ai.human.internal.face.FacePipeline;
import ai.human.internal.gesture.GestureRecognizer;
import ai.human.internal.hand.HandPipeline;
import ai.human.internal.object.ObjectPipeline;
import ai.human.internal.pipeline.Clock;
import ai.human.internal.pipeline.FrameChangeDetector;
import ai.human.internal.pipeline.FramePixels;
import ai.human.internal.pipeline.InputImages;
import ai.human.internal.pipeline.ModelRegistry;
import ai.human.internal.pipeline.ModelRequest;
import ai.human.internal.pipeline.Performance;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.result.BodyResult;
import ai.human.result.FaceResult;
import ai.human.result.Gesture;
import ai.human.result.HandResult;
import ai.human.result.ObjectResult;
import ai.human.result.Result;
import ai.human.tensor.DType;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import ai.human.tensor.TensorScope;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Human for Java: face detection with Human 3.3.6's models, numbers and result fields, on a pluggable backend
 * (TensorFlow Java or DJL/PyTorch).
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * HumanConfig config = HumanConfig.defaults().withOverride("face.detector.maxDetected", "10");
 * try (Human human = Human.create(config)) {            // picks the backend, loads the enabled models
 *     try (Result result = human.detect(Path.of("group.jpg"))) {
 *         for (FaceResult face : result.face()) {
 *             System.out.printf("%s age %.1f %s%n", face.box(), face.age().orElse(0), face.gender().orElse("?"));
 *         }
 *     }                                                   // releases the face crops, if any were returned
 * }                                                       // releases the models (and the backend it created)
 * }</pre>
 *
 * <h2>Inputs</h2>
 * {@link #detect(Path)}, {@link #detect(byte[])} (an encoded JPEG or PNG), {@link #detect(BufferedImage)} and
 * {@link #detect(Tensor)} ({@code [1, h, w, 3]} or {@code [h, w, 3]}, 4 channels accepted with alpha dropped;
 * uint8, int32 or float32 values 0..255). The same pixels give the same result whichever way they come in.
 * Images are decoded with ImageIO as {@link ImageDecoder} describes (EXIF orientation is ignored, as in Human);
 * images above {@code maxImagePixels} are refused from their header.
 *
 * <h2>Who owns what</h2>
 * <ol>
 *   <li>The caller owns what it creates: tensors from {@link #decodeImage} and its own input tensors. With
 *       {@code deallocate: true}, {@link #detect(Tensor)} takes ownership of its input and closes it before
 *       returning, also when it fails, so a decode→detect loop needs no close call.</li>
 *   <li>A {@link Result} owns the face crops it carries ({@code face.detector.return: true}): close the result to
 *       release them, or {@link ai.human.result.ResultTensor#take() take} one to own it. (If {@code detect} runs
 *       inside a {@link TensorScope} of the caller, that scope closes them too.)</li>
 *   <li>{@link #close()} releases the models and every result tensor not taken; the backend's tensor count is then
 *       back where it was before {@link #create}. A backend created by {@link #create(HumanConfig)} is closed too;
 *       one passed to {@link #create(HumanConfig, Backend)} stays open: its caller owns it.</li>
 * </ol>
 * A tensor dropped while open (a decoded image never closed, a {@code Result} never closed) is found by leak
 * detection ({@code leakDetection} in the config, or the system property {@code human.leakDetection}): it is
 * reported once through slf4j at WARN, with its shape, owner and, at {@code all-with-creation-site}, where it was
 * made, and then freed. {@link #memory()} splits the live tensors by {@link Owner}.
 *
 * <h2>Video and caching</h2>
 * With {@code cacheSensitivity} above 0 (Human's default 0.7), a frame that differs little from the previous one
 * may reuse the previous face boxes and the per-model results within each model's {@code skipFrames} and
 * {@code skipTime}, exactly as Human does. The previous frame is kept on the JVM heap, not as a tensor. While caching
 * is on, {@code detect} calls on one instance run one at a time, since each depends on the previous frame; with
 * {@code cacheSensitivity: 0} they run in parallel. {@code detect} is thread-safe either way.
 *
 * <h2>Body, hands, objects and gestures</h2>
 * As in Human 3.3.6: MoveNet bodies ({@code body}), HandTrack hands with 21 landmarks ({@code hand}), CenterNet
 * objects ({@code object}, off by default) and gestures read from the results ({@code gesture}). The body jitter
 * filter and the per-model caches belong to this instance (Human keeps them per process), so a sequence of images
 * gives Human's results when processed in the same order by one instance.
 *
 * <h2>Not implemented</h2>
 * {@link HumanConfig#unsupportedOptions()} lists the options without effect (a warning is logged for each).
 */
public final class Human implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Human.class);

    private final HumanConfig config;
    private final Backend backend;
    private final boolean ownsBackend;
    private final ModelRegistry models;
    private final FacePipeline face;
    private final BodyPipeline body;
    private final HandPipeline hand;
    private final ObjectPipeline object;
    private final Clock clock;
    private final FrameChangeDetector frames = new FrameChangeDetector();
    private final ReentrantLock sequential = new ReentrantLock();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** The result tensors made so far, by handle: holding the tensors would keep a dropped result's from leak detection. */
    private final Set<ReleaseHandle> resultTensors = ConcurrentHashMap.newKeySet();
    /** Called with each stage's name as it starts ({@code face}, {@code body}, ...); tests use it to inject failures. */
    private volatile Consumer<String> stageProbe = stage -> { };
    private final AtomicLong totalFrames = new AtomicLong();
    private final AtomicLong cachedFrames = new AtomicLong();
    private volatile long warmupMillis = -1;
    private volatile boolean closed;

    private Human(HumanConfig config, Backend backend, boolean ownsBackend, ModelLoader loader,
                  Function<GraphModelDef, Model> toBackend, Clock clock) {
        List<ConfigError> invalid = config.validationErrors();
        if (!invalid.isEmpty()) {
            // only a config built with `new` can get here: the factories and with... methods validate
            throw new ConfigException("the configuration given to Human.create", invalid);
        }
        this.config = config;
        this.backend = backend;
        this.ownsBackend = ownsBackend;
        this.clock = clock;
        List<ModelRequest> requests = new ArrayList<>(FacePipeline.requests(config));
        requests.addAll(BodyPipeline.requests(config));
        requests.addAll(HandPipeline.requests(config));
        requests.addAll(ObjectPipeline.requests(config));
        warnNotImplemented(config);
        this.models = ModelRegistry.load(requests, config.modelBasePath(), loader, toBackend);
        try {
            this.face = new FacePipeline(config, models, clock);
            this.body = new BodyPipeline(config, models, clock);
            this.hand = new HandPipeline(config, models, clock);
            this.object = new ObjectPipeline(config, models, clock);
        } catch (RuntimeException e) {
            models.close();
            throw e;
        }
        LOG.debug("Human ready on {}: models {} loaded in {} ms", backend.name(), models.sections(), models.loadMillis());
    }

    /**
     * {@return a Human on the backend chosen by {@link BackendSelector} ({@code config.backend()}, then the
     * {@code human.backend} system property, the {@code HUMAN_BACKEND} environment variable, the best available
     * provider), with the enabled models loaded from {@code config.modelBasePath()}} The backend belongs to the new
     * instance and is closed with it.
     *
     * @param config the configuration
     * @throws ai.human.backend.BackendException when no backend is available or the named one is missing
     * @throws ai.human.model.ModelException     when a model cannot be loaded
     * @throws ConfigException                   when {@code config} (built with {@code new}) has values out of range
     */
    public static Human create(HumanConfig config) {
        Objects.requireNonNull(config, "config");
        Backend backend = BackendSelector.fromEnvironment().select(config.backend()).provider()
                .create(backendOptions(config));
        try {
            return new Human(config, backend, true, new ModelLoader(), backend::loadModel, Clock.SYSTEM);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /**
     * {@return a Human on {@code backend}, which stays the caller's: {@link #close()} releases only what this instance made,
     * and the caller closes the backend afterwards} {@code config.backend()} and {@code backendOptions} are not used.
     *
     * @param config the configuration
     * @param backend the backend to run on; it stays the caller's
     * @throws ai.human.model.ModelException when a model cannot be loaded
     * @throws ConfigException              when {@code config} (built with {@code new}) has values out of range
     */
    public static Human create(HumanConfig config, Backend backend) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(backend, "backend");
        return new Human(config, backend, false, new ModelLoader(), backend::loadModel, Clock.SYSTEM);
    }

    /**
     * A Human on {@code backend}, which stays the caller's, whose models are put on a backend by {@code models}
     * instead of {@code backend.loadModel}: for example through the generic executor of {@code human-graph} on a
     * backend that runs graphs natively, or wrapped to record or time the model calls. The models {@code models}
     * returns belong to the new instance and are closed with it.
     *
     * <pre>{@code
     * try (Human human = Human.create(config, backend, def -> GraphExecutor.compile(backend, def))) {
     *     ...
     * }
     * }</pre>
     *
     * @param config  the configuration
     * @param backend the backend to run on; it stays the caller's
     * @param models  puts each model Human loads on a backend
     * @return a new Human, which the caller closes
     * @throws ai.human.model.ModelException when a model cannot be loaded
     * @throws ConfigException              when {@code config} (built with {@code new}) has values out of range
     */
    public static Human create(HumanConfig config, Backend backend, ModelRuntime models) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(models, "models");
        return new Human(config, backend, false, new ModelLoader(), models::loadModel, Clock.SYSTEM);
    }

    /** For tests: a Human whose models are put on {@code backend} by {@code toBackend}, with a given clock. */
    static Human create(HumanConfig config, Backend backend, Function<GraphModelDef, Model> toBackend, Clock clock) {
        return new Human(config, backend, false, new ModelLoader(), toBackend, clock);
    }

    /**
     * {@return the options {@link #create(HumanConfig)} gives the backend: {@code backendOptions}, and the leak detection level
     * of the system property {@value LeakDetection#PROPERTY} if set, else the config's {@code leakDetection}}
     *
     * @param config the configuration
     */
    public static BackendOptions backendOptions(HumanConfig config) {
        return new BackendOptions(LeakDetection.effective(config.leakDetection()), config.backendOptions());
    }

    // ---- detection -----------------------------------------------------------------------------------------------

    /**
     * Detects in an image file (JPEG, PNG, or another format ImageIO reads).
     *
     * @param image the image file
     * @return what was found; the caller closes it when it carries tensors
     * @throws ImageException when the file is missing, not an image, damaged or above {@code maxImagePixels}
     */
    public Result detect(Path image) {
        Objects.requireNonNull(image, "image");
        return run(() -> ImageDecoder.decode(image, config.maxImagePixels()));
    }

    /**
     * Detects in an encoded image: the bytes of a JPEG or PNG file.
     *
     * @param encodedImage the file's bytes
     * @return what was found; the caller closes it when it carries tensors
     * @throws ImageException when the bytes are not an image, damaged or above {@code maxImagePixels}
     */
    public Result detect(byte[] encodedImage) {
        Objects.requireNonNull(encodedImage, "encodedImage");
        return run(() -> ImageDecoder.decode(encodedImage, config.maxImagePixels()));
    }

    /**
     * Detects in an image in memory.
     *
     * @param image the image
     * @return what was found; the caller closes it when it carries tensors
     */
    public Result detect(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return run(() -> ImageDecoder.fromBufferedImage(image, config.maxImagePixels()));
    }

    /**
     * Detects in an image tensor of this instance's backend: {@code [1, h, w, 3]} or {@code [h, w, 3]} (a fourth
     * channel is dropped), uint8, int32 or float32 with values 0..255. The tensor stays the caller's unless
     * {@code deallocate} is true, in which case it is closed before this method returns or throws.
     *
     * @param image the image tensor
     * @return what was found; the caller closes it when it carries tensors
     * @throws ImageException when the tensor is closed or has the wrong shape or type
     */
    public Result detect(Tensor image) {
        try {
            ensureOpen();
            Objects.requireNonNull(image, "image");
            InputImages.checkShape(image, config.maxImagePixels());
            return run(image);
        } finally {
            if (config.deallocate() && image != null) {
                image.close();
            }
        }
    }

    // ---- image decoding ------------------------------------------------------------------------------------------

    /**
     * Decodes an image file into a UINT8 tensor {@code [1, h, w, 3]} on this instance's backend (UINT8 is four times
     * smaller than float32); the caller owns it and closes it, or lets {@code detect} do so with
     * {@code deallocate: true}.
     *
     * @param image the image file
     * @return the image tensor, owned by the caller
     */
    public Tensor decodeImage(Path image) {
        Objects.requireNonNull(image, "image");
        return decodeWhileOpen(() -> ImageDecoder.decode(image, config.maxImagePixels()));
    }

    /**
     * As {@link #decodeImage(Path)}, for the bytes of an encoded image.
     *
     * @param encodedImage the bytes of a JPEG or PNG file
     * @return the image tensor, owned by the caller
     */
    public Tensor decodeImage(byte[] encodedImage) {
        Objects.requireNonNull(encodedImage, "encodedImage");
        return decodeWhileOpen(() -> ImageDecoder.decode(encodedImage, config.maxImagePixels()));
    }

    /**
     * As {@link #decodeImage(Path)}, for an image in memory.
     *
     * @param image the image
     * @return the image tensor, owned by the caller
     */
    public Tensor decodeImage(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return decodeWhileOpen(() -> ImageDecoder.fromBufferedImage(image, config.maxImagePixels()));
    }

    /** Decodes and makes the tensor while {@link #close()} waits, so the backend cannot be closed in between. */
    private Tensor decodeWhileOpen(Decoder decoder) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return InputImages.toTensor(backend, decoder.decode());
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    // ---- lifecycle and information ---------------------------------------------------------------------------------

    /**
     * Runs every loaded model once on zeros, so that the first {@code detect} does not pay for the backend's
     * one-time setup. Does nothing when {@code warmup} is {@code none} or empty. Touches no cache.
     */
    public void warmup() {
        if (config.warmup() == Warmup.NONE || config.warmup() == Warmup.UNSPECIFIED) {
            return;
        }
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            double start = clock.millis();
            warmAll(models.models());
            warmupMillis = (long) (clock.millis() - start);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Runs every model once on zeros, on as many threads as there are cores (at most one per model): the first run of
     * a model is mostly the engine's one-time work (graph optimisation, kernel selection), which is independent from
     * model to model.
     */
    private void warmAll(List<Model> toWarm) {
        int threads = Math.max(1, Math.min(toWarm.size(), Runtime.getRuntime().availableProcessors()));
        if (threads == 1) {
            toWarm.forEach(this::warmOne);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "human-warmup");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Model model : toWarm) {
                runs.add(pool.submit(() -> warmOne(model)));
            }
            for (Future<?> run : runs) {
                awaitWarmup(run);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitWarmup(Future<?> run) {
        try {
            run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HumanException("warmup() was interrupted while the models ran; call it again or skip it", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new HumanException("warmup() failed: " + e.getCause(), e.getCause());
        }
    }

    private void warmOne(Model model) {
        backend.tidy(() -> {
            int[] dims = model.inputs().get(0).shape();
            for (int i = 0; i < dims.length; i++) {
                dims[i] = dims[i] > 0 ? dims[i] : i == 0 ? 1 : 64;
            }
            Shape shape = Shape.of(dims);
            DType dtype = model.inputs().get(0).dtype();
            int size = (int) shape.size();
            Tensor zeros = switch (dtype) {
                case INT32 -> backend.fromInts(new int[size], shape);
                case UINT8, BOOL -> backend.fromBytes(new byte[size], shape, dtype);
                case FLOAT32 -> backend.fromFloats(new float[size], shape);
            };
            model.run(zeros);
            return null;
        });
    }

    /** {@return the configuration this instance runs with} */
    public HumanConfig config() {
        return config;
    }

    /** {@return the backend this instance runs on} */
    public Backend backend() {
        return backend;
    }

    /**
     * {@return the backend's live tensors and bytes, as {@code tf.memory()}, split by {@link Owner}: {@code MODEL} (weights of
     * the loaded models), {@code RESULT} (tensors carried by results not yet closed), {@code CALLER} (decoded images,
     * the caller's own tensors, tensors taken out of results) and {@code IN_FLIGHT} (intermediates of a running
     * {@code detect}; zero between calls)} On a shared backend the figures include the other users' tensors.
     * Also reports the leaks found since the last look.
     */
    public MemoryInfo memory() {
        return backend.memory();
    }

    /**
     * Releases the models and every result tensor not taken by the caller, and closes the backend if this instance
     * created it. Waits for running {@code detect} calls. Harmless when called twice.
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (ReleaseHandle handle : resultTensors) {
                handle.releaseIfOwnedBy(Owner.RESULT);
            }
            resultTensors.clear();
            try {
                models.close();
            } finally {
                if (ownsBackend) {
                    backend.close();
                }
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    /** One decoded or caller-given input. */
    private interface Decoder {
        RgbImage decode();
    }

    private Result run(Decoder decoder) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            double start = clock.millis();
            Performance perf = newPerformance();
            List<Tensor> taken = new ArrayList<>();
            try (TensorScope scope = backend.scope()) {
                RgbImage rgb = decoder.decode();
                Tensor input = InputImages.toTensor(backend, rgb);
                perf.add("inputProcess", start);
                FramePixels pixels = FramePixels.ofBytes(rgb.width(), rgb.height(), rgb.pixels());
                return finish(scope, input, () -> pixels, start, perf, taken);
            } catch (RuntimeException | Error e) {
                taken.forEach(Tensor::close);
                throw e;
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Result run(Tensor image) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            double start = clock.millis();
            Performance perf = newPerformance();
            List<Tensor> taken = new ArrayList<>();
            try (TensorScope scope = backend.scope()) {
                Tensor input = InputImages.toPipelineInput(backend, image, config.maxImagePixels());
                perf.add("inputProcess", start);
                return finish(scope, input, () -> InputImages.framePixels(image), start, perf, taken);
            } catch (RuntimeException | Error e) {
                taken.forEach(Tensor::close);
                throw e;
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Result finish(TensorScope scope, Tensor input, java.util.function.Supplier<FramePixels> pixels, double start,
                          Performance perf, List<Tensor> taken) {
        int height = input.shape().dim(1);
        int width = input.shape().dim(2);
        boolean caching = FrameChangeDetector.applies(config.cacheSensitivity(), width, height);
        List<FaceResult> faces;
        List<BodyResult> bodies;
        List<HandResult> hands;
        List<ObjectResult> objects;
        if (caching) {
            sequential.lock();
        }
        try {
            double t0 = clock.millis();
            boolean skipAllowed = caching && frames.unchanged(pixels.get(), config.cacheSensitivity());
            perf.set("totalFrames", totalFrames.incrementAndGet());
            perf.set("cachedFrames", skipAllowed ? cachedFrames.incrementAndGet() : cachedFrames.get());
            perf.add("cacheCheck", t0);
            stageProbe.accept("face");
            faces = face.detect(backend, input, skipAllowed, perf, taken);
            stageProbe.accept("body");
            bodies = body.detect(backend, input, skipAllowed, faces.size(), perf);
            stageProbe.accept("hand");
            hands = hand.detect(backend, input, skipAllowed, faces.size(), perf);
            stageProbe.accept("object");
            objects = object.detect(backend, input, skipAllowed, perf);
        } finally {
            if (caching) {
                sequential.unlock();
            }
        }
        for (Tensor t : taken) {
            scope.keep(t);
        }
        purgeResultTensors();
        for (Tensor t : taken) {
            resultTensors.add(ReleaseHandle.of(t));
        }
        List<Gesture> gestures = List.of();
        if (config.gesture().enabled()) {
            stageProbe.accept("gesture");
            double t0 = clock.millis();
            gestures = GestureRecognizer.recognize(faces, bodies, hands);
            perf.add("gesture", t0);
        }
        perf.add("total", start);
        return new Result(faces, bodies, hands, objects, gestures, perf.toMap(), width, height);
    }

    private Performance newPerformance() {
        Performance perf = new Performance(clock);
        perf.set("loadModels", models.loadMillis());
        if (warmupMillis >= 0) {
            perf.set("warmup", warmupMillis);
        }
        return perf;
    }

    private void purgeResultTensors() {
        resultTensors.removeIf(handle -> handle.isReleased() || handle.owner() != Owner.RESULT);
    }

    /** For tests: {@code probe} is called with each stage's name as it starts, and may throw to make it fail. */
    void stageProbe(Consumer<String> probe) {
        stageProbe = Objects.requireNonNull(probe, "probe");
    }

    private void ensureOpen() {
        if (closed) {
            throw new AlreadyClosedException("This Human instance is closed; create a new one with Human.create(config)");
        }
    }

    private static void warnNotImplemented(HumanConfig config) {
        config.unsupportedOptionDetails().forEach(option -> LOG.warn("option {} has no effect: {}", option.path(), option.reason()));
    }

    @Override
    public String toString() {
        return "Human[backend=" + backend.name() + ", models=" + models.sections() + (closed ? ", closed" : "") + "]";
    }
}
