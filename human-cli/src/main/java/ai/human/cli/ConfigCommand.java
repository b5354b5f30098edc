package ai.human.cli;

import ai.human.config.ConfigError;
import ai.human.config.HumanConfig;
import ai.human.config.UnsupportedOption;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code human config}: the effective configuration, and {@code config validate FILE}. */
@Command(name = "config", sortOptions = false,
        header = "Print the effective configuration; 'validate FILE' checks one.",
        subcommands = ConfigCommand.Validate.class,
        description = {"Print the configuration 'detect' would use, as JSON with every option: Human's defaults with"
                + " cacheSensitivity 0, then --config FILE merged over them, then each --set. Options that have no"
                + " effect in Human for Java are listed on stderr."},
        footer = {"", "Examples:", "  human config", "  human config --config my.json --set face.detector.maxDetected=5",
                "  human config validate my.json"})
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        HumanConfig effective = config.apply(DetectCommand.base());
        PrintStream out = common.out();
        out.println(effective.toJson());
        out.flush();
        for (UnsupportedOption option : effective.unsupportedOptionDetails()) {
            common.err().println("human config: note: " + option.path() + " has no effect: " + option.reason());
        }
        return ExitCode.OK;
    }

    /** {@code human config validate FILE}. */
    @Command(name = "validate",
            header = "Check a JSON configuration file; list every error with its dotted path.",
            description = {"Check a JSON configuration file and print every problem with its dotted path (unknown keys"
                    + " with the nearest known one, wrong types, values out of range). Exit code 1 when there is any."},
            footer = {"", "Example:", "  human config validate my.json"})
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The JSON configuration file.")
        Path file;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            PrintStream out = common.out();
            if (!Files.isRegularFile(file)) {
                throw CliException.usage(file + ": no such file; give the path of a JSON configuration file");
            }
            List<ConfigError> errors = HumanConfig.validate(file);
            if (errors.isEmpty()) {
                out.println(file + ": valid");
                for (UnsupportedOption option : HumanConfig.fromFile(file).unsupportedOptionDetails()) {
                    out.println(file + ": note: " + option.path() + " has no effect: " + option.reason());
                }
                out.flush();
                return ExitCode.OK;
            }
            for (String line : ConfigOptions.lines(file.toString(), errors)) {
                out.println(line);
            }
            out.flush();
            common.err().println("human config validate: " + file + " has " + Summaries.count(errors.size(), "error",
                    "errors") + "; fix them (each line names the option's dotted path)");
            return ExitCode.FAILED;
        }
    }
}
