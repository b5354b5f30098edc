package ai.human.cli;

import ai.human.error.HumanException;
import ai.human.backend.BackendException;
import ai.human.config.ConfigException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Turns a failure into lines on stderr (each prefixed with the command) and an exit code. */
final class Errors {

    private Errors() {
    }

    static int report(Exception e, String command, PrintStream err, boolean verbose) {
        int code;
        List<String> lines;
        if (e instanceof CliException cli) {
            code = cli.exitCode();
            lines = cli.lines();
        } else if (e instanceof ConfigException config) {
            code = ExitCode.USAGE;
            lines = ConfigOptions.lines("configuration", config.errors());
        } else if (e instanceof BackendException) {
            code = ExitCode.USAGE;
            lines = List.of(e.getMessage());
        } else if (e instanceof HumanException || e instanceof UncheckedIOException) {
            code = ExitCode.FAILED;
            lines = e.getMessage().lines().toList();
        } else {
            code = ExitCode.FAILED;
            lines = List.of("internal error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
        }
        for (String line : lines) {
            err.println(command + ": " + line);
        }
        if (verbose && !(e instanceof CliException)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** One line for an image that failed, for the output and stderr. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (e instanceof HumanException || e instanceof UncheckedIOException) {
            return message == null ? e.toString() : String.join(" ", message.lines().toList());
        }
        return "internal error: " + e;
    }
}
