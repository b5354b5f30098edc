package ai.human.cli;

/** The exit codes of the {@code human} tool. */
final class ExitCode {
    /** Everything worked. */
    static final int OK = 0;
    /** The work failed: an image could not be processed, a model check failed, a configuration has errors. */
    static final int FAILED = 1;
    /** The command line is wrong: unknown option, missing file, bad {@code --set}, unknown backend. */
    static final int USAGE = 2;

    private ExitCode() {
    }
}
