package ai.human.cli;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;

/**
 * Run in a child JVM by {@link NativeStderrTest}: decides on {@link NativeStderr} for the command line in its first
 * argument as the tool does, then writes to descriptor 2 as native code does (with {@code write(2)}) and to {@link
 * System#err} as the tool does, before and after closing it.
 */
final class NativeStderrProbe {
    static final String NOTICE = "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n";
    static final String MLIR = "I0000 00:00:1796702693.374148    8200 mlir_graph_optimization_pass.cc:401] MLIR V1"
            + " optimization pass is not enabled\n";
    static final String NATIVE_WARNING = "W0000 00:00:1796702693.374149    8200 op.cc:1] a native warning\n";
    static final String NATIVE_OTHER = "a native line of another kind\n";
    static final String AFTER = "native, after close\n";

    private NativeStderrProbe() {
    }

    public static void main(String[] args) {
        String[] commandLine = args[0].split(" ");
        NativeStderr.LibC libc = Native.load("c", NativeStderr.LibC.class);
        try (NativeStderr stderr = NativeStderr.forCommandLine(commandLine, Logging.verboseRequested(commandLine))) {
            System.out.println("installed " + stderr.installed());
            writeNative(libc, NOTICE);
            writeNative(libc, MLIR);
            writeNative(libc, NATIVE_WARNING);
            System.err.print("\r[progress]");
            System.err.flush();
            System.err.println();
            writeNative(libc, NATIVE_OTHER);
            System.err.println("tool line");
        }
        writeNative(libc, AFTER);
        System.err.println("tool, after close");
    }

    private static void writeNative(NativeStderr.LibC libc, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        try {
            libc.write(2, memory, new NativeLong(bytes.length));
        } catch (LastErrorException e) {
            // descriptor 2 is not writable (a JVM started with stderr closed): native code would fail the same way
        }
    }
}
