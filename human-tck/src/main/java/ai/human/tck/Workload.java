package ai.human.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How much work the model, detection and concurrency rules do. {@link #FULL} is the contract: a backend conforms
 * when the kit passes with it. A smaller workload is for quick runs while a backend is being written and for the
 * kit's own self-test on the slow pure-Java reference backend; the kit logs a warning when it runs with one.
 *
 * <pre>{@code
 * @Override
 * protected Workload workload() {            // while developing: two small models, fewer runs
 *     return Workload.FULL.withModels("liveness", "emotion").withModelRuns(5).withConcurrency(2, 5);
 * }
 * }</pre>
 *
 * @param models           default models the model rules check; the detection and concurrency rules run the face
 *                         detector ({@code blazeface}) always and, of the other face models, only these (a face module
 *                         whose model is left out is switched off)
 * @param modelRuns        runs of each model in {@code MOD-02} (after a first run that may set up caches)
 * @param threads          threads detecting at once in {@code CONC-01}
 * @param detectsPerThread detections each of those threads runs
 */
public record Workload(List<String> models, int modelRuns, int threads, int detectsPerThread) {
    /** Human 3.3.6's eleven default models, by file name without {@code .json}. */
    public static final List<String> DEFAULT_MODELS = List.of("blazeface", "facemesh", "iris", "emotion", "faceres",
            "antispoof", "liveness", "movenet-lightning", "handtrack", "handlandmark-lite", "centernet");

    /** The contract: every default model, 50 runs each, 4 threads × 50 detections. */
    public static final Workload FULL = new Workload(DEFAULT_MODELS, 50, 4, 50);

    /**
     * Checks the workload: one or more default models, at least one run, two threads and one detection per thread.
     *
     * @param models default models the model rules check; the detection and concurrency rules run the face
     *     detector ({@code blazeface}) always and, of the other face models, only these (a face module
     *     whose model is left out is switched off)
     * @param modelRuns runs of each model in {@code MOD-02} (after a first run that may set up caches)
     * @param threads threads detecting at once in {@code CONC-01}
     * @param detectsPerThread detections each of those threads runs
     */
    public Workload {
        Objects.requireNonNull(models, "models");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("Workload.models is empty; name at least one of " + DEFAULT_MODELS);
        }
        List<String> unknown = new ArrayList<>(models);
        unknown.removeAll(DEFAULT_MODELS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Workload.models names " + unknown + ", which are not default models; "
                    + "choose from " + DEFAULT_MODELS);
        }
        // in the order of DEFAULT_MODELS, without repeats
        models = DEFAULT_MODELS.stream().filter(models::contains).toList();
        if (modelRuns < 1 || threads < 2 || detectsPerThread < 1) {
            throw new IllegalArgumentException("Workload needs modelRuns >= 1, threads >= 2 and detectsPerThread >= 1; got "
                    + modelRuns + ", " + threads + ", " + detectsPerThread);
        }
    }

    /**
     * {@return this workload with only {@code models} (names from {@link #DEFAULT_MODELS})}
     *
     * @param models model names from {@link #DEFAULT_MODELS}
     */
    public Workload withModels(String... models) {
        return new Workload(List.of(models), modelRuns, threads, detectsPerThread);
    }

    /**
     * {@return this workload with {@code runs} runs of each model in {@code MOD-02}}
     *
     * @param runs runs of each model, at least 1
     */
    public Workload withModelRuns(int runs) {
        return new Workload(models, runs, threads, detectsPerThread);
    }

    /**
     * {@return this workload with {@code threads} threads of {@code detectsPerThread} detections each in {@code CONC-01}}
     *
     * @param threads threads detecting at once, at least 2
     * @param detectsPerThread detections of each thread, at least 1
     */
    public Workload withConcurrency(int threads, int detectsPerThread) {
        return new Workload(models, modelRuns, threads, detectsPerThread);
    }

    /** {@return whether this is the contract's workload, {@link #FULL}} */
    public boolean isFull() {
        return equals(FULL);
    }

    /**
     * {@return whether {@code model} is among {@link #models()}}
     *
     * @param model a model name
     */
    public boolean includes(String model) {
        return models.contains(model);
    }
}
