package ai.human.examples;

import ai.human.Human;
import ai.human.backend.djl.DjlBackendModule;
import ai.human.backend.tf.TfBackendModule;
import ai.human.guice.HumanModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An application wired with Guice: {@link HumanModule} binds the config and one {@link Human}; a backend module, when
 * the command line names a backend, picks it; {@link FaceCounter} gets the Human injected; the application closes the
 * Human when it is done, which releases the models and the backend.
 *
 * <pre>
 * java -cp examples/target/human.jar ai.human.examples.GuiceApp [--config human.json] [--backend tensorflow|djl] image...
 * </pre>
 * Without {@code --backend} the backend is chosen as usual (the config's {@code backend}, {@code -Dhuman.backend},
 * {@code HUMAN_BACKEND}, else the best available).
 */
public final class GuiceApp {

    private GuiceApp() {
    }

    /**
     * Runs the example: {@code [--config human.json] [--backend tensorflow|djl] image...}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Path config = null;
        String backend = null;
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(args[++i]);
                case "--backend" -> backend = args[++i];
                default -> images.add(Path.of(args[i]));
            }
        }
        if (images.isEmpty()) {
            System.err.println("usage: GuiceApp [--config human.json] [--backend tensorflow|djl] image...");
            System.exit(2);
        }
        run(Guice.createInjector(modules(config, backend)), images, System.out);
    }

    /**
     * {@return the application's modules: {@link HumanModule} with the config in {@code configFile} (Human's defaults when
     * null), plus {@link TfBackendModule} or {@link DjlBackendModule} when {@code backend} names one}
     *
     * @param configFile a configuration file, or {@code null}
     * @param backend {@code tensorflow}, {@code djl}, or {@code null} for the backend found on the classpath
     * @throws IllegalArgumentException for another backend name
     */
    public static List<Module> modules(Path configFile, String backend) {
        List<Module> modules = new ArrayList<>();
        modules.add(configFile == null ? new HumanModule() : HumanModule.fromFile(configFile));
        if (backend != null) {
            modules.add(switch (backend.toLowerCase(Locale.ROOT)) {
                case "tensorflow", "tf" -> new TfBackendModule();
                case "djl" -> new DjlBackendModule();
                default -> throw new IllegalArgumentException("--backend " + backend
                        + " is not a backend with a Guice module; use tensorflow or djl");
            });
        }
        return modules;
    }

    /**
     * Prints the number of faces in each image, then closes the injector's Human.
     *
     * @param injector an injector made with {@link #modules}
     * @param images the image files
     * @param out where to print
     */
    public static void run(Injector injector, List<Path> images, PrintStream out) {
        FaceCounter counter = injector.getInstance(FaceCounter.class);
        try {
            for (Path image : images) {
                int faces = counter.count(image);
                out.printf(Locale.ROOT, "%s: %d %s (%s)%n", image.getFileName(), faces, faces == 1 ? "face" : "faces",
                        counter.backend());
            }
        } finally {
            injector.getInstance(Human.class).close();   // the application stops: models and backend are released
        }
    }
}
