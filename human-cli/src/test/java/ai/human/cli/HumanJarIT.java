package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code target/human.jar} and the {@code bin/human} launcher, run as a user runs them. */
class HumanJarIT {
    private static final String SERVICES = "META-INF/services/ai.human.backend.BackendProvider";

    private static Path jar() {
        return Path.of(System.getProperty("human.cli.jar", "target/human.jar"));
    }

    private static Path launcher() {
        return Path.of(System.getProperty("human.cli.launcher", "../bin/human"));
    }

    @Test
    void shadedJarMergesTheBackendRegistrationsOfBothModules() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            ZipEntry services = jar.getEntry(SERVICES);
            assertThat(services).as(SERVICES).isNotNull();
            try (InputStream in = jar.getInputStream(services)) {
                List<String> providers = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                assertThat(providers).containsExactlyInAnyOrder("ai.human.backend.tf.TfBackendProvider",
                        "ai.human.backend.djl.DjlBackendProvider");
            }
        }
    }

    @Test
    void shadedJarCarriesTheModelsTheirSumsTheSamplesAndAMainClass() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(HumanCli.class.getName());
            for (String entry : List.of("ai/human/models/blazeface.json", "ai/human/models/centernet.bin",
                    ModelChecksums.RESOURCE, "ai/human/testimages/sample1.jpg", "ai/human/cli/version.properties")) {
                assertThat(jar.getEntry(entry)).as(entry).isNotNull();
            }
            assertThat(jar.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".SF") || name.endsWith(".RSA")))
                    .as("signature files of the shaded jars").isEmpty();
        }
    }

    @Test
    void javaJarListsBothBackends() throws Exception {
        Result result = run(List.of(java(), "-jar", jar().toString(), "backends"), Map.of());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("(?m)^tensorflow\\s+100\\s+tf\\s+yes")
                .containsPattern("(?m)^djl\\s+50\\s+-\\s+yes")
                .contains("Chosen: tensorflow");
    }

    @Test
    void javaJarExitsWithTheUsageCodeOnAMissingFile() throws Exception {
        Result result = run(List.of(java(), "-jar", jar().toString(), "detect", "missing.jpg"), Map.of());

        assertThat(result.code()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().lines().toList()).containsExactly(
                "human detect: missing.jpg: no such file or folder; check the path (or try --sample 1 for a built-in photo)");
    }

    @Test
    void launcherRunsTheBuiltJarWithoutMavenFromAnyFolder(@TempDir Path dir) throws Exception {
        Path fakeBin = Files.createDirectories(dir.resolve("bin"));
        Path marker = dir.resolve("maven-was-called");
        Path fakeMaven = fakeBin.resolve("mvn");
        Files.writeString(fakeMaven, "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n");
        Files.setPosixFilePermissions(fakeMaven, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(fakeBin.resolve("java"), Path.of(java()));
        Map<String, String> env = Map.of("PATH", fakeBin + ":/usr/bin:/bin", "HUMAN_NO_STALE_CHECK", "1");

        Result result = run(List.of(launcher().toAbsolutePath().toString(), "samples"), env, dir);

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("sample1.jpg", "sample6.jpg");
        assertThat(marker).as("the launcher must not call Maven once the jar exists").doesNotExist();
    }

    @Test
    void launcherPassesTheExitCodeThrough(@TempDir Path dir) throws Exception {
        Result result = run(List.of(launcher().toAbsolutePath().toString(), "config", "--set", "nokey=1"),
                Map.of("HUMAN_NO_STALE_CHECK", "1"), dir);

        assertThat(result.code()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("nokey");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        return run(command, env, Path.of("."));
    }

    private static Result run(List<String> command, Map<String, String> env, Path workDir) throws Exception {
        List<String> full = new ArrayList<>(command);
        if (full.get(0).equals(java())) {
            full.addAll(1, List.of("-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"));
        }
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile());
        builder.environment().putAll(env);
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().put("DJL_OFFLINE", "true");
        Path out = Files.createTempFile("human-out", ".txt");
        Path err = Files.createTempFile("human-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + full);
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
