package ai.human.backend.spi;

import ai.human.config.LeakDetection;
import ai.human.tensor.DType;
import ai.human.tensor.Owner;
import ai.human.tensor.Shape;

/**
 * A tensor that became unreachable while still open, found by leak detection and then freed.
 *
 * @param backend      name of the backend it lived on
 * @param id           the tensor's id
 * @param dtype        element type
 * @param shape        dimensions
 * @param owner        owner at the time it was lost
 * @param creationSite stack trace of its creation, or {@code null} below {@code ALL_WITH_CREATION_SITE}
 * @param createdIn    the first frame of {@code creationSite} outside Human for Java's pipelines, backends and models:
 *                     where the application made the tensor or asked for it ({@code com.example.App.run(App.java:42)}),
 *                     or {@code null} below {@code ALL_WITH_CREATION_SITE}
 */
public record LeakReport(String backend, long id, DType dtype, Shape shape, Owner owner, String creationSite,
                         String createdIn) {

    /** {@return the one-paragraph message logged at WARN} */
    public String message() {
        String what = "Tensor #" + id + " " + dtype.name().toLowerCase(java.util.Locale.ROOT) + shape + " (owner " + owner + ", backend "
                + backend + ") became unreachable without being closed; it has been released now. "
                + "Close tensors with try-with-resources, or close the result that carries them.";
        return creationSite == null
                ? what + " Set -D" + LeakDetection.PROPERTY
                        + "=all-with-creation-site (or the config's leakDetection) to see where it was created."
                : what + " Created in " + createdIn + "; full stack:\n" + creationSite;
    }
}
