package ai.human.backend.tf.internal;

import ai.human.backend.Availability;
import org.tensorflow.internal.c_api.global.tensorflow;

/** Loads TensorFlow's native library once and says whether that worked. */
public final class NativeLibrary {
    private static volatile Availability availability;

    private NativeLibrary() {
    }

    /** Whether the native library loads on this machine, with TensorFlow's version or the reason; never throws. */
    public static Availability availability() {
        Availability known = availability;
        if (known == null) {
            synchronized (NativeLibrary.class) {
                known = availability;
                if (known == null) {
                    known = load();
                    availability = known;
                }
            }
        }
        return known;
    }

    private static Availability load() {
        String platform = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        try {
            String version = tensorflow.TF_Version().getString();
            return Availability.yes("TensorFlow " + version + " native library loaded (" + platform + ")");
        } catch (LinkageError e) {
            return Availability.no("TensorFlow's native library did not load on " + platform + ": " + e
                    + "; put org.tensorflow:tensorflow-core-native with this platform's classifier on the classpath,"
                    + " or choose another backend");
        } catch (RuntimeException e) {
            return Availability.no("TensorFlow's native library failed to initialise on " + platform + ": " + e);
        }
    }
}
