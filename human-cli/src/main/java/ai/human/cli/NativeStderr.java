package ai.human.cli;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps TensorFlow's start-up INFO lines off the tool's stderr.
 *
 * <p>TensorFlow 2.18 logs some lines from native code through a private copy of absl: the first graph session prints
 * {@code WARNING: All log messages before absl::InitializeLog() is called are written to STDERR} and {@code I0000
 * 00:00:... mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled}. {@code TF_CPP_MIN_LOG_LEVEL}
 * does not reach that copy, absl reads no environment variable, and its setter is not exported from the library that
 * logs, so nothing a process can set turns these lines off. What the tool can do is own file descriptor 2: while a
 * command that may load a native backend runs, descriptor 2 is a pipe, and a thread passes what arrives there on to
 * the real stderr through {@link NativeLogFilter} (warnings, errors and everything else unchanged; only TensorFlow's
 * INFO records dropped). The tool's own stderr ({@link System#err}, the progress bar, the summary) is written
 * straight to the real stderr, never through the pipe, so it is neither delayed nor reordered.
 *
 * <p>Not installed with {@code -v / --verbose} or {@code TF_CPP_MIN_LOG_LEVEL=0} (everything shows, as before), for
 * commands that load no backend, off Linux, when descriptor 2 is not open for writing (a JVM started with stderr
 * closed gives that number to the first file it opens), or when JNA cannot load: then stderr is left as it is.
 */
final class NativeStderr implements AutoCloseable {
    /** The commands that may load a native backend (and so print its start-up lines). */
    static final Set<String> NATIVE_COMMANDS = Set.of("detect", "match", "soak", "backends");

    /** errno of a system call interrupted by a signal: call it again. */
    private static final int EINTR = 4;
    /** fcntl's command for the file status flags, and the access mode in them (Linux). */
    private static final int F_GETFL = 3;
    private static final int O_ACCMODE = 3;
    private static final int O_RDONLY = 0;

    /** How long {@link #close} waits for the filter thread to pass the last native lines on. */
    private static final long DRAIN_MILLIS = 2_000;

    private static final NativeStderr NONE = new NativeStderr();

    private final LibC libc;
    private final int realStderr;
    private final int pipeRead;
    private final int pipeWrite;
    private final PrintStream original;
    private final PrintStream tool;
    private final byte[] endLine;
    private final Thread pump;

    /** The no-op. */
    private NativeStderr() {
        libc = null;
        realStderr = -1;
        pipeRead = -1;
        pipeWrite = -1;
        original = null;
        tool = null;
        endLine = null;
        pump = null;
    }

    /** Descriptor 2 is already the pipe's write end; starts the filter thread. */
    private NativeStderr(LibC libc, int realStderr, int pipeRead, int pipeWrite, PrintStream original) {
        this.libc = libc;
        this.realStderr = realStderr;
        this.pipeRead = pipeRead;
        this.pipeWrite = pipeWrite;
        this.original = original;
        this.tool = new PrintStream(new BufferedOutputStream(new FdOutputStream(libc, realStderr), 128), true,
                stderrCharset());
        this.endLine = ("\u0000human-native-stderr-end-" + System.nanoTime() + "\n").getBytes(StandardCharsets.ISO_8859_1);
        this.pump = new Thread(this::pump, "human-native-stderr");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * For the command line {@code args}: installed when it names one of {@link #NATIVE_COMMANDS}, {@code verbose} is
     * false and the environment does not ask for TensorFlow's INFO lines ({@code TF_CPP_MIN_LOG_LEVEL=0}); otherwise,
     * or when it cannot be installed, a no-op. Must run before anything else writes to stderr or logs.
     */
    static NativeStderr forCommandLine(String[] args, boolean verbose) {
        if (verbose || "0".equals(System.getenv("TF_CPP_MIN_LOG_LEVEL")) || !NATIVE_COMMANDS.contains(command(args))) {
            return NONE;
        }
        return install();
    }

    /** The command the arguments name: the first one that is not an option (the root's options all end the run). */
    static String command(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }

    /**
     * Moves descriptor 2 onto the filtering pipe and {@link System#err} straight to the real stderr; a no-op off Linux
     * or when JNA or a system call fails (stderr then stays as it was).
     */
    static NativeStderr install() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return NONE;
        }
        LibC libc;
        try {
            libc = Native.load("c", LibC.class);
        } catch (LinkageError | RuntimeException e) {
            return NONE; // JNA's native part cannot load here
        }
        PrintStream original = System.err;
        original.flush();
        int real = -1;
        int[] pipe = {-1, -1};
        try {
            // a JVM started with stderr closed reuses descriptor 2 for a file it reads (the jar): leave that alone
            if ((libc.fcntl(2, F_GETFL) & O_ACCMODE) == O_RDONLY) {
                return NONE;
            }
            real = libc.dup(2);
            libc.pipe(pipe);
            libc.dup2(pipe[1], 2);
        } catch (LastErrorException e) {
            closeQuietly(libc, pipe[0], pipe[1], real);
            return NONE; // descriptor 2 was not moved (dup2 is the last step)
        }
        NativeStderr installed = new NativeStderr(libc, real, pipe[0], pipe[1], original);
        System.setErr(installed.tool);
        return installed;
    }

