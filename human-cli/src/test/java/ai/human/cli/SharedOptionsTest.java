package ai.human.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.human.config.HumanConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options several commands share are picocli mixins, declared once: {@link CommonOptions} ({@code -v}, {@code -h})
 * on every command and subcommand, {@link ConfigOptions} ({@code --config}, {@code --set}, {@code --backend}) on every
 * command that builds a configuration, {@link ThreadsOption} on the commands that process images in parallel. Each
 * mixin is checked on the command model (who has it) and by running the commands (it acts the same everywhere).
 */
class SharedOptionsTest {
    /** Every command and subcommand, with the arguments it needs besides options (files made by {@link #files}). */
    private static final List<String> COMMANDS = List.of("detect", "match", "backends", "config", "config validate",
            "models", "models verify", "samples", "soak");

    /** The commands that build a Human configuration. */
    private static final List<String> CONFIGURED = List.of("detect", "match", "backends", "config", "models", "soak");

    @TempDir
    Path dir;

    @Test
    void everyCommandAndSubcommandTakesTheCommonOptionsFromTheMixin() {
        Map<String, CommandSpec> commands = commands();

        assertThat(commands.keySet()).as("the tool's commands (a new one must be added to this test)")
                .containsExactlyInAnyOrderElementsOf(COMMANDS);
        commands.forEach((name, spec) -> {
            assertThat(mixinOf(spec, CommonOptions.class)).as(name + " mixes in CommonOptions").isNotNull();
            for (String option : List.of("-v", "--verbose", "-h", "--help")) {
                assertThat(declaredBy(spec, option, CommonOptions.class)).as(name + " " + option).isTrue();
            }
        });
    }

    @Test
    void theCommandsThatBuildAConfigurationTakeConfigOptionsFromTheMixin() {
        Map<String, CommandSpec> commands = commands();

        List<String> withConfig = commands.entrySet().stream()
                .filter(entry -> mixinOf(entry.getValue(), ConfigOptions.class) != null).map(Map.Entry::getKey).toList();
        assertThat(withConfig).containsExactlyInAnyOrderElementsOf(CONFIGURED);
        for (String name : CONFIGURED) {
            for (String option : List.of("--config", "--set", "--backend")) {
                assertThat(declaredBy(commands.get(name), option, ConfigOptions.class)).as(name + " " + option).isTrue();
            }
        }
        List<String> withThreads = commands.entrySet().stream()
                .filter(entry -> mixinOf(entry.getValue(), ThreadsOption.class) != null).map(Map.Entry::getKey).toList();
        assertThat(withThreads).containsExactlyInAnyOrder("detect", "match");
    }

    @ParameterizedTest
    @MethodSource("configured")
    void configFileThenSetThenBackendMakeTheConfigurationOfEveryCommand(String command) throws Exception {
        Path file = dir.resolve("my.json");
        Files.writeString(file, "{\"face\": {\"detector\": {\"maxDetected\": 7, \"minConfidence\": 0.4}}}");
        List<String> args = new ArrayList<>(words(command));
        args.addAll(files(command));
        args.addAll(List.of("--config", file.toString(), "--set", "face.detector.maxDetected=9", "--set",
                "face.iris.enabled=false", "--backend", "djl"));

        HumanConfig config = parsedConfigOptions(args).apply(HumanConfig.defaults());

        assertThat(config.face().detector().maxDetected()).as("--set wins over the file").isEqualTo(9);
        assertThat(config.face().detector().minConfidence()).as("from the file").isEqualTo(0.4);
        assertThat(config.face().iris().enabled()).as("--set").isFalse();
        assertThat(config.backend()).isEqualTo("djl");
        assertThat(config.face().mesh().enabled()).as("the rest stays the default").isTrue();
    }

    @ParameterizedTest
    @MethodSource("configured")
    void aBadSetIsTheSameUsageErrorOnEveryCommand(String command) throws Exception {
        List<String> args = new ArrayList<>(words(command));
        args.addAll(files(command));
        args.addAll(List.of("--set", "face.detector.maxDetected=many"));

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("human " + command + ": --set: face.detector.maxDetected: ").contains("many");
    }

