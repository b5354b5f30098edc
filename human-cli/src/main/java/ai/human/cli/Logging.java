package ai.human.cli;

/**
 * Configures slf4j-simple, the tool's logging implementation, through its system properties. They are read once,
 * when the first logger is made, so this must run before anything logs; properties the user set
 * ({@code -Dorg.slf4j.simpleLogger...}) are kept.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /** Whether the command line asks for {@code -v} / {@code --verbose} (also in a group of short options: {@code -qv}). */
    static boolean verboseRequested(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--verbose") || arg.matches("-[a-zA-Z]*v[a-zA-Z]*")) {
                return true;
            }
        }
        return false;
    }

    /** Warnings only, or with {@code verbose} debug messages of Human for Java and informational ones of the rest. */
    static void configure(boolean verbose) {
        setIfAbsent("defaultLogLevel", verbose ? "info" : "warn");
        setIfAbsent("log.ai.human", verbose ? "debug" : "warn");
        // DJL warns on every start that this machine has no CUDA; that is expected on a CPU-only install
        setIfAbsent("log.ai.djl.util.cuda.CudaUtils", verbose ? "warn" : "error");
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("levelInBrackets", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
