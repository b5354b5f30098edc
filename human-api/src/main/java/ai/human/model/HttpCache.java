package ai.human.model;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads model files over HTTP(S) and keeps them on disk, one file per URL.
 *
 * <p>Next to each cached file {@code F} lies {@code F.sha256} with the SHA-256 and size recorded when
 * it was downloaded. A cached file is used only while both still match; otherwise (corrupted,
 * truncated, half-written) it is downloaded again. A download whose length differs from the server's
 * {@code Content-Length} is rejected. Entries are never refreshed otherwise: delete the cache folder
 * to fetch changed models again. When the folder cannot be written, files are downloaded and used
 * without caching.
 */
final class HttpCache {
    private static final Logger LOG = LoggerFactory.getLogger(HttpCache.class);

    private final Path dir;
    private final Duration timeout;
    private volatile HttpClient client;

    public HttpCache(Path dir, Duration timeout) {
        this.dir = dir;
        this.timeout = timeout;
    }

    public Path dir() {
        return dir;
    }

    /** Where the file for {@code url} is kept: a hash of the URL plus its last path segment. */
    public Path fileFor(String url) {
        String path = URI.create(url).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve(Sha256.hex(url.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-"
                + (safe.isEmpty() ? "file" : safe));
    }

    /** The bytes at {@code url}, from the cache when a verified copy is there. */
    public byte[] get(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ModelException(url + ": is not a valid URL (" + e.getMessage() + ")", e);
        }
        if (uri.getHost() == null) {
            throw new ModelException(url + ": has no host; write it as http://host/path or https://host/path");
        }
        Path file = fileFor(url);
        Path sidecar = sidecarOf(file);
        byte[] cached = readVerified(url, file, sidecar);
        if (cached != null) {
            return cached;
        }
        byte[] data = download(url);
        store(url, data, file, sidecar);
        return data;
    }

    private byte[] readVerified(String url, Path file, Path sidecar) {
        if (!Files.exists(file) && !Files.exists(sidecar)) {
            return null;
        }
        try {
            String[] recorded = Files.readString(sidecar, StandardCharsets.UTF_8).trim().split("\\s+");
            byte[] data = Files.readAllBytes(file);
            if (recorded.length >= 2 && Long.parseLong(recorded[1]) == data.length && recorded[0].equals(Sha256.hex(data))) {
                LOG.debug("Using cached {} for {}", file, url);
                return data;
            }
            LOG.warn("Cached copy {} of {} does not match its recorded size and SHA-256; downloading it again", file, url);
        } catch (NoSuchFileException e) {
            LOG.warn("Cache entry {} of {} is incomplete; downloading it again", file, url);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Cannot read cache entry {} of {} ({}); downloading it again", file, url, e.toString());
        }
        return null;
    }

    private byte[] download(String url) {
        LOG.info("Downloading {}", url);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ModelException(url + ": download failed (" + e + "); check the URL, the network and any proxy, "
                    + "or set modelBasePath to a local copy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(url + ": download interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new ModelException(url + ": the server answered HTTP " + response.statusCode()
                    + "; check modelBasePath and the model file name");
        }
        byte[] body = response.body();
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() != body.length) {
            throw new ModelException(url + ": received " + body.length + " bytes but the server announced "
                    + declared.getAsLong() + "; the download was cut short, try again");
        }
        return body;
    }

    private void store(String url, byte[] data, Path file, Path sidecar) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(sidecar);
            moveInto(writeTemp(data), file);
            moveInto(writeTemp((Sha256.hex(data) + " " + data.length + " " + url + "\n").getBytes(StandardCharsets.UTF_8)),
                    sidecar);
        } catch (IOException e) {
            LOG.warn("Cannot cache {} in {} ({}); using it without caching", url, dir, e.toString());
        }
    }

    private Path writeTemp(byte[] data) throws IOException {
        Path temp = Files.createTempFile(dir, ".download-", ".part");
        try {
            Files.write(temp, data);
            return temp;
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void moveInto(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NORMAL);
                    ProxySelector proxies = ProxySelector.getDefault();
                    if (proxies != null) {
                        builder.proxy(proxies);
                    }
                    c = builder.build();
                    client = c;
                }
            }
        }
        return c;
    }
}
