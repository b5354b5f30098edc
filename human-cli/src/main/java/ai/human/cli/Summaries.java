package ai.human.cli;

import ai.human.result.FaceResult;
import ai.human.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short human-readable lines about results. */
final class Summaries {

    private Summaries() {
    }

    /** {@code sample1.jpg 1920x1280: 1 face [female 23.5 happy], 0 bodies, ...}. */
    static String image(String name, Result result) {
        List<String> faces = new ArrayList<>();
        for (FaceResult face : result.face()) {
            faces.add(face.gender().orElse("?") + " "
                    + (face.age().isPresent() ? String.format(Locale.ROOT, "%.1f", face.age().getAsDouble()) : "?") + " "
                    + (face.emotion().isEmpty() ? "?" : face.emotion().get(0).emotion()));
        }
        return String.format(Locale.ROOT, "%s %dx%d: %s%s, %s, %s, %s, %s", name, result.width(), result.height(),
                count(result.face().size(), "face", "faces"), faces.isEmpty() ? "" : " [" + String.join(", ", faces) + "]",
                count(result.body().size(), "body", "bodies"), count(result.hand().size(), "hand", "hands"),
                count(result.object().size(), "object", "objects"), count(result.gesture().size(), "gesture", "gestures"));
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
