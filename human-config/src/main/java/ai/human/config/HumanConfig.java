package ai.human.config;


import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The complete, immutable configuration of Human for Java: Human 3.3.6's option tree
 * ({@code src/config.ts}) with Human's defaults, plus three clearly separate extensions.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * // Human's defaults
 * HumanConfig config = HumanConfig.defaults();
 * int maxFaces = config.face().detector().maxDetected();            // 1
 *
 * // a partial Human config file, deep-merged over the defaults like Human's mergeDeep
 * HumanConfig fromFile = HumanConfig.fromFile(Path.of("human.json"));
 * HumanConfig fromText = HumanConfig.fromJson("{\"face\":{\"detector\":{\"maxDetected\":10}}}");
 *
 * // dotted-path overrides, typed by the option (command line style)
 * HumanConfig tuned = config.withOverrides(List.of("face.detector.return=true", "backendOptions.threads=2"));
 *
 * // every problem at once, without throwing (e.g. for "human config validate FILE")
 * List<ConfigError> errors = HumanConfig.validate(Files.readString(file));
 *
 * // options Human has that this project does not implement, for a warning
 * tuned.unsupportedOptions().forEach(path -> log.warn("option {} has no effect in Human for Java", path));
 *
 * String json = tuned.toJson();                                       // Human's key order
 * }</pre>
 *
 * <h2>Keys and defaults</h2>
 * Every key of Human's {@code Config} is a record component of the same name (the sections are
 * {@link FilterConfig}, {@link GestureConfig}, {@link FaceConfig} with its nine parts,
 * {@link BodyConfig}, {@link HandConfig}, {@link ObjectConfig}, {@link SegmentationConfig}). The
 * JSON key {@code return} is read through {@link FaceDetectorConfig#returnTensor()} and
 * {@link FilterConfig#returnCanvas()}. Two keys come only from Human's TypeScript interfaces, with
 * the value Human's code assumes when they are missing: {@code face.detector.square} (false) and the
 * {@code face.gear} section ({@link FaceGearConfig}). The defaults equal the configuration of a
 * Human 3.3.6 instance created in Node ({@code new Human()}), except:
 * <ul>
 *   <li>{@code modelBasePath}: {@value #DEFAULT_MODEL_BASE_PATH}, the models jar on the classpath
 *       (Human: {@code ''} in {@code config.ts}, set to {@code file://models/} by its constructor in Node);</li>
 *   <li>{@code wasmPath}: {@code ''} as in {@code config.ts} (Human's constructor sets a CDN address;
 *       there is no WebAssembly backend here, and nothing here may name a network host);</li>
 *   <li>{@code cacheModels} is {@code false}: Human's {@code config.ts} says {@code true}, but its
 *       constructor sets it to whether IndexedDB exists, which is false in Node; we follow Node.</li>
 * </ul>
 *
 * <h2>Human-for-Java extensions</h2>
 * Top-level keys Human does not have (Human ignores them if you pass this JSON to it):
 * <ul>
 *   <li>{@code leakDetection} ({@link LeakDetection}, default {@code "sampled"}): how hard to look
 *       for tensors that were never closed;</li>
 *   <li>{@code maxImagePixels} (default 100 000 000): images with more pixels are refused before they
 *       are decoded;</li>
 *   <li>{@code backendOptions} (string map, default empty): passed to the backend, e.g.
 *       {@code {"threads": "1"}}; numbers and booleans in JSON are kept as text.</li>
 * </ul>
 *
 * <h2>Loading, merging, overriding</h2>
 * JSON is strict (no comments). A partial document is merged over the defaults (or over this
 * configuration, for {@link #merge(String)}) exactly like Human's {@code mergeDeep}: objects merge
 * key by key, scalars replace. Arrays occur only inside the free-form {@code flags}; there Human's
 * {@code mergeDeep} concatenates two arrays ({@code a.concat(...b)}) rather than replacing, and so
 * does this class. Numbers follow JavaScript: {@code 5.0} is a valid whole number. Enum values are
 * matched ignoring case and {@code _}/{@code -}. The {@code with...} methods replace a value
 * outright (a map or section included); {@link #merge(String)} and the overrides merge.
 *
 * <h2>Validation</h2>
 * Loading reports all problems at once in a {@link ConfigException}: unknown keys (with the nearest
 * known key), wrong JSON types, numbers out of range (confidences and thresholds 0..1,
 * {@code maxDetected} at least 1 or Human's -1 = automatic for {@code body} and {@code hand}, no
 * negative {@code skipFrames}/{@code skipTime}/{@code minSize}, {@code scale} above 0, ...), and
 * invalid choices. Instances built with {@code new} skip the range checks; see
 * {@link #validationErrors()}.
 *
 * <h2>Options Human has that Human for Java does not implement</h2>
 * They are accepted, so a Human config file loads unchanged, and {@link #unsupportedOptions()}
 * reports every one whose value would make a difference in Human:
 * {@code wasmPath} (non-empty), {@code wasmPlatformFetch}, {@code softwareKernels}, {@code flags}
 * (non-empty); the image filters {@code filter.equalization}, {@code width}, {@code height},
 * {@code flip} (Human applies them even with {@code filter.enabled} false) and, when
 * {@code filter.enabled}, {@code brightness}, {@code contrast}, {@code sharpness}, {@code blur},
 * {@code saturation}, {@code hue}, {@code negative}, {@code sepia}, {@code vintage},
 * {@code kodachrome}, {@code technicolor}, {@code polaroid}, {@code pixelate}; with face detection
 * enabled, {@code face.attention.enabled} and {@code face.gear.enabled};
 * {@code segmentation.enabled}; and, for an enabled model, a {@code modelPath} whose file name
 * differs from Human's default (the eleven models blazeface, facemesh, iris, emotion, faceres,
 * antispoof, liveness, movenet-lightning, handtrack, handlandmark-lite, centernet; another folder is
 * fine). Not reported, by decision: {@code async} (Human runs models concurrently or in sequence;
 * the results are the same), {@code cacheModels}, {@code validateModels}, {@code warmup},
 * {@code skipAllowed} (Human sets it itself), {@code filter.return} and {@code filter.autoBrightness}
 * (no effect on results), and {@code backend} (backend selection fails loudly on a name it does not
 * know).
 *
 * @param backend Human's {@code backend}: name of the backend to use; {@code ""} (default) picks the
 *     best available one
 * @param modelBasePath Human's {@code modelBasePath}: folder the model paths are relative to
 *     ({@code classpath:}, {@code file:}, {@code http(s):}); default {@value #DEFAULT_MODEL_BASE_PATH}
 * @param cacheModels Human's {@code cacheModels}, default {@code false}
 * @param validateModels Human's {@code validateModels}, default {@code true}
 * @param wasmPath Human's {@code wasmPath}, default {@code ""}; not implemented
 * @param wasmPlatformFetch Human's {@code wasmPlatformFetch}, default {@code false}; not implemented
 * @param debug Human's {@code debug}: log what happens, default {@code false}
 * @param async Human's {@code async}, default {@code true}
 * @param warmup Human's {@code warmup}, default {@link Warmup#FULL}
 * @param cacheSensitivity Human's {@code cacheSensitivity}: 0..1, 0 disables result caching, default 0.7
 * @param skipAllowed Human's {@code skipAllowed} (internal to Human), default {@code false}
 * @param deallocate Human's {@code deallocate}: {@code detect} releases a tensor input, default {@code false}
 * @param flags Human's {@code flags}: TensorFlow.js flags (free-form), default empty; not implemented
 * @param softwareKernels Human's {@code softwareKernels}, default {@code false}; not implemented
 * @param filter Human's {@code filter} section
 * @param gesture Human's {@code gesture} section
 * @param face Human's {@code face} section
 * @param body Human's {@code body} section
 * @param hand Human's {@code hand} section
 * @param object Human's {@code object} section
 * @param segmentation Human's {@code segmentation} section
 * @param leakDetection <b>Human-for-Java extension</b>: leak detection level, default {@link LeakDetection#SAMPLED}
 * @param maxImagePixels <b>Human-for-Java extension</b>: largest image accepted, in pixels, default 100 000 000
 * @param backendOptions <b>Human-for-Java extension</b>: options for the backend, default empty
 */
public record HumanConfig(
        String backend,
        String modelBasePath,
        boolean cacheModels,
        boolean validateModels,
        String wasmPath,
        boolean wasmPlatformFetch,
        boolean debug,
        boolean async,
        Warmup warmup,
        double cacheSensitivity,
        boolean skipAllowed,
        boolean deallocate,
        Map<String, Object> flags,
        boolean softwareKernels,
        FilterConfig filter,
        GestureConfig gesture,
        FaceConfig face,
        BodyConfig body,
        HandConfig hand,
        ObjectConfig object,
        SegmentationConfig segmentation,
        LeakDetection leakDetection,
        long maxImagePixels,
        Map<String, String> backendOptions) {

    /** Our default {@code modelBasePath}: Human's default models, packaged in the {@code human-models} jar. */
    public static final String DEFAULT_MODEL_BASE_PATH = "classpath:/ai/human/models/";

    /** Default of the {@code maxImagePixels} extension. */
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 100_000_000L;

    private static final HumanConfig DEFAULTS = new HumanConfig("", DEFAULT_MODEL_BASE_PATH, false, true, "", false,
            false, true, Warmup.FULL, 0.7, false, false, Map.of(), false, FilterConfig.defaults(),
            GestureConfig.defaults(), FaceConfig.defaults(), BodyConfig.defaults(), HandConfig.defaults(),
            ObjectConfig.defaults(), SegmentationConfig.defaults(), LeakDetection.SAMPLED, DEFAULT_MAX_IMAGE_PIXELS, Map.of());

    /**
     * Checks that nothing is null and makes immutable copies of the maps. Range checks are not done
     * here (see {@link #validationErrors()}); every factory and {@code with...} method does them.
     *
     * @param backend Human's {@code backend}: name of the backend to use; {@code ""} (default) picks the
     *     best available one
     * @param modelBasePath Human's {@code modelBasePath}: folder the model paths are relative to
     *     ({@code classpath:}, {@code file:}, {@code http(s):}); default {@value #DEFAULT_MODEL_BASE_PATH}
     * @param cacheModels Human's {@code cacheModels}, default {@code false}
     * @param validateModels Human's {@code validateModels}, default {@code true}
     * @param wasmPath Human's {@code wasmPath}, default {@code ""}; not implemented
     * @param wasmPlatformFetch Human's {@code wasmPlatformFetch}, default {@code false}; not implemented
     * @param debug Human's {@code debug}: log what happens, default {@code false}
     * @param async Human's {@code async}, default {@code true}
     * @param warmup Human's {@code warmup}, default {@link Warmup#FULL}
     * @param cacheSensitivity Human's {@code cacheSensitivity}: 0..1, 0 disables result caching, default 0.7
     * @param skipAllowed Human's {@code skipAllowed} (internal to Human), default {@code false}
     * @param deallocate Human's {@code deallocate}: {@code detect} releases a tensor input, default {@code false}
     * @param flags Human's {@code flags}: TensorFlow.js flags (free-form), default empty; not implemented
     * @param softwareKernels Human's {@code softwareKernels}, default {@code false}; not implemented
     * @param filter Human's {@code filter} section
     * @param gesture Human's {@code gesture} section
     * @param face Human's {@code face} section
     * @param body Human's {@code body} section
     * @param hand Human's {@code hand} section
     * @param object Human's {@code object} section
     * @param segmentation Human's {@code segmentation} section
     * @param leakDetection <b>Human-for-Java extension</b>: leak detection level, default {@link LeakDetection#SAMPLED}
     * @param maxImagePixels <b>Human-for-Java extension</b>: largest image accepted, in pixels, default 100 000 000
     * @param backendOptions <b>Human-for-Java extension</b>: options for the backend, default empty
     */
    public HumanConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(modelBasePath, "modelBasePath");
        Objects.requireNonNull(wasmPath, "wasmPath");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(gesture, "gesture");
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(hand, "hand");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(segmentation, "segmentation");
        Objects.requireNonNull(leakDetection, "leakDetection");
        Objects.requireNonNull(backendOptions, "backendOptions");
        flags = JsonValues.immutableJsonMap(flags);
        backendOptions = Collections.unmodifiableMap(new LinkedHashMap<>(backendOptions));
        backendOptions.forEach((key, value) -> Objects.requireNonNull(value, "backendOptions." + key));
    }

    // ---------------------------------------------------------------- factories

    /** {@return Human 3.3.6's defaults (with the documented differences and extension defaults)} */
    public static HumanConfig defaults() {
        return DEFAULTS;
    }

    /**
     * {@return a configuration from JSON text, merged over the defaults}
     *
     * @param json a partial or complete configuration document
     * @throws ConfigException listing every problem in the text
     */
    public static HumanConfig fromJson(String json) {
        return DEFAULTS.merge(json);
    }

    /**
     * {@return a configuration from a UTF-8 JSON file, merged over the defaults}
     *
     * @param file the configuration file
     * @throws ConfigException if the file cannot be read, or listing every problem in it
     */
    public static HumanConfig fromFile(Path file) {
        List<ConfigError> errors = new ArrayList<>();
        String json = ConfigEngine.read(file, errors);
        ConfigEngine.throwIfAny(file.toString(), errors);
        return ConfigEngine.merge(DEFAULTS, json, file.toString());
    }

    /**
     * {@return every problem in JSON configuration text, without throwing; empty if it is valid}
     *
     * @param json a configuration document
     */
    public static List<ConfigError> validate(String json) {
        return ConfigEngine.validate(json);
    }

    /**
     * {@return every problem in a JSON configuration file, without throwing; empty if it is valid}
     *
     * @param file the configuration file
     */
    public static List<ConfigError> validate(Path file) {
        List<ConfigError> errors = new ArrayList<>();
        String json = ConfigEngine.read(file, errors);
        return json == null ? List.copyOf(errors) : ConfigEngine.validate(json);
    }

    /** {@return every option's dotted path (values, not sections), in Human's order, extensions last} */
    public static List<String> knownPaths() {
        return ConfigSchema.leafPaths(ConfigSchema.of(HumanConfig.class));
    }

    // ---------------------------------------------------------------- derived configurations

    /**
     * {@return this configuration with a partial JSON document deep-merged over it (Human's {@code mergeDeep})}
     *
     * @param json a partial configuration document
     * @throws ConfigException listing every problem in the text
     */
    public HumanConfig merge(String json) {
        return ConfigEngine.merge(this, json, "JSON text");
    }

    /**
     * {@return this configuration with one option set from text, read as the option's type: {@code "true"},
     * {@code "5"}, {@code "0.5"}, {@code "full"}, any string; {@code backendOptions.NAME} and
     * {@code flags.NAME} set one map entry; a section or map also takes a JSON object, which is merged}
     *
     * @param path the option's dotted path, e.g. {@code face.detector.maxDetected}
     * @param value the value as text
     * @throws ConfigException naming the path if it is unknown or the value does not fit
     */
    public HumanConfig withOverride(String path, String value) {
        return ConfigEngine.withOverrides(this, List.of(new AbstractMap.SimpleImmutableEntry<>(path, value)));
    }

    /**
     * {@return this configuration with several options set from text (see {@link #withOverride}), in the map's
     * iteration order}
     *
     * @param overrides values as text by dotted path
     * @throws ConfigException listing every bad override
     */
    public HumanConfig withOverrides(Map<String, String> overrides) {
        return ConfigEngine.withOverrides(this, new ArrayList<>(overrides.entrySet()));
    }

    /**
     * {@return this configuration with overrides written as {@code path=value} (e.g. from a command line), in
     * order, later ones winning}
     *
     * @param assignments overrides such as {@code face.detector.return=true}
     * @throws ConfigException listing every bad override
     */
    public HumanConfig withOverrides(List<String> assignments) {
        List<ConfigError> errors = new ArrayList<>();
        List<Map.Entry<String, String>> overrides = ConfigEngine.splitAssignments(assignments, errors);
        return ConfigEngine.withOverrides(this, overrides, errors);
    }

    /**
     * {@return this configuration with the value at a dotted path replaced by a Java value: a boolean, number,
     * string, enum, the section's record type, a {@code Map} for {@code flags}/{@code backendOptions},
     * e.g. {@code with("face.detector.maxDetected", 5)}}
     *
     * @param path the option's dotted path
     * @param value the new value
     * @throws ConfigException naming the path if it is unknown or the value does not fit
     */
    public HumanConfig with(String path, Object value) {
        return ConfigEngine.with(this, path, value);
    }

    /**
     * {@return this configuration with {@code backend} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withBackend(String value) {
        return with("backend", value);
    }

    /**
     * {@return this configuration with {@code modelBasePath} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withModelBasePath(String value) {
        return with("modelBasePath", value);
    }

    /**
     * {@return this configuration with {@code cacheModels} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withCacheModels(boolean value) {
        return with("cacheModels", value);
    }

    /**
     * {@return this configuration with {@code validateModels} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withValidateModels(boolean value) {
        return with("validateModels", value);
    }

    /**
     * {@return this configuration with {@code wasmPath} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withWasmPath(String value) {
        return with("wasmPath", value);
    }

    /**
     * {@return this configuration with {@code wasmPlatformFetch} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withWasmPlatformFetch(boolean value) {
        return with("wasmPlatformFetch", value);
    }

    /**
     * {@return this configuration with {@code debug} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withDebug(boolean value) {
        return with("debug", value);
    }

    /**
     * {@return this configuration with {@code async} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withAsync(boolean value) {
        return with("async", value);
    }

    /**
     * {@return this configuration with {@code warmup} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withWarmup(Warmup value) {
        return with("warmup", value);
    }

    /**
     * {@return this configuration with {@code cacheSensitivity} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withCacheSensitivity(double value) {
        return with("cacheSensitivity", value);
    }

    /**
     * {@return this configuration with {@code skipAllowed} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withSkipAllowed(boolean value) {
        return with("skipAllowed", value);
    }

    /**
     * {@return this configuration with {@code deallocate} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withDeallocate(boolean value) {
        return with("deallocate", value);
    }

    /**
     * {@return this configuration with {@code flags} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withFlags(Map<String, ?> value) {
        return with("flags", value);
    }

    /**
     * {@return this configuration with {@code softwareKernels} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withSoftwareKernels(boolean value) {
        return with("softwareKernels", value);
    }

    /**
     * {@return this configuration with the {@code filter} section replaced by {@code value}}
     *
     * @param value the new section
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withFilter(FilterConfig value) {
        return with("filter", value);
    }

    /**
     * {@return this configuration with the {@code gesture} section replaced by {@code value}}
     *
     * @param value the new section
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withGesture(GestureConfig value) {
        return with("gesture", value);
    }

    /**
     * {@return this configuration with the {@code face} section replaced by {@code value}}
     *
     * @param value the new section
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withFace(FaceConfig value) {
        return with("face", value);
    }

    /**
     * {@return this configuration with the {@code body} section replaced by {@code value}}
     *
     * @param value the new section
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withBody(BodyConfig value) {
        return with("body", value);
    }

    /**
     * {@return this configuration with the {@code hand} section replaced by {@code value}}
     *
     * @param value the new section
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withHand(HandConfig value) {
        return with("hand", value);
    }

    /**
     * {@return this configuration with the {@code object} section replaced by {@code value}}
     *
     * @param value the new section
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withObject(ObjectConfig value) {
        return with("object", value);
    }

    /**
     * {@return this configuration with the {@code segmentation} section replaced by {@code value}}
     *
     * @param value the new section
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withSegmentation(SegmentationConfig value) {
        return with("segmentation", value);
    }

    /**
     * {@return this configuration with {@code leakDetection} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withLeakDetection(LeakDetection value) {
        return with("leakDetection", value);
    }

    /**
     * {@return this configuration with {@code maxImagePixels} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withMaxImagePixels(long value) {
        return with("maxImagePixels", value);
    }

    /**
     * {@return this configuration with {@code backendOptions} replaced by {@code value}}
     *
     * @param value the new value
     * @throws ConfigException if the value is out of range
     */
    public HumanConfig withBackendOptions(Map<String, String> value) {
        return with("backendOptions", value);
    }

    // ---------------------------------------------------------------- output and reports

    /** {@return pretty JSON (2-space indent) with every key, in Human's key order, extensions last} */
    public String toJson() {
        return ConfigEngine.toJson(this);
    }

    /**
     * {@return dotted paths of the options set to a value that would change Human's behaviour but that Human
     * for Java does not implement (the list is in the type description); empty for the defaults}
     */
    public List<String> unsupportedOptions() {
        return unsupportedOptionDetails().stream().map(UnsupportedOption::path).toList();
    }

    /** {@return like {@link #unsupportedOptions()}, with the reason for each} */
    public List<UnsupportedOption> unsupportedOptionDetails() {
        return UnsupportedOptionRules.check(this);
    }

    /**
     * {@return the range problems of this instance} Always empty for instances made by this class's factories
     * and {@code with...} methods; useful for one built with {@code new}.
     */
    public List<ConfigError> validationErrors() {
        return ConfigEngine.validate(this);
    }
}
