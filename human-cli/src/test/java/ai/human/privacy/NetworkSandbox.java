package ai.human.privacy;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a command where it cannot reach the network and where every attempt is still seen: under {@code strace -f},
 * which logs each {@code connect}, {@code sendto}, {@code sendmsg}, {@code sendmmsg} and {@code execve} of the whole
 * process tree, inside a new network namespace with no interface up ({@code unshare -n}, or {@code unshare -r -n}
 * for a user who is not root).
 *
 * <p>In the namespace any attempt fails inside this machine ({@code ENETUNREACH}), so a test that provokes one sends
 * nothing, and strace shows the attempt even so. Where no namespace can be made (a container without the right), strace
 * alone is used and makes those calls fail with {@code ENETUNREACH} itself ({@code -e inject}), with the same effect.
 * When strace is missing or may not trace, {@link #get()} skips the calling test with the reason, unless
 * {@value #REQUIRED_VARIABLE} is set (CI sets it), which makes that a failure.
 *
 * <pre>{@code
 * NetworkSandbox.Run run = NetworkSandbox.get().run(List.of("java", "-version"), env -> { }, workDir);
 * assertThat(run.trace().leavingThisMachine()).isEmpty();
 * }</pre>
 */
final class NetworkSandbox {
    /** Environment variable that turns "cannot sandbox here" from a skip into a failure. */
    static final String REQUIRED_VARIABLE = "HUMAN_REQUIRE_NETWORK_PROOF";

    private static final String SOCKET_CALLS = "connect,sendto,sendmsg,sendmmsg";
    private static final List<String> STRACE = List.of("strace", "-f", "-qq", "-e", "signal=none", "-e",
            "trace=" + SOCKET_CALLS + ",execve");
    private static final List<String> FAIL_SOCKET_CALLS =
            List.of("-e", "inject=" + SOCKET_CALLS + ":error=ENETUNREACH");
    /** strace 5.3 and later: stop the process only at the traced calls, so that a JVM runs nearly as fast. */
    private static final List<String> ONLY_TRACED_CALLS_STOP = List.of("--seccomp-bpf");
    private static final long TIMEOUT_MINUTES = 5;
    private static final Object LOCK = new Object();
    private static NetworkSandbox probed;
    private static String reason = "";

    private final String description;
    private final List<String> commandPrefix;

    private NetworkSandbox(String description, List<String> commandPrefix) {
        this.description = description;
        this.commandPrefix = List.copyOf(commandPrefix);
    }

    /** What one sandboxed run did. */
    record Run(int exitCode, String out, String err, SyscallTrace trace, List<String> command, String sandbox) {
        /** The sandbox, command, exit code and stderr, for assertion messages. */
        String describe() {
            return "in a " + sandbox + ": " + String.join(" ", command) + "\nexit code " + exitCode + ", stderr:\n"
                    + err;
        }
    }

    /**
     * The sandbox of this machine. Skips the calling test (or fails it under {@value #REQUIRED_VARIABLE}) when
     * strace is missing or not permitted.
     */
    static NetworkSandbox get() {
        synchronized (LOCK) {
            if (probed == null && reason.isEmpty()) {
                probed = probe();
            }
            if (probed == null) {
                String message = "the network-privacy proof cannot run here: " + reason;
                if (System.getenv(REQUIRED_VARIABLE) != null) {
                    fail(message + " (" + REQUIRED_VARIABLE + " is set, so it must run: install strace, e.g."
                            + " apt-get install strace, and allow ptrace)");
                }
                assumeTrue(false, message);
            }
            return probed;
        }
    }

    /** How this sandbox keeps the network out, e.g. {@code network namespace (unshare -n) under strace}. */
    String description() {
        return description;
    }

    /**
     * Runs {@code command} in {@code workDir}, with this JVM's environment changed by {@code environment}, in the
     * sandbox; waits up to five minutes.
     */
    Run run(List<String> command, Consumer<Map<String, String>> environment, Path workDir)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "strace", ".log");
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(List.of("-o", log.toString(), "--"));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.accept(builder.environment());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out after " + TIMEOUT_MINUTES + " minutes: " + full);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), SyscallTrace.read(log), full,
                description);
    }

    /** The first sandbox that works here, or null with {@link #reason} set. */
    private static NetworkSandbox probe() {
        String strace = tryRun(List.of("strace", "-V"));
        if (!strace.isEmpty()) {
            reason = "strace -V: " + strace + " (is strace installed and on the PATH?)";
            return null;
        }
        List<NetworkSandbox> candidates = new ArrayList<>();
        for (List<String> filter : List.of(ONLY_TRACED_CALLS_STOP, List.<String>of())) {
            candidates.add(inNamespace("unshare -n", List.of("-n"), filter));
            candidates.add(inNamespace("unshare -r -n", List.of("-r", "-n"), filter));
        }
        for (List<String> filter : List.of(ONLY_TRACED_CALLS_STOP, List.<String>of())) {
            List<String> prefix = new ArrayList<>(STRACE);
            prefix.addAll(FAIL_SOCKET_CALLS);
            prefix.addAll(filter);
            candidates.add(new NetworkSandbox("strace, which fails every socket call with ENETUNREACH", prefix));
        }
        List<String> errors = new ArrayList<>();
        for (NetworkSandbox candidate : candidates) {
            List<String> check = new ArrayList<>(candidate.commandPrefix);
            check.addAll(List.of("-o", "/dev/null", "--", "true"));
            String error = tryRun(check);
            if (error.isEmpty()) {
                return candidate;
            }
            errors.add(String.join(" ", check) + ": " + error);
        }
        reason = String.join("; ", errors);
        return null;
    }

    private static NetworkSandbox inNamespace(String name, List<String> unshareOptions, List<String> filter) {
        List<String> prefix = new ArrayList<>(List.of("unshare"));
        prefix.addAll(unshareOptions);
        prefix.add("--");
        prefix.addAll(STRACE);
        prefix.addAll(filter);
        return new NetworkSandbox("network namespace without interfaces (" + name + ") under strace", prefix);
    }

    /** Empty when {@code command} exits with 0, else what went wrong. */
    private static String tryRun(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "timed out";
            }
            return process.exitValue() == 0 ? "" : "exit code " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
