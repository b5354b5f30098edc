package ai.human.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading strace logs: which calls leave the machine, in the formats strace 5 and 6 print. */
class SyscallTraceTest {

    @Test
    void unixSocketsNetlinkAndLoopbackStayOnThisMachine() {
        SyscallTrace trace = SyscallTrace.parse(List.of(
                "8584  connect(4, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT (No such"
                        + " file or directory)",
                "8590  sendto(5, [{nlmsg_len=20, nlmsg_type=RTM_GETADDR}], 20, 0, {sa_family=AF_NETLINK, nl_pid=0,"
                        + " nl_groups=00000000}, 12) = 20",
                "8591  connect(7, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "8592  connect(8, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0),"
                        + " inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
                "8593  connect(9, {sa_family=AF_INET6, sin6_port=htons(5000), sin6_flowinfo=htonl(0),"
                        + " inet_pton(AF_INET6, \"::ffff:127.0.0.1\", &sin6_addr), sin6_scope_id=0}, 28) = 0"));

        assertThat(trace.socketCalls()).hasSize(5);
        assertThat(trace.leavingThisMachine()).isEmpty();
    }

    @Test
    void theCloudMetadataAddressLeavesInIpv4AndInMappedIpv6() {
        SyscallTrace trace = SyscallTrace.parse(List.of(
                "8715  connect(52, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"169.254.169.254\")}, 16)"
                        + " = -1 ENETUNREACH (Network is unreachable)",
                "[pid  8716] connect(53, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0),"
                        + " inet_pton(AF_INET6, \"::ffff:169.254.169.254\", &sin6_addr), sin6_scope_id=0}, 28"
                        + " <unfinished ...>"));

        assertThat(trace.leavingThisMachine()).hasSize(2).allSatisfy(call -> {
            assertThat(call.ipv4OrAddress()).isEqualTo("169.254.169.254");
            assertThat(call.port()).isEqualTo(80);
        });
        assertThat(trace.leavingThisMachine().get(0).failedAsUnreachable()).isTrue();
        assertThat(trace.leavingThisMachine().get(1).failedAsUnreachable()).isFalse();
    }

    @Test
    void aNameLookupCountsAsNetworkEvenThroughALoopbackResolver() {
        SyscallTrace trace = SyscallTrace.parse(List.of(
                "900 connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 0",
                "900 sendto(3, \"\\252\\1\\1\\0\", 37, MSG_NOSIGNAL, NULL, 0) = 37"));

        assertThat(trace.socketCalls()).as("the sendto on the connected socket names no address").hasSize(1);
        assertThat(trace.leavingThisMachine()).singleElement()
                .satisfies(call -> assertThat(call.port()).isEqualTo(53));
    }

    @Test
    void anAddressTheParserCannotReadCountsAsLeaving() {
        SyscallTrace trace = SyscallTrace.parse(List.of(
                "901 connect(3, 0x7ffd5e8c, 16) = -1 EFAULT (Bad address)",
                "902 connect(4, {sa_family=AF_INET, sin_port=htons(80), sin_addr=0x7f000001}, 16) = 0",
                "903 sendmsg(5, {msg_name={sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL)}, msg_namelen=20}, 0) = 60"));

        assertThat(trace.leavingThisMachine()).extracting(SocketCall::family)
                .containsExactly("?", "AF_INET?", "AF_PACKET");
    }

    @Test
    void programsAreListedByFileNameAndResumedLinesAreIgnored() {
        SyscallTrace trace = SyscallTrace.parse(List.of(
                "8823  execve(\"/usr/bin/java\", [\"java\", \"-cp\", \"x\"], 0x7fffacb8f798 /* 36 vars */) = 0",
                "8863  execve(\"/sbin/ldconfig\", [\"/sbin/ldconfig\", \"-p\"], 0x7ffe2d734728 /* 36 vars */"
                        + " <unfinished ...>",
                "8863  <... execve resumed>) = 0",
                "8864  <... connect resumed>) = -1 ENETUNREACH (Network is unreachable)",
                "8865  +++ exited with 0 +++"));

        assertThat(trace.programNames()).containsExactly("java", "ldconfig");
        assertThat(trace.socketCalls()).isEmpty();
    }
}
