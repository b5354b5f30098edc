package ai.human.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Loads TensorFlow.js graph models ({@code model.json} plus its weight files) from the classpath, the
 * file system or HTTP(S), and checks them completely before returning: a missing or truncated file,
 * malformed JSON, an unknown dtype or attribute kind, weights that do not fit their shapes, a
 * {@code Const} node without a weight or a signature naming a missing node throws
 * {@link ModelException} naming the file and the problem; nothing is ever half-loaded.
 *
 * <p>Locations, resolved like Human's {@code modelBasePath} + {@code modelPath}:
 * <ul>
 *   <li>{@code classpath:/ai/human/models/} — the default base, served by the {@code ai.human:human-models} jar;</li>
 *   <li>{@code file:/opt/models/}, {@code file://models/} (relative, Human's Node.js form) or a plain path;</li>
 *   <li>{@code http://} and {@code https://} — downloaded once into the cache folder
 *       ({@value #CACHE_PROPERTY} system property, default {@code ~/.cache/human-java/models}), where each
 *       file's size and SHA-256 are recorded and checked on every use; a damaged entry is downloaded again.</li>
 * </ul>
 * A model file that is itself absolute (has a scheme, or starts with {@code /} or {@code .}) ignores the
 * base; a name without {@code .json} gets it appended. Weight files resolve against the JSON's folder.
 *
 * <pre>{@code
 * ModelLoader loader = new ModelLoader();
 * GraphModelDef face = loader.load(null, "blazeface.json");                        // default models jar
 * GraphModelDef mine = loader.load("file:/opt/models/", "blazeface");              // /opt/models/blazeface.json
 * GraphModelDef web  = loader.load("https://example.org/models/", "iris.json");    // downloaded, then cached
 * }</pre>
 *
 * <p>Thread-safe; one instance can serve a whole application.
 */
public final class ModelLoader {
    /** Where Human's default models live: the {@code ai.human:human-models} jar. */
    public static final String DEFAULT_BASE_PATH = "classpath:/ai/human/models/";
    /** System property naming the download cache folder. */
    public static final String CACHE_PROPERTY = "human.models.cache";
    /** Default time limit for connecting and for each HTTP request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final HttpCache http;
    private final ResourceReader reader;

    /** A loader caching downloads in {@link #defaultCacheDir()}. */
    public ModelLoader() {
        this(defaultCacheDir());
    }

    /**
     * A loader caching downloads in {@code cacheDir}.
     *
     * @param cacheDir the folder for downloaded model files
     */
    public ModelLoader(Path cacheDir) {
        this(cacheDir, DEFAULT_TIMEOUT);
    }

    /**
     * A loader caching downloads in {@code cacheDir}, with a time limit for HTTP connections and requests.
     *
     * @param cacheDir the folder for downloaded model files
     * @param timeout the limit for each HTTP connection and request
     */
    public ModelLoader(Path cacheDir, Duration timeout) {
        this.http = new HttpCache(Objects.requireNonNull(cacheDir, "cacheDir"), Objects.requireNonNull(timeout, "timeout"));
        this.reader = new ResourceReader(http, ModelLoader.class.getClassLoader());
    }

    /** {@return the {@value #CACHE_PROPERTY} system property if set, else {@code ${user.home}/.cache/human-java/models}} */
    public static Path defaultCacheDir() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "human-java", "models");
    }

    /** {@return the folder downloads are cached in} */
    public Path cacheDir() {
        return http.dir();
    }

    /**
     * {@return where {@code modelFile} is, given {@code modelBasePath} (null or blank for {@link #DEFAULT_BASE_PATH})}
     *
     * @param modelBasePath the folder model paths are relative to
     * @param modelFile the model's path, relative or absolute
     * @throws ModelException when {@code modelFile} is empty or has a scheme this loader does not read
     */
    public static String resolve(String modelBasePath, String modelFile) {
        if (modelFile == null || modelFile.isBlank()) {
            throw new ModelException("No model file given (modelBasePath '" + modelBasePath
                    + "'); set the model's modelPath, e.g. 'blazeface.json'");
        }
        String file = modelFile.trim();
        String location;
        if (isAbsolute(file)) {
            location = file;
        } else {
            String base = modelBasePath == null || modelBasePath.isBlank() ? DEFAULT_BASE_PATH : modelBasePath.trim();
            location = base.endsWith("/") || base.endsWith(":") ? base + file : base + "/" + file;
        }
        checkScheme(location);
        return location.toLowerCase(Locale.ROOT).endsWith(".json") ? location : location + ".json";
    }

    /**
     * Loads {@code modelFile} resolved against {@code modelBasePath}; see the class description.
     *
     * @param modelBasePath the folder model paths are relative to
     * @param modelFile the model's path, relative or absolute
     * @return the parsed model with its weights
     */
    public GraphModelDef load(String modelBasePath, String modelFile) {
        return load(resolve(modelBasePath, modelFile));
    }

    /**
     * Loads the model whose JSON is at {@code location} (a bare name resolves against {@link #DEFAULT_BASE_PATH}).
     *
     * @param location the model's JSON, or a bare model name
     * @return the parsed model with its weights
     */
    public GraphModelDef load(String location) {
        String json = resolve(null, location);
        byte[] bytes = reader.read(json);
        WeightDecoder.ShardReader shards = new WeightDecoder.ShardReader() {
            @Override
            public byte[] read(String path) {
                return reader.read(locate(path));
            }

            @Override
            public String locate(String path) {
                return ResourceReader.sibling(json, path);
            }
        };
        return GraphModelReader.read(shortName(json), json, bytes, shards);
    }

    private static boolean isAbsolute(String file) {
        return ResourceReader.hasKnownScheme(file) || file.startsWith("/") || file.startsWith(".")
                || file.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static void checkScheme(String location) {
        int colon = location.indexOf(':');
        int slash = location.indexOf('/');
        boolean looksLikeScheme = colon > 1 && (slash < 0 || colon < slash)
                && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        if (looksLikeScheme && !ResourceReader.hasKnownScheme(location)) {
            throw new ModelException(location + ": unsupported location; use classpath:, file:, http:, https: or a file path");
        }
    }

    private static String shortName(String location) {
        String name = location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
        int colon = name.lastIndexOf(':');
        name = colon >= 0 ? name.substring(colon + 1) : name;
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
