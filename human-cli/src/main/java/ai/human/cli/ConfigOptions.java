package ai.human.cli;

import ai.human.config.ConfigError;
import ai.human.config.ConfigException;
import ai.human.config.HumanConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, {@code --set key=value} and {@code --backend NAME}: how the configuration is made, in this
 * order, later ones winning.
 */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A JSON file with Human options (partial: merged over the defaults).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set one option by its dotted path, e.g. --set face.detector.maxDetected=5 (repeatable; after"
                    + " --config).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to run on: tensorflow (alias tf) or djl; default: the config's backend, the"
                    + " human.backend property, HUMAN_BACKEND, else the best available (see 'human backends').")
    String backend;

    /**
     * {@code base}, then the file merged over it, then the overrides, then the backend.
     *
     * @throws CliException (usage) listing every problem in the file or the overrides
     */
    HumanConfig apply(HumanConfig base) {
        HumanConfig config = base;
        if (file != null) {
            config = merge(config, file);
        }
        if (!overrides.isEmpty()) {
            try {
                config = config.withOverrides(overrides);
            } catch (ConfigException e) {
                throw new CliException(ExitCode.USAGE, lines("--set", e.errors()));
            }
        }
        if (backend != null) {
            if (backend.isBlank()) {
                throw CliException.usage("--backend needs a name, e.g. --backend djl; 'human backends' lists them");
            }
            config = config.withBackend(backend.trim());
        }
        return config;
    }

    private static HumanConfig merge(HumanConfig base, Path file) {
        List<ConfigError> errors = HumanConfig.validate(file);
        if (!errors.isEmpty()) {
            throw new CliException(ExitCode.USAGE, lines(file.toString(), errors));
        }
        try {
            return base.merge(Files.readString(file));
        } catch (IOException e) {
            throw CliException.usage(file + ": cannot be read (" + e.getMessage() + "); check the path and permissions");
        } catch (ConfigException e) {
            throw new CliException(ExitCode.USAGE, lines(file.toString(), e.errors()));
        }
    }

    /** One line per error: {@code source: path: message}. */
    static List<String> lines(String source, List<ConfigError> errors) {
        return errors.stream().map(error -> source + ": " + error).toList();
    }
}
