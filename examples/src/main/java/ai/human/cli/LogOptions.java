package ai.human.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by every command. */
final class LogOptions {
    @Option(names = {"-v", "--verbose"}, description = "Log what happens (backend choice, model loading, timings) on stderr,"
            + " and print stack traces of errors.")
    boolean verbose;
}
