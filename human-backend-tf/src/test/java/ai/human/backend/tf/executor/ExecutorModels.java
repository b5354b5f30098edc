package ai.human.backend.tf.executor;

import ai.human.model.GraphModelDef;
import ai.human.model.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads Human's default models for the executor tests: from the {@code human-models} jar when it is on the test
 * classpath, else from the {@code human-models} module's build output in this repository.
 */
final class ExecutorModels {
    /** The eleven default models. */
    static final String[] ALL = {"blazeface", "facemesh", "iris", "emotion", "faceres", "antispoof", "liveness",
        "movenet-lightning", "handlandmark-lite", "handtrack", "centernet"};

    private ExecutorModels() {
    }

    static GraphModelDef load(String model) {
        String file = model + ".json";
        if (ExecutorModels.class.getResource("/ai/human/models/" + file) != null) {
            return new ModelLoader().load(ModelLoader.DEFAULT_BASE_PATH, file);
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path models = dir.resolve("human-models/target/npm-models/ai/human/models");
            if (Files.isRegularFile(models.resolve(file))) {
                return new ModelLoader().load(models.toUri().toString(), file);
            }
        }
        throw new IllegalStateException("Model " + file + " is neither on the classpath (ai.human:human-models) nor in"
                + " human-models/target/npm-models of the repository; build human-models first");
    }
}
