package ai.human.cli;

import picocli.CommandLine.Option;

/** {@code --threads N}: how many images a command processes at the same time, on the same models. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Images processed at the same"
            + " time (default: ${DEFAULT-VALUE}). Each runs one detect on the same models.")
    int threads;

    /**
     * The number of threads.
     *
     * @throws CliException (usage) when it is below 1
     */
    int threads() {
        if (threads < 1) {
            throw CliException.usage("--threads must be 1 or more, got " + threads);
        }
        return threads;
    }
}
