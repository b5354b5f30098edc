package ai.human.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code human} command-line tool: face detection with Human 3.3.6's models from the shell.
 *
 * <pre>
 * bin/human detect --sample 1                      # a built-in photo, JSON on stdout
 * bin/human detect photos/ --json out.json --draw annotated/ --threads 2
 * bin/human backends                               # which backends are there, which one is chosen
 * bin/human config --set face.detector.maxDetected=5
 * bin/human models verify
 * bin/human match me.jpg friends/
 * bin/human soak --iterations 10000 --every 1000   # memory over a long decode → detect → release loop
 * </pre>
 * Every command has {@code --help}. Exit codes: 0 success, 1 the work failed, 2 the command line is wrong.
 */
@Command(name = "human", mixinStandardHelpOptions = true, versionProvider = HumanCli.Version.class,
        description = {"Face detection with Human 3.3.6's models, on TensorFlow Java or DJL/PyTorch.",
                "Start with: human detect --sample 1"},
        subcommands = {DetectCommand.class, MatchCommand.class, BackendsCommand.class, ConfigCommand.class,
                ModelsCommand.class, SamplesCommand.class, SoakCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the work failed (an image could not be processed, a check failed)",
                "  2  the command line is wrong (unknown option, missing file, bad --set,", "     unknown backend)"})
public final class HumanCli implements Runnable {
    /** System property the launcher sets to say whether stderr is a terminal (for the progress bar). */
    static final String STDERR_TERMINAL = "human.cli.stderrTerminal";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean stderrTerminal;
    private boolean verbose;

    @Spec
    CommandSpec spec;

    HumanCli(PrintStream out, PrintStream err, boolean stderrTerminal) {
        this.out = out;
        this.err = err;
        this.stderrTerminal = stderrTerminal;
    }

    /**
     * Runs the tool and exits with its exit code. Commands that may load a native backend run with {@link
     * NativeStderr}, which keeps TensorFlow's start-up INFO lines off stderr (not with {@code --verbose}).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        boolean terminal = stderrIsTerminal();
        int code;
        NativeStderr stderr = NativeStderr.forCommandLine(args, Logging.verboseRequested(args));
        try {
            code = run(args, System.out, System.err, terminal);
        } finally {
            stderr.close();
        }
        System.out.flush();
        System.exit(code);
    }

    /** Runs the tool with the given streams; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean stderrTerminal) {
        HumanCli root = new HumanCli(out, err, stderrTerminal);
        root.verbose = Logging.verboseRequested(args);
        Logging.configure(root.verbose); // before picocli makes the commands, whose classes have loggers
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, args1) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + e.getMessage() + "; see '" + command + " --help'");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) ->
                Errors.report(e, commandLine.getCommandSpec().qualifiedName(), err, root.verbose));
        return cli.execute(args);
    }

    /** Whether stderr is a terminal: as the launcher says, else whether the JVM has a console. */
    private static boolean stderrIsTerminal() {
        String told = System.getProperty(STDERR_TERMINAL);
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    /** Without a command: the usage, and exit code 2. */
    @Override
    public void run() {
        spec.commandLine().usage(err);
        throw new CliException(ExitCode.USAGE, java.util.List.of("name a command, e.g. 'human detect --sample 1'"));
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean stderrTerminal() {
        return stderrTerminal;
    }

    boolean verbose() {
        return verbose;
    }

    /** The version from the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"human (Human for Java) " + version() + ", with the models of Human 3.3.6"};
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = HumanCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
