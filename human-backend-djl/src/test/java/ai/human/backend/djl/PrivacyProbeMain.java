package ai.human.backend.djl;

import ai.human.backend.Availability;
import ai.human.backend.Backend;
import ai.human.backend.BackendOptions;
import ai.human.backend.UnaryOp;
import ai.human.model.Model;
import ai.human.model.ModelLoader;
import ai.human.model.TensorSpec;
import ai.human.tensor.Shape;
import ai.human.tensor.Tensor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.UnknownHostException;
import java.security.Permission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a fresh JVM by {@link DjlPrivacyInFreshJvmTest}: refuses and records every http(s) connection attempt and
 * every socket connection or host lookup outside the loopback interface, asks the provider for availability, runs
 * one op and two of Human's models through the DJL backend, and prints what it saw as {@code key=value} lines.
 */
public final class PrivacyProbeMain {
    private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();
    private static final List<String> SOCKETS = new CopyOnWriteArrayList<>();

    private PrivacyProbeMain() {
    }

    public static void main(String[] args) {
        URL.setURLStreamHandlerFactory(protocol -> "http".equals(protocol) || "https".equals(protocol)
                ? new RefusingHandler() : null);
        recordSocketConnections();
        if (List.of(args).contains("selftest")) {
            tryToConnect();
        }
        System.out.println("before.offline=" + System.getProperty("ai.djl.offline"));
        System.out.println("before.tracking=" + System.getProperty("OPT_OUT_TRACKING"));
        Availability availability = new DjlBackendProvider().availability();
        System.out.println("available=" + availability.available());
        System.out.println("reason=" + availability.reason());
        System.out.println("offline=" + System.getProperty("ai.djl.offline"));
        System.out.println("tracking=" + System.getProperty("OPT_OUT_TRACKING"));
        System.out.println("djl.offlineMode=" + ai.djl.util.Utils.isOfflineMode());
        try (Backend backend = new DjlBackendProvider().create(BackendOptions.defaults())) {
            try (Tensor x = backend.fromFloats(new float[] {-1, 2}, Shape.of(2));
                 Tensor y = backend.unary(UnaryOp.RELU, x)) {
                System.out.println("relu=" + y.toFloats()[0] + "," + y.toFloats()[1]);
            }
            ModelLoader loader = new ModelLoader();
            for (String name : List.of("blazeface", "handtrack")) {
                try (Model model = backend.loadModel(loader.load(ModelLoader.DEFAULT_BASE_PATH, name + ".json"))) {
                    TensorSpec input = model.inputs().get(0);
                    int[] dims = name.equals("blazeface") ? new int[] {1, 256, 256, 3} : new int[] {1, 64, 64, 3};
                    try (Tensor image = name.equals("blazeface")
                            ? backend.fromFloats(new float[256 * 256 * 3], Shape.of(dims))
                            : backend.fromInts(new int[64 * 64 * 3], Shape.of(dims))) {
                        Map<String, Tensor> outputs = model.run(Map.of(input.name(), image));
                        System.out.println("model." + name + "=" + outputs.size());
                        outputs.values().forEach(Tensor::close);
                    }
                }
            }
        }
        System.out.println("attempts=" + ATTEMPTS.size() + " " + ATTEMPTS);
        System.out.println("sockets=" + SOCKETS.size() + " " + SOCKETS);
    }

    /** Attempts one URL and one socket connection to a documentation-only address, which the probe must record. */
    private static void tryToConnect() {
        try {
            new URL("http://192.0.2.1/").openConnection().connect();
        } catch (IOException expected) {
            // recorded by the handler
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 9),
                    100);
        } catch (IOException | SecurityException expected) {
            // recorded by the security manager
        }
    }

    /**
     * Records every socket connection and host lookup away from the loopback interface, whichever Java API makes it
     * (the security manager sees them all; it allows everything else). Deprecated in Java 17 but still working, and
     * the only hook that sees connections made without {@code URL}.
     */
    @SuppressWarnings("removal")
    private static void recordSocketConnections() {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                // everything is allowed; only connections are watched
            }

            @Override
            public void checkPermission(Permission permission, Object context) {
                // everything is allowed; only connections are watched
            }

            @Override
            public void checkConnect(String host, int port) {
                if (!isLoopback(host)) {
                    SOCKETS.add(port == -1 ? "lookup " + host : host + ":" + port);
                    throw new SecurityException("network access refused by the privacy probe: " + host + ":" + port);
                }
            }

            @Override
            public void checkConnect(String host, int port, Object context) {
                checkConnect(host, port);
            }
        });
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            // a literal address is parsed, never looked up
            return host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || c == '[' || c == ']')
                    && InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
