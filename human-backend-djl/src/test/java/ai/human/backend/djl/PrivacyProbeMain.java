package ai.human.backend.djl;

import ai.human.backend.Availability;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.UnaryOp;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a fresh JVM by {@link DjlPrivacyInFreshJvmTest}: refuses and records every http(s) connection attempt, asks
 * the provider for availability, runs one op, and prints what it saw as {@code key=value} lines.
 */
public final class PrivacyProbeMain {
    private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

    private PrivacyProbeMain() {
    }

    public static void main(String[] args) {
        URL.setURLStreamHandlerFactory(protocol -> "http".equals(protocol) || "https".equals(protocol)
                ? new RefusingHandler() : null);
        System.out.println("before.offline=" + System.getProperty("ai.djl.offline"));
        System.out.println("before.tracking=" + System.getProperty("OPT_OUT_TRACKING"));
        Availability availability = new DjlBackendProvider().availability();
        System.out.println("available=" + availability.available());
        System.out.println("reason=" + availability.reason());
        System.out.println("offline=" + System.getProperty("ai.djl.offline"));
        System.out.println("tracking=" + System.getProperty("OPT_OUT_TRACKING"));
        System.out.println("djl.offlineMode=" + ai.djl.util.Utils.isOfflineMode());
        try (Backend backend = new DjlBackendProvider().create(BackendOptions.defaults());
             Tensor x = backend.fromFloats(new float[] {-1, 2}, Shape.of(2));
             Tensor y = backend.unary(UnaryOp.RELU, x)) {
            System.out.println("relu=" + y.toFloats()[0] + "," + y.toFloats()[1]);
        }
        System.out.println("attempts=" + ATTEMPTS.size() + " " + ATTEMPTS);
    }

    private static final class RefusingHandler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            ATTEMPTS.add(url.toString());
            throw new IOException("network access refused by the privacy probe: " + url);
        }

        @Override
        protected URLConnection openConnection(URL url, Proxy proxy) throws IOException {
            return openConnection(url);
        }
    }
}
