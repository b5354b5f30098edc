package ai.human.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a strace log ({@code strace -f -o FILE -e trace=connect,sendto,sendmsg,sendmmsg,execve}) says about a process
 * tree: the calls that name a network destination, and the programs it ran or tried to run.
 *
 * <p>A {@code sendto} or {@code sendmsg} without an address writes to an already connected socket; that socket's
 * {@code connect} is in the list. A call whose address cannot be read is kept with family {@code ?}, which does not
 * count as local, so an unexpected strace format fails the check instead of hiding a connection.
 */
record SyscallTrace(List<SocketCall> socketCalls, List<String> programs) {
    /** The calls whose destination strace prints in the arguments. */
    static final Set<String> ADDRESSED_CALLS = Set.of("connect", "sendto", "sendmsg", "sendmmsg");

    private static final Pattern CALL = Pattern.compile("^(?:\\[pid\\s+)?\\d*\\]?\\s*(\\w+)\\((.*)$");
    private static final Pattern FAMILY = Pattern.compile("sa_family=(\\w+)");
    private static final Pattern IPV4 = Pattern.compile("inet_addr\\(\"([^\"]+)\"\\)");
    private static final Pattern IPV6 = Pattern.compile("inet_pton\\(AF_INET6,\\s*\"([^\"]+)\"");
    private static final Pattern PORT = Pattern.compile("sin6?_port=htons\\((\\d+)\\)");
    private static final Pattern UNIX_PATH = Pattern.compile("sun_path=(@?\"[^\"]*\")");
    private static final Pattern PROGRAM = Pattern.compile("^\"([^\"]*)\"");

    public SyscallTrace {
        socketCalls = List.copyOf(socketCalls);
        programs = List.copyOf(programs);
    }

    /** Reads a strace output file. */
    public static SyscallTrace read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the strace log " + file, e);
        }
    }

    /** Parses strace lines (with or without a leading pid, as {@code -f -o FILE} writes them). */
    public static SyscallTrace parse(List<String> lines) {
        List<SocketCall> calls = new ArrayList<>();
        List<String> programs = new ArrayList<>();
        for (String line : lines) {
            Matcher call = CALL.matcher(line.strip());
            if (!call.matches()) {
                continue;
            }
            String name = call.group(1);
            String arguments = call.group(2);
            if (name.equals("execve")) {
                Matcher program = PROGRAM.matcher(arguments);
                if (program.find()) {
                    programs.add(program.group(1));
                }
            } else if (ADDRESSED_CALLS.contains(name) && (arguments.contains("sa_family=")
                    || (name.equals("connect") && !arguments.contains("<unfinished")))) {
                calls.add(socketCall(name, arguments, line));
            }
        }
        return new SyscallTrace(calls, programs);
    }

    /** The calls that do not stay on this machine (see {@link SocketCall#staysOnThisMachine()}). */
    public List<SocketCall> leavingThisMachine() {
        return socketCalls.stream().filter(call -> !call.staysOnThisMachine()).toList();
    }

    /** The file names of the programs the process tree ran or tried to run ({@code execve}), e.g. {@code java}. */
    public List<String> programNames() {
        return programs.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
    }

    private static SocketCall socketCall(String name, String arguments, String line) {
        Matcher family = FAMILY.matcher(arguments);
        if (!family.find()) {
            return new SocketCall(name, "?", "?", -1, line);
        }
        String fam = family.group(1);
        Matcher port = PORT.matcher(arguments);
        int portNumber = port.find() ? Integer.parseInt(port.group(1)) : -1;
        Matcher v4 = IPV4.matcher(arguments);
        Matcher v6 = IPV6.matcher(arguments);
        Matcher path = UNIX_PATH.matcher(arguments);
        String address = switch (fam) {
            case "AF_INET" -> v4.find() ? v4.group(1) : "?";
            case "AF_INET6" -> v6.find() ? v6.group(1) : "?";
            case "AF_UNIX", "AF_LOCAL" -> path.find() ? path.group(1) : "?";
            default -> "?";
        };
        if ((fam.equals("AF_INET") || fam.equals("AF_INET6")) && address.equals("?")) {
            fam = fam + "?";
        }
        return new SocketCall(name, fam, address, portNumber, line);
    }
}
