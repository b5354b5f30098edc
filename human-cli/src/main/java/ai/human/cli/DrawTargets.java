package ai.human.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where {@code --draw} writes each annotated image: {@code DIR/<name>.png}, with {@code -2}, {@code -3} on repeats. */
final class DrawTargets {

    private DrawTargets() {
    }

    static Map<ImageSource, Path> of(Path folder, List<ImageSource> images) {
        Map<ImageSource, Path> targets = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ImageSource image : images) {
            String base = stem(image.name());
            int n = seen.merge(base.toLowerCase(Locale.ROOT), 1, Integer::sum);
            targets.put(image, folder.resolve(n == 1 ? base + ".png" : base + "-" + n + ".png"));
        }
        return targets;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
