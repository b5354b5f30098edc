package ai.human.internal.pipeline;

import ai.human.model.GraphModelDef;
import ai.human.model.Model;
import ai.human.model.ModelException;
import ai.human.model.ModelLoader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *     Model mesh = models.require("face.mesh");
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
        Map<String, Model> loaded = new LinkedHashMap<>();
        try {
            for (ModelRequest request : requests) {
                if (loaded.containsKey(request.section())) {
                    continue;
                }
                long t0 = System.nanoTime();
                loaded.put(request.section(), loadOne(request, basePath, loader, toBackend));
                LOG.debug("loaded {} ({}) in {} ms", request.section(), request.modelPath(), (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (RuntimeException e) {
            loaded.values().forEach(ModelRegistry::closeQuietly);
            throw e;
        }
        return new ModelRegistry(loaded, (System.nanoTime() - start) / 1_000_000);
    }

    private static Model loadOne(ModelRequest request, String basePath, ModelLoader loader,
                                 Function<GraphModelDef, Model> toBackend) {
        GraphModelDef def;
        try {
            def = loader.load(basePath, request.modelPath());
        } catch (ModelException e) {
            throw new ModelException("Cannot load the model of " + request.section() + " (modelPath '" + request.modelPath()
                    + "', modelBasePath '" + basePath + "'): " + e.getMessage() + ". Fix " + request.section()
                    + ".modelPath or modelBasePath, or disable " + request.section() + ".", e);
        }
        ModelSignatures.check(request.section(), def);
        try {
            return toBackend.apply(def);
        } catch (RuntimeException e) {
            // a ModelException, or the backend's own error (TensorFlow refuses a graph whose constants are damaged)
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
