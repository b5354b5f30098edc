package ai.human.config;


import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The options Human 3.3.6 has that Human for Java does not implement, each with the condition under
 * which its value would make a difference in Human. The list is the single source of
 * {@link HumanConfig#unsupportedOptions()}; keep its Javadoc in step.
 */
final class UnsupportedOptionRules {

    record Rule(String path, Predicate<HumanConfig> inEffect, String reason) {
    }

    private static final String NO_FILTERS = "Human's image filters run on a WebGL canvas; Human for Java implements none of them";
    private static final String OTHER_MODEL = "only Human's default model for this option is implemented; the file name differs from ";

    private static final List<Rule> RULES = buildRules();

    private UnsupportedOptionRules() {
    }

    public static List<UnsupportedOption> check(HumanConfig config) {
        List<UnsupportedOption> found = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.inEffect().test(config)) {
                found.add(new UnsupportedOption(rule.path(), rule.reason()));
            }
        }
        return List.copyOf(found);
    }

    private static List<Rule> buildRules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("wasmPath", c -> !c.wasmPath().isEmpty(), "there is no WebAssembly backend in Java"));
        rules.add(new Rule("wasmPlatformFetch", HumanConfig::wasmPlatformFetch, "there is no WebAssembly backend in Java"));
        rules.add(new Rule("flags", c -> !c.flags().isEmpty(), "TensorFlow.js engine flags have no Java equivalent; use backendOptions"));
        rules.add(new Rule("softwareKernels", HumanConfig::softwareKernels, "TensorFlow.js software kernels have no Java equivalent"));

        // Human applies these even when filter.enabled is false.
        rules.add(new Rule("filter.equalization", c -> c.filter().equalization(), NO_FILTERS));
        rules.add(new Rule("filter.width", c -> c.filter().width() != 0, NO_FILTERS));
        rules.add(new Rule("filter.height", c -> c.filter().height() != 0, NO_FILTERS));
        rules.add(new Rule("filter.flip", c -> c.filter().flip(), NO_FILTERS));
        // Human applies these only when filter.enabled is true.
        addColourFilter(rules, "brightness", f -> f.brightness() != 0);
        addColourFilter(rules, "contrast", f -> f.contrast() != 0);
        addColourFilter(rules, "sharpness", f -> f.sharpness() != 0);
        addColourFilter(rules, "blur", f -> f.blur() != 0);
        addColourFilter(rules, "saturation", f -> f.saturation() != 0);
        addColourFilter(rules, "hue", f -> f.hue() != 0);
        addColourFilter(rules, "negative", FilterConfig::negative);
        addColourFilter(rules, "sepia", FilterConfig::sepia);
        addColourFilter(rules, "vintage", FilterConfig::vintage);
        addColourFilter(rules, "kodachrome", FilterConfig::kodachrome);
        addColourFilter(rules, "technicolor", FilterConfig::technicolor);
        addColourFilter(rules, "polaroid", FilterConfig::polaroid);
        addColourFilter(rules, "pixelate", f -> f.pixelate() != 0);

        rules.add(new Rule("face.detector.modelPath", c -> c.face().enabled()
                && otherModel(c, x -> x.face().detector().modelPath()), OTHER_MODEL + "blazeface.json"));
        rules.add(new Rule("face.mesh.modelPath", c -> faceModule(c, f -> f.mesh().enabled())
                && otherModel(c, x -> x.face().mesh().modelPath()), OTHER_MODEL + "facemesh.json"));
        rules.add(new Rule("face.attention.enabled", c -> faceModule(c, f -> f.attention().enabled()),
                "the face attention model is not implemented"));
        rules.add(new Rule("face.iris.modelPath", c -> faceModule(c, f -> f.iris().enabled())
                && otherModel(c, x -> x.face().iris().modelPath()), OTHER_MODEL + "iris.json"));
        rules.add(new Rule("face.emotion.modelPath", c -> faceModule(c, f -> f.emotion().enabled())
                && otherModel(c, x -> x.face().emotion().modelPath()), OTHER_MODEL + "emotion.json"));
        rules.add(new Rule("face.description.modelPath", c -> faceModule(c, f -> f.description().enabled())
                && otherModel(c, x -> x.face().description().modelPath()), OTHER_MODEL + "faceres.json"));
        rules.add(new Rule("face.antispoof.modelPath", c -> faceModule(c, f -> f.antispoof().enabled())
                && otherModel(c, x -> x.face().antispoof().modelPath()), OTHER_MODEL + "antispoof.json"));
        rules.add(new Rule("face.liveness.modelPath", c -> faceModule(c, f -> f.liveness().enabled())
                && otherModel(c, x -> x.face().liveness().modelPath()), OTHER_MODEL + "liveness.json"));
        rules.add(new Rule("face.gear.enabled", c -> faceModule(c, f -> f.gear().enabled()),
                "the GEAR age/gender/race model is not implemented"));
        rules.add(new Rule("body.modelPath", c -> c.body().enabled()
                && otherModel(c, x -> x.body().modelPath()), OTHER_MODEL + "movenet-lightning.json"));
        rules.add(new Rule("hand.detector.modelPath", c -> c.hand().enabled()
                && otherModel(c, x -> x.hand().detector().modelPath()), OTHER_MODEL + "handtrack.json"));
        rules.add(new Rule("hand.skeleton.modelPath", c -> c.hand().enabled() && c.hand().landmarks()
                && otherModel(c, x -> x.hand().skeleton().modelPath()), OTHER_MODEL + "handlandmark-lite.json"));
        rules.add(new Rule("object.modelPath", c -> c.object().enabled()
                && otherModel(c, x -> x.object().modelPath()), OTHER_MODEL + "centernet.json"));
        rules.add(new Rule("segmentation.enabled", c -> c.segmentation().enabled(), "body segmentation is not implemented"));
        return List.copyOf(rules);
    }

    private static void addColourFilter(List<Rule> rules, String name, Predicate<FilterConfig> changesImage) {
        rules.add(new Rule("filter." + name, c -> c.filter().enabled() && changesImage.test(c.filter()), NO_FILTERS));
    }

    private static boolean faceModule(HumanConfig config, Predicate<FaceConfig> enabled) {
        return config.face().enabled() && enabled.test(config.face());
    }

    /** Whether the model file named at a path differs from the default's file name (its folder may differ). */
    private static boolean otherModel(HumanConfig config, Function<HumanConfig, String> modelPath) {
        return !fileName(modelPath.apply(config)).equals(fileName(modelPath.apply(HumanConfig.defaults())));
    }

    private static String fileName(String path) {
        String withoutQuery = path.replaceAll("[?#].*$", "");
        return withoutQuery.substring(Math.max(withoutQuery.lastIndexOf('/'), withoutQuery.lastIndexOf('\\')) + 1);
    }
}
