package ai.human.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a detection never touches the network. Each backend detects faces in {@code sample1.jpg} in a child JVM
 * in a network namespace with no interface, under strace ({@link NetworkSandbox}): the child must make no
 * connection that leaves this machine (only Unix sockets and loopback are allowed), and its result must equal a
 * normal run's in this JVM. TensorFlow runs without DJL on the class path, so that it is seen alone. The DJL child gets
 * neither DJL's privacy properties nor their environment variables, so the protection seen is the library's own;
 * turning it off explicitly shows that the trace does catch DJL phoning home.
 */
class DetectionStaysOfflineTest {
    /** EC2's instance-metadata address, which DJL reads when its engine starts unless told not to. */
    private static final String CLOUD_METADATA = "169.254.169.254";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> NORMAL_RUNS = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    @Test
    void tensorflowAloneDetectsWithoutAnyConnectionAndAsWithTheNetwork() throws Exception {
        NetworkSandbox.Run run = detectInSandbox("tensorflow", List.of("-cp", classPathWithoutDjl()));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.trace().programNames()).as("strace followed the child JVM").contains("java");
        assertThat(run.trace().leavingThisMachine()).as("connections leaving this machine").isEmpty();
        assertThat(result(run)).isEqualTo(normalRun("tensorflow"));
    }

    @Test
    void djlDetectsWithoutAnyConnectionAndAsWithTheNetwork() throws Exception {
        NetworkSandbox.Run run = detectInSandbox("djl", List.of());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.trace().programNames()).as("strace followed the child JVM").contains("java");
        assertThat(run.trace().leavingThisMachine()).as("connections leaving this machine").isEmpty();
        assertThat(result(run)).isEqualTo(normalRun("djl"));
    }

    @Test
    void djlWithItsPrivacyDefaultsTurnedOffIsCaughtCallingTheCloudMetadataAddress() throws Exception {
        NetworkSandbox.Run run = detectInSandbox("djl", List.of("-Dai.djl.offline=false", "-DOPT_OUT_TRACKING=false"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<SocketCall> leaving = run.trace().leavingThisMachine();
        assertThat(leaving).as("DJL's call home, seen by the trace")
                .anySatisfy(call -> {
                    assertThat(call.syscall()).isEqualTo("connect");
                    assertThat(call.ipv4OrAddress()).isEqualTo(CLOUD_METADATA);
                    assertThat(call.port()).isEqualTo(80);
                });
        assertThat(leaving).as("every attempt failed on this machine (ENETUNREACH): nothing left it")
                .allMatch(SocketCall::failedAsUnreachable);
        assertThat(result(run)).as("a failed call home does not change the result").isEqualTo(normalRun("djl"));
    }

    /**
     * {@link DetectOnceMain} on {@code backend} in a child JVM in the sandbox, with {@code jvmOptions} and this JVM's
     * class path unless they give one; DJL's privacy variables are removed from its environment.
     */
    private NetworkSandbox.Run detectInSandbox(String backend, List<String> jvmOptions)
            throws IOException, InterruptedException {
        NetworkSandbox sandbox = NetworkSandbox.get();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xss4m", "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        if (!jvmOptions.contains("-cp")) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        }
        command.addAll(List.of(DetectOnceMain.class.getName(), backend, dir.resolve("result.json").toString()));
        return sandbox.run(command, env -> {
            env.remove("DJL_OFFLINE");
            env.remove("OPT_OUT_TRACKING");
            env.remove("JAVA_TOOL_OPTIONS");
        }, dir);
    }

    /**
     * This JVM's class path without DJL and the DJL backend, so that TensorFlow is seen alone: with both on the class
     * path, choosing a backend also starts DJL's engine to ask whether it is available.
     */
    private static String classPathWithoutDjl() {
        String separator = System.getProperty("path.separator");
        List<String> kept = Stream.of(System.getProperty("java.class.path").split(Pattern.quote(separator)))
                .filter(entry -> !entry.contains("human-backend-djl") && !entry.replace('\\', '/').contains("/ai/djl/"))
                .toList();
        return String.join(separator, kept);
    }

    private JsonNode result(NetworkSandbox.Run run) throws IOException {
        return withoutTimings(JSON.readTree(dir.resolve("result.json").toFile()));
    }

    /** The same detection in this JVM, which has the network and the build's DJL settings. */
    private static JsonNode normalRun(String backend) {
        return NORMAL_RUNS.computeIfAbsent(backend, b -> {
            try {
                return withoutTimings(JSON.readTree(DetectOnceMain.detect(b)));
            } catch (IOException e) {
                throw new IllegalStateException("the result JSON of " + b + " does not parse", e);
            }
        });
    }

    private static JsonNode withoutTimings(JsonNode result) {
        ((ObjectNode) result).remove("performance");
        return result;
    }
}
