package ai.human.examples;

import ai.human.Human;
import ai.human.result.Result;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * A service of an application wired with Guice ({@link GuiceApp}): it gets the application's one {@link Human}
 * injected and counts the faces in a photo. It does not close the Human: the application does, when it stops.
 *
 * <pre>{@code
 * FaceCounter counter = injector.getInstance(FaceCounter.class);
 * int faces = counter.count(Path.of("group.jpg"));
 * }</pre>
 */
public final class FaceCounter {
    private final Human human;

    @Inject
    FaceCounter(Human human) {
        this.human = human;
    }

    /**
     * {@return the number of faces found in {@code image}}
     *
     * @param image the image file
     */
    public int count(Path image) {
        try (Result result = human.detect(image)) {
            return result.face().size();
        }
    }

    /** {@return the name of the backend the faces are counted on} */
    public String backend() {
        return human.backend().name();
    }
}
