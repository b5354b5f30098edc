package ai.human.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The SHA-256 sums shipped in the human-models jar ({@value #RESOURCE}, in {@code sha256sum} format), and the
 * resources they describe.
 */
final class ModelChecksums {
    static final String RESOURCE = "META-INF/human-models/checksums.sha256";
    static final String MODELS = "ai/human/models/";

    /** One line of the sums: a file in the jars (or an npm tarball, which has no folder). */
    record Entry(String sha256, String path) {
        boolean isModelFile() {
            return path.startsWith(MODELS);
        }

        boolean isResource() {
            return path.contains("/");
        }
    }

    private final ClassLoader loader;

    /** Sums and files as {@code loader} sees them. */
    ModelChecksums(ClassLoader loader) {
        this.loader = loader;
    }

    /** Sums and files on the tool's classpath. */
    static ModelChecksums onClasspath() {
        return new ModelChecksums(ModelChecksums.class.getClassLoader());
    }

    /**
     * The entries, in file order.
     *
     * @throws CliException when the sums are not on the classpath
     */
    List<Entry> load() {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw CliException.failed(RESOURCE + " is not on the classpath: use a human-models jar that ships its"
                        + " checksums (0.1.0 or later)");
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+\\*?", 2);
                if (parts.length == 2 && parts[0].matches("[0-9a-f]{64}")) {
                    entries.add(new Entry(parts[0], parts[1]));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 (hex) and size of a classpath resource, or empty when it is missing. */
    Optional<Digest> digest(String resource) {
        try (InputStream raw = loader.getResourceAsStream(resource)) {
            if (raw == null) {
                return Optional.empty();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (DigestInputStream in = new DigestInputStream(raw, sha)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                }
            }
            return Optional.of(new Digest(HexFormat.of().formatHex(sha.digest()), size));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    /** A resource's SHA-256 and size in bytes. */
    record Digest(String sha256, long size) {
    }
}