    /** Whether this one filters (false for the no-op). */
    boolean installed() {
        return pump != null;
    }

    /**
     * Gives descriptor 2 back to the real stderr, waits until the filter has passed on what the native code wrote
     * before, and makes {@link System#err} the original stream again.
     */
    @Override
    public void close() {
        if (!installed()) {
            return;
        }
        tool.flush();
        System.setErr(original);
        try {
            libc.dup2(realStderr, 2);
            FdOutputStream.writeFully(libc, pipeWrite, endLine, endLine.length); // after every native line, in order
        } catch (LastErrorException | IOException e) {
            // the pipe's reader is gone: there is nothing left to wait for
        }
        closeQuietly(libc, pipeWrite);
        try {
            pump.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!pump.isAlive()) {
            closeQuietly(libc, pipeRead, realStderr);
        }
    }

    /**
     * The filter thread: the pipe → {@link NativeLogFilter} → the real stderr, until the end line or end of file. If
     * the real stderr fails (its reader went away), it goes on reading and drops what arrives, so that native code
     * never blocks on a full pipe.
     */
    private void pump() {
        NativeLogFilter filter = new NativeLogFilter(new FdOutputStream(libc, realStderr), endLine);
        NativeLogFilter discard = new NativeLogFilter(OutputStream.nullOutputStream(), endLine);
        boolean broken = false;
        Memory buffer = new Memory(8192);
        boolean ended = false;
        while (!ended) {
            long n;
            try {
                n = libc.read(pipeRead, buffer, new NativeLong(buffer.size())).longValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINTR) {
                    continue;
                }
                break;
            }
            if (n <= 0) {
                break;
            }
            byte[] bytes = buffer.getByteArray(0, (int) n);
            try {
                ended = (broken ? discard : filter).accept(bytes, (int) n);
            } catch (IOException e) {
                broken = true;
            }
        }
        try {
            filter.finish();
        } catch (IOException e) {
            // the real stderr is gone: nothing left to show the last line on
        }
    }

    private static void closeQuietly(LibC libc, int... fds) {
        for (int fd : fds) {
            if (fd >= 0) {
                try {
                    libc.close(fd);
                } catch (LastErrorException e) {
                    // already closed: nothing to release
                }
            }
        }
    }

    /** The charset the JVM gave {@link System#err}. */
    private static Charset stderrCharset() {
        String name = System.getProperty("sun.stderr.encoding");
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** The C library functions this needs. */
    interface LibC extends Library {
        int dup(int fd) throws LastErrorException;

        int dup2(int fd, int target) throws LastErrorException;

        int pipe(int[] fds) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int fcntl(int fd, int command) throws LastErrorException;

        NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;
    }

    /** Writes to a file descriptor with {@code write(2)}. */
    static final class FdOutputStream extends OutputStream {
        private final LibC libc;
        private final int fd;

        FdOutputStream(LibC libc, int fd) {
            this.libc = libc;
            this.fd = fd;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        /** Like {@link java.io.FileOutputStream}'s, a failure is an {@link IOException} (which PrintStream keeps). */
        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            byte[] part = offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset,
                    offset + length);
            writeFully(libc, fd, part, length);
        }

        static void writeFully(LibC libc, int fd, byte[] bytes, int length) throws IOException {
            Memory memory = new Memory(length);
            memory.write(0, bytes, 0, length);
            long done = 0;
            while (done < length) {
                try {
                    done += libc.write(fd, memory.share(done), new NativeLong(length - done)).longValue();
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new IOException("write to descriptor " + fd + " failed: errno " + e.getErrorCode(), e);
                    }
                }
            }
        }
    }
}
