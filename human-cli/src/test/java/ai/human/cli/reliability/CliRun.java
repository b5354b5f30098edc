package ai.human.cli.reliability;

import ai.human.cli.HumanCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the {@code human} tool in this JVM and keeps its exit code and output. The tool's in-process entry point is
 * package-private (its tests live beside it); this package reaches it by reflection so that the reliability tests stay
 * in their own package.
 *
 * @param code exit code: 0 success, 1 the work failed, 2 the command line is wrong
 * @param out  what it printed on stdout
 * @param err  what it printed on stderr
 */
record CliRun(int code, String out, String err) {
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** Options that switch every model off: images are still decoded, no model is loaded. */
    static final List<String> NO_MODELS = List.of("--set", "face.enabled=false", "--set", "body.enabled=false", "--set",
            "hand.enabled=false", "--set", "object.enabled=false", "--set", "gesture.enabled=false");

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Method run = HumanCli.class.getDeclaredMethod("run", String[].class, PrintStream.class, PrintStream.class,
                    boolean.class);
            run.setAccessible(true);
            code = (Integer) run.invoke(null, args, o, e, false);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the tool threw instead of reporting", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("HumanCli.run(String[], PrintStream, PrintStream, boolean) is gone", e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
