package ai.human.internal.pipeline;

import ai.human.error.HumanException;
import java.io.UncheckedIOException;
import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.model.ModelLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models one {@code Human} instance loaded, by config section ({@code face.detector}, {@code face.mesh}, ...).
 * Loading is all or nothing: if one model fails, those already loaded are closed and the error names the section,
 * the file and what to do. Closing the registry closes every model.
 *
 * <pre>{@code
 * try (ModelRegistry models = ModelRegistry.load(requests, config.modelBasePath(), new ModelLoader(), backend::loadModel)) {
 *     Model mesh = models.find("face.mesh").orElseThrow();
 * }
 * }</pre>
 */
public final class ModelRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final Map<String, Model> models;
    private final long loadMillis;

    private ModelRegistry(Map<String, Model> models, long loadMillis) {
        this.models = Collections.unmodifiableMap(models);
        this.loadMillis = loadMillis;
    }

    /**
     * Loads every requested model.
     *
     * @param requests   the models, each once
     * @param basePath   {@code modelBasePath}
     * @param loader     reads the model files
     * @param toBackend  puts a model definition on the backend ({@code backend::loadModel})
     * @throws ModelException naming the section and file when one fails
     */
    public static ModelRegistry load(List<ModelRequest> requests, String basePath, ModelLoader loader,
                                     Function<GraphModelDef, Model> toBackend) {
        long start = System.nanoTime();
        List<ModelRequest> unique = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        for (ModelRequest request : requests) {
            if (sections.add(request.section())) {
                unique.add(request);
            }
        }
        Map<String, Model> loaded = new LinkedHashMap<>();
        // Reading and decoding a model file is plain Java and needs no backend: one helper thread reads the next file
        // while this thread puts the previous model on the backend, so on two cores the two overlap.
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "human-model-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<GraphModelDef> next = unique.isEmpty() ? null : read(unique.get(0), basePath, loader, reader);
            for (int i = 0; i < unique.size(); i++) {
                ModelRequest request = unique.get(i);
                long t0 = System.nanoTime();
                GraphModelDef def = join(next);
                next = i + 1 < unique.size() ? read(unique.get(i + 1), basePath, loader, reader) : null;
                loaded.put(request.section(), toBackend(request, def, toBackend));
                LOG.debug("loaded {} ({}) in {} ms", request.section(), request.modelPath(), (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (RuntimeException | Error e) {
            loaded.values().forEach(ModelRegistry::closeQuietly);
            throw e;
        } finally {
            reader.shutdownNow();
        }
        return new ModelRegistry(loaded, (System.nanoTime() - start) / 1_000_000);
    }

    private static CompletableFuture<GraphModelDef> read(ModelRequest request, String basePath, ModelLoader loader,
                                                         ExecutorService reader) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return loader.load(basePath, request.modelPath());
            } catch (ModelException e) {
                throw new ModelException("Cannot load the model of " + request.section() + " (modelPath '"
                        + request.modelPath() + "', modelBasePath '" + basePath + "'): " + e.getMessage() + ". Fix "
                        + request.section() + ".modelPath or modelBasePath, or disable " + request.section() + ".", e);
            }
        }, reader);
    }

    /** The model read by the helper thread, or the exception it threw (not wrapped). */
    private static GraphModelDef join(CompletableFuture<GraphModelDef> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Model toBackend(ModelRequest request, GraphModelDef def, Function<GraphModelDef, Model> toBackend) {
        ModelSignatures.check(request.section(), def);
        try {
            return toBackend.apply(def);
        } catch (HumanException | UncheckedIOException e) {
            // a ModelException, or the backend's own error (TensorFlow refuses a graph whose constants are damaged);
            // anything else (a NullPointerException, an IllegalArgumentException) is a bug, not a damaged file, and
            // propagates as it is
            throw new ModelException("The backend cannot run the model of " + request.section() + " (" + def.source()
                    + "): " + e.getMessage() + ". If the file is damaged, restore it; else fix " + request.section()
                    + ".modelPath", e);
        }
    }

    private static void closeQuietly(Model model) {
        try {
            model.close();
        } catch (RuntimeException e) {
            LOG.warn("closing model {} after a failed load: {}", model.name(), e.toString());
        }
    }

    /** The model of {@code section}, if it was requested. */
    public Optional<Model> find(String section) {
        return Optional.ofNullable(models.get(section));
    }

    /** Sections with a loaded model, in load order. */
    public List<String> sections() {
        return List.copyOf(models.keySet());
    }

    /** Every loaded model, in load order. */
    public List<Model> models() {
        return List.copyOf(models.values());
    }

    /** How long loading took, in milliseconds (Human's {@code performance.loadModels}). */
    public long loadMillis() {
        return loadMillis;
    }

    /** Closes every model; the first failure is thrown after all were tried. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (Model model : models.values()) {
            try {
                model.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
