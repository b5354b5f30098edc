package ai.human.cli;

import ai.human.error.HumanException;
import java.util.List;

/**
 * A failure the tool reports without a stack trace: one line per problem, each saying what to do, and an exit code.
 */
final class CliException extends HumanException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;
    private final int exitCode;

    CliException(int exitCode, List<String> lines) {
        super(String.join("; ", lines));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a CliException needs at least one line");
        }
        this.lines = List.copyOf(lines);
        this.exitCode = exitCode;
    }

    /** A usage error (exit code 2): the command line must change. */
    static CliException usage(String line) {
        return new CliException(ExitCode.USAGE, List.of(line));
    }

    /** A failure of the work (exit code 1). */
    static CliException failed(String line) {
        return new CliException(ExitCode.FAILED, List.of(line));
    }

    List<String> lines() {
        return lines;
    }

    int exitCode() {
        return exitCode;
    }
}
