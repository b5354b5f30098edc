package ai.human.it;

import ai.human.Human;
import ai.human.error.HumanException;
import ai.human.config.HumanConfig;
import ai.human.result.Result;
import ai.human.tensor.MemoryInfo;
import ai.human.tensor.Owner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user's program does with Human, run by the classpath tests in a child JVM: create a Human (which chooses the
 * backend), optionally detect faces in a sample photo, close it. Prints {@code key=value} lines on stdout; a
 * {@link HumanException} is printed as {@code error=<message>} on stderr with exit code 3.
 *
 * <pre>
 * java -cp ... ai.human.it.SelectionProbe [--backend NAME] [--detect]
 * </pre>
 * {@code --backend} sets the config's {@code backend}; {@code --detect} runs the face models on
 * {@code /ai/human/testimages/sample1.jpg} (otherwise no model is loaded).
 */
public final class SelectionProbe {
    static final int FAILED = 3;
    private static final String SAMPLE = "/ai/human/testimages/sample1.jpg";

    private SelectionProbe() {
    }

    public static void main(String[] args) {
        String backend = "";
        boolean detect = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> backend = args[++i];
                case "--detect" -> detect = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use [--backend NAME] [--detect]");
            }
        }
        System.out.println("guice=" + (onClasspath("com.google.inject.Guice") ? "present" : "absent"));
        try (Human human = Human.create(config(backend, detect))) {
            System.out.println("backend=" + human.backend().name());
            if (detect) {
                try (Result result = human.detect(sample())) {
                    System.out.println("faces=" + result.face().size());
                }
            }
            MemoryInfo memory = human.memory();
            System.out.println("tensorsBesideModels=" + (memory.tensors() - memory.of(Owner.MODEL).tensors()));
        } catch (HumanException e) {
            System.err.println("error=" + e.getMessage());
            System.exit(FAILED);
        }
    }

    private static HumanConfig config(String backend, boolean detect) {
        List<String> overrides = new ArrayList<>(List.of("body.enabled=false", "hand.enabled=false",
                "object.enabled=false", "gesture.enabled=false", "warmup=none"));
        overrides.add("face.enabled=" + detect);
        return HumanConfig.defaults().withBackend(backend).withOverrides(overrides);
    }

    private static byte[] sample() {
        try (InputStream in = SelectionProbe.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the classpath: add ai.human:human-models:test-images");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, SelectionProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