    @ParameterizedTest
    @MethodSource("configured")
    void aBlankBackendIsTheSameUsageErrorOnEveryCommand(String command) throws Exception {
        List<String> args = new ArrayList<>(words(command));
        args.addAll(files(command));
        args.addAll(List.of("--backend", " "));

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("human " + command + ": --backend needs a name, e.g. --backend djl;"
                + " 'human backends' lists them");
    }

    @ParameterizedTest
    @MethodSource("all")
    void everyCommandAcceptsVerboseAndHelpAndListsBoth(String command) {
        List<String> args = new ArrayList<>(words(command));
        args.addAll(List.of("-v", "--help"));

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: human " + command, "-v, --verbose", "-h, --help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect", "match"})
    void threadsBelowOneIsTheSameUsageErrorOnBothCommands(String command) {
        List<String> args = new ArrayList<>(List.of(command));
        if (command.equals("match")) {
            args.addAll(List.of("query.jpg", "folder"));
        } else {
            args.addAll(List.of("--sample", "1"));
        }
        args.addAll(List.of("--threads", "0"));

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("human " + command + ": --threads must be 1 or more, got 0");
    }

    @Test
    void theCommandsReachTheToolsStreamsThroughTheMixin() {
        Cli.Run run = Cli.run("samples");

        assertThat(run.code()).isZero();
        assertThat(run.outLines()).hasSize(Samples.COUNT);
        assertThat(run.err()).isEmpty();
    }

    static Stream<String> configured() {
        return CONFIGURED.stream();
    }

    static Stream<String> all() {
        return COMMANDS.stream();
    }

    private static List<String> words(String command) {
        return Arrays.asList(command.split(" "));
    }

    /**
     * What a command needs besides options to reach its configuration: an image for detect ({@code --sample 1}), a
     * query image and a folder with one image for match, a file for config validate. match reads neither before it
     * builds the configuration.
     */
    private List<String> files(String command) throws Exception {
        switch (command) {
            case "detect":
                return List.of("--sample", "1");
            case "match": {
                Path query = Files.write(dir.resolve("query.jpg"), new byte[] {1});
                Path folder = Files.createDirectories(dir.resolve("folder"));
                Files.write(folder.resolve("other.jpg"), new byte[] {1});
                return List.of(query.toString(), folder.toString());
            }
            case "config validate":
                return List.of(Files.writeString(dir.resolve("c.json"), "{}").toString());
            default:
                return List.of();
        }
    }

    private static CommandLine tool() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CommandLine(new HumanCli(sink, sink, false));
    }

    /** Every command and subcommand by its name under {@code human} (picocli's own help command left out). */
    private static Map<String, CommandSpec> commands() {
        Map<String, CommandSpec> found = new TreeMap<>();
        collect(tool(), found);
        return found;
    }

    private static void collect(CommandLine command, Map<String, CommandSpec> found) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            found.put(sub.getCommandSpec().qualifiedName().substring("human ".length()), sub.getCommandSpec());
            collect(sub, found);
        }
    }

    private static <T> T mixinOf(CommandSpec spec, Class<T> type) {
        return spec.mixins().values().stream().map(CommandSpec::userObject).filter(type::isInstance).map(type::cast)
                .findFirst().orElse(null);
    }

    /** Whether the command's {@code option} is the one its {@code type} mixin declares (not a look-alike of its own). */
    private static boolean declaredBy(CommandSpec spec, String option, Class<?> type) {
        OptionSpec own = spec.findOption(option);
        return own != null && spec.mixins().values().stream().filter(mixin -> type.isInstance(mixin.userObject()))
                .anyMatch(mixin -> mixin.options().contains(own));
    }

    /** The {@link ConfigOptions} of the command that {@code args} name, as picocli filled them in. */
    private static ConfigOptions parsedConfigOptions(List<String> args) {
        ParseResult result = tool().parseArgs(args.toArray(String[]::new));
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        ConfigOptions options = mixinOf(result.commandSpec(), ConfigOptions.class);
        assertThat(options).as(result.commandSpec().qualifiedName()).isNotNull();
        return options;
    }
}
