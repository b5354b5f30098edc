package ai.human.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads model files from {@code classpath:}, {@code file:} and {@code http(s):} locations, or from a
 * plain file path.
 *
 * <p>{@code file:} takes Human's Node.js spelling too: {@code file://models/x.json} is the relative path
 * {@code models/x.json}, {@code file:///opt/x.json} and {@code file:/opt/x.json} the absolute path
 * {@code /opt/x.json}.
 */
final class ResourceReader {
    private final HttpCache http;
    private final ClassLoader fallbackLoader;

    public ResourceReader(HttpCache http, ClassLoader fallbackLoader) {
        this.http = http;
        this.fallbackLoader = fallbackLoader;
    }

    /** True when {@code location} starts with one of the schemes this reader knows. */
    public static boolean hasKnownScheme(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("classpath:") || lower.startsWith("file:") || lower.startsWith("http:")
                || lower.startsWith("https:");
    }

    /** {@code relative} resolved against the folder of {@code location}, as TensorFlow.js resolves weight paths. */
    public static String sibling(String location, String relative) {
        int slash = Math.max(location.lastIndexOf('/'), isPlainPath(location) ? location.lastIndexOf('\\') : -1);
        String prefix = slash >= 0 ? location.substring(0, slash + 1)
                : location.regionMatches(true, 0, "classpath:", 0, 10) ? "classpath:" : "";
        return prefix + relative;
    }

    /** The bytes at {@code location}; throws {@link ModelException} naming it when they cannot be read. */
    public byte[] read(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("classpath:")) {
            return readClasspath(location);
        }
        if (lower.startsWith("http:") || lower.startsWith("https:")) {
            return http.get(location);
        }
        if (lower.startsWith("file:")) {
            return readFile(location, filePath(location));
        }
        return readFile(location, Path.of(location));
    }

    private static boolean isPlainPath(String location) {
        return !hasKnownScheme(location);
    }

    private static Path filePath(String location) {
        String rest = location.substring("file:".length());
        if (rest.startsWith("///")) {
            return Path.of(rest.substring(2));
        }
        if (rest.startsWith("//")) {
            return Path.of(rest.substring(2)); // Human's file://models/ is relative to the working directory
        }
        return Path.of(rest);
    }

    private byte[] readClasspath(String location) {
        String name = location.substring("classpath:".length());
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        InputStream in = null;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            in = context.getResourceAsStream(name);
        }
        if (in == null && fallbackLoader != null) {
            in = fallbackLoader.getResourceAsStream(name);
        }
        if (in == null) {
            throw new ModelException(location + ": not found on the classpath; for Human's default models add the "
                    + "ai.human:human-models jar, otherwise point modelBasePath at the folder that holds the model");
        }
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new ModelException(location + ": cannot be read from the classpath (" + e + ")", e);
        }
    }

    private static byte[] readFile(String location, Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ModelException(location + ": file not found (looked for " + path.toAbsolutePath().normalize()
                    + "); check modelBasePath and the model file name", e);
        } catch (IOException e) {
            throw new ModelException(location + ": cannot be read (" + e + ")", e);
        }
    }
}
