package ai.human.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading over HTTP from a server on 127.0.0.1, with the on-disk cache. */
class HttpLoadingTest {
    @TempDir
    Path cacheDir;

    private HttpServer server;
    private String base;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        files.put("/models/blazeface.json", Fixtures.resource("/ai/human/models/blazeface.json"));
        files.put("/models/blazeface.bin", Fixtures.resource("/ai/human/models/blazeface.bin"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/", this::serve);
        server.createContext("/short/", HttpLoadingTest::serveShortBody);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/models/";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        byte[] body = files.get(path);
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Announces 1000 bytes and sends 10. */
    private static void serveShortBody(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 1000);
        OutputStream out = exchange.getResponseBody();
        out.write(new byte[10]);
        out.flush();
        exchange.close();
    }

    private int requestsFor(String file) {
        AtomicInteger n = requests.get("/models/" + file);
        return n == null ? 0 : n.get();
    }

    private Path cachedFile(String url) {
        return new HttpCache(cacheDir, Duration.ofSeconds(1)).fileFor(url);
    }

    private ModelLoader loader() {
        return new ModelLoader(cacheDir, Duration.ofSeconds(10));
    }

    @Test
    void modelLoadedOverHttpEqualsTheOneFromTheClasspath() {
        GraphModelDef viaHttp = loader().load(base, "blazeface");
        GraphModelDef viaClasspath = loader().load(null, "blazeface.json");
        assertThat(viaHttp.source()).isEqualTo(base + "blazeface.json");
        assertThat(viaHttp.nodes()).isEqualTo(viaClasspath.nodes());
        assertThat(viaHttp.weights()).isEqualTo(viaClasspath.weights());
        assertThat(viaHttp.inputs()).isEqualTo(viaClasspath.inputs());
        assertThat(viaHttp.outputs()).isEqualTo(viaClasspath.outputs());
    }

    @Test
    void secondLoadComesFromTheDiskCache() {
        loader().load(base, "blazeface.json");
        GraphModelDef again = loader().load(base, "blazeface.json"); // a new loader: only the disk is shared
        assertThat(again.weights()).hasSize(112);
        assertThat(requestsFor("blazeface.json")).isEqualTo(1);
        assertThat(requestsFor("blazeface.bin")).isEqualTo(1);
    }

    @Test
    void corruptedCacheEntryIsDownloadedAgain() throws IOException {
        ModelLoader loader = loader();
        GraphModelDef first = loader.load(base, "blazeface.json");
        Path cachedBin = cachedFile(base + "blazeface.bin");
        byte[] bytes = Files.readAllBytes(cachedBin);
        bytes[1000] ^= 0x55; // same size, different content
        Files.write(cachedBin, bytes);

        GraphModelDef second = loader.load(base, "blazeface.json");

        assertThat(requestsFor("blazeface.bin")).isEqualTo(2);
        assertThat(requestsFor("blazeface.json")).isEqualTo(1);
        assertThat(second.weights()).isEqualTo(first.weights());
        assertThat(Files.readAllBytes(cachedBin)).isEqualTo(files.get("/models/blazeface.bin"));
    }

    @Test
    void truncatedCacheEntryIsDownloadedAgain() throws IOException {
        loader().load(base, "blazeface.json");
        Path cachedJson = cachedFile(base + "blazeface.json");
        Files.write(cachedJson, new byte[] {'{'});

        GraphModelDef again = loader().load(base, "blazeface.json");

        assertThat(requestsFor("blazeface.json")).isEqualTo(2);
        assertThat(again.nodes()).hasSize(257);
    }

    @Test
    void cacheEntryWithoutItsChecksumIsDownloadedAgain() throws IOException {
        loader().load(base, "blazeface.json");
        Path cachedBin = cachedFile(base + "blazeface.bin");
        Files.delete(cachedBin.resolveSibling(cachedBin.getFileName() + ".sha256"));

        loader().load(base, "blazeface.json");

        assertThat(requestsFor("blazeface.bin")).isEqualTo(2);
    }

    @Test
    void missingFileOnTheServerNamesTheUrlAndStatus() {
        assertThatThrownBy(() -> loader().load(base, "iris.json"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(base + "iris.json: the server answered HTTP 404");
    }

    @Test
    void missingWeightFileOnTheServerNamesTheWeightUrl() {
        files.remove("/models/blazeface.bin");
        assertThatThrownBy(() -> loader().load(base, "blazeface.json"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(base + "blazeface.bin: the server answered HTTP 404");
        assertThat(cachedFile(base + "blazeface.bin")).doesNotExist();
        assertThat(cachedFile(base + "blazeface.json")).exists();
    }

    @Test
    void downloadCutShortIsAnErrorAndNotCached() throws IOException {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/short/model.json";
        assertThatThrownBy(() -> loader().load(url))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(url + ": download failed");
        try (var listing = Files.list(cacheDir)) {
            assertThat(listing.filter(p -> !p.getFileName().toString().startsWith(".download-"))).isEmpty();
        }
    }

    @Test
    void malformedUrlIsNamed() {
        assertThatThrownBy(() -> loader().load("http://127.0.0.1:1/with space/m.json"))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("http://127.0.0.1:1/with space/m.json: is not a valid URL");
    }

    @Test
    void unreachableServerNamesTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/models/blazeface.json";
        assertThatThrownBy(() -> loader().load(url))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith(url + ": download failed")
                .hasMessageContaining("check the URL, the network and any proxy");
    }
}
