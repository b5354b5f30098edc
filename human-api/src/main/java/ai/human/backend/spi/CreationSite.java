package ai.human.backend.spi;

import ai.human.backend.Backend;
import ai.human.model.Model;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Where a tensor was created, captured cheaply when it is made (a {@link Throwable}, whose frames are turned into text
 * only if the tensor is ever reported) and rendered for a {@link LeakReport}: the whole stack without the tracker's own
 * frames, and the first frame outside Human for Java's pipelines, backends and models, which is where the application
 * made the tensor or asked Human for it.
 */
final class CreationSite {
    /** Packages and classes whose frames are the library's, not the application's. */
    private static final List<String> LIBRARY = List.of("ai.human.backend.", "ai.human.internal.", "ai.human.model.",
            "ai.human.image.", "ai.human.tensor.", "ai.human.result.", "ai.human.Human$", "java.", "javax.", "jdk.",
            "sun.", "org.tensorflow.", "ai.djl.");

    private final Throwable stack;

    private CreationSite(Throwable stack) {
        this.stack = stack;
    }

    /** The stack of the calling thread, now. */
    static CreationSite capture() {
        return new CreationSite(new Throwable("created here"));
    }

    /** The stack as text, from the backend method that made the tensor (the tracker's own frames left out). */
    String stackText() {
        StackTraceElement[] frames = stack.getStackTrace();
        int first = 0;
        while (first < frames.length && isTracker(frames[first].getClassName())) {
            first++;
        }
        Throwable trimmed = new Throwable("created here");
        trimmed.setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
        StringWriter text = new StringWriter();
        trimmed.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /**
     * The first frame that is the application's, e.g. {@code com.example.App.main(App.java:12)}; the outermost frame
     * if every frame is the library's.
     */
    String caller() {
        StackTraceElement[] frames = stack.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (!isLibrary(frame.getClassName())) {
                return frame.toString();
            }
        }
        return frames.length == 0 ? "(unknown)" : frames[frames.length - 1].toString();
    }

    private static boolean isTracker(String className) {
        return className.equals(TensorTracker.class.getName()) || className.equals(TrackedTensor.class.getName());
    }

    private static boolean isLibrary(String className) {
        if (className.equals("ai.human.Human")) {
            return true;
        }
        for (String prefix : LIBRARY) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return isBackendOrModel(className);
    }

    /** Backends and models outside the library's packages (a test or third-party backend) count as the library too. */
    private static boolean isBackendOrModel(String className) {
        try {
            Class<?> type = Class.forName(className, false, CreationSite.class.getClassLoader());
            return Backend.class.isAssignableFrom(type) || Model.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
