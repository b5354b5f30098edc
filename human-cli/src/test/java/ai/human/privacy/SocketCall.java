package ai.human.privacy;

import java.util.Locale;
import java.util.Set;

/**
 * One system call, seen by strace, that names where data goes: {@code connect}, or {@code sendto}/{@code sendmsg}/
 * {@code sendmmsg} with a destination address.
 *
 * @param syscall the call, e.g. {@code connect}
 * @param family  the address family as strace prints it, e.g. {@code AF_INET6}
 * @param address the IP address, socket path or netlink id ({@code ?} when strace printed none)
 * @param port    the TCP/UDP port, or -1 when the family has none
 * @param line    the whole strace line, for messages
 */
record SocketCall(String syscall, String family, String address, int port, String line) {
    private static final int DNS_PORT = 53;
    private static final Set<String> ON_THIS_MACHINE = Set.of("AF_UNIX", "AF_LOCAL", "AF_NETLINK", "AF_UNSPEC");

    /**
     * Whether the call stays on this machine: a Unix socket, the kernel's netlink, or loopback (127.0.0.0/8, ::1,
     * ::ffff:127.x), except port 53: a name lookup goes to a resolver that asks the network, so it counts as network
     * use even through a resolver on loopback.
     */
    public boolean staysOnThisMachine() {
        if (ON_THIS_MACHINE.contains(family)) {
            return true;
        }
        boolean ip = family.equals("AF_INET") || family.equals("AF_INET6");
        return ip && port != DNS_PORT && isLoopback();
    }

    /** The IP address, with an IPv4-mapped IPv6 address written as IPv4 ({@code ::ffff:1.2.3.4} is {@code 1.2.3.4}). */
    public String ipv4OrAddress() {
        String lower = address.toLowerCase(Locale.ROOT);
        return lower.startsWith("::ffff:") && lower.indexOf('.') > 0 ? lower.substring("::ffff:".length()) : lower;
    }

    /** Whether the call failed on this machine with {@code ENETUNREACH}: no interface or route, or strace's doing. */
    public boolean failedAsUnreachable() {
        return line.contains("= -1 ENETUNREACH");
    }

    private boolean isLoopback() {
        String v4 = ipv4OrAddress();
        return v4.startsWith("127.") || v4.equals("::1") || v4.equals("0:0:0:0:0:0:0:1");
    }

    @Override
    public String toString() {
        return syscall + " " + family + " " + address + (port >= 0 ? " port " + port : "");
    }
}
