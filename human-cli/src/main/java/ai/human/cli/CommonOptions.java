package ai.human.cli;

import java.io.PrintStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every command and subcommand, {@code -v / --verbose} and {@code -h / --help}, and the tool the command
 * runs in (its stdout and stderr), so that no command repeats them.
 *
 * <p>{@code --verbose} is read from the raw arguments before picocli builds the commands ({@link
 * Logging#verboseRequested}), because logging must be set up before the first logger exists; declaring it here makes
 * every command accept it and list it in its help.
 */
final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-v", "--verbose"}, description = "Log what happens (backend choice, model loading, timings) on"
            + " stderr, and print stack traces of errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** The tool this command runs in. */
    HumanCli tool() {
        return (HumanCli) command.root().userObject();
    }

    /** The tool's stdout. */
    PrintStream out() {
        return tool().out();
    }

    /** The tool's stderr. */
    PrintStream err() {
        return tool().err();
    }
}
