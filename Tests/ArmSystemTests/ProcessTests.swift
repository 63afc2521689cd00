import ArmSystem
import Glibc
import Testing

@Suite(.timeLimit(.minutes(2))) struct ProcStatTests {
    private static func statLine(pid: Int32, command: String) -> String {
        // Fields 3…22: state, ppid, pgrp, session, tty, tpgid, flags, 4 fault counters, 4 times,
        // priority, nice, threads, itrealvalue, starttime; then more.
        "\(pid) (\(command)) S 1 700 701 0 -1 4194560 150 0 0 0 3 1 0 0 20 0 1 0 987654 12345 678 18446744073709551615\n"
    }

    @Test func parsesSessionAndStartTime() throws {
        let stat = try #require(ProcStat.parse(Self.statLine(pid: 812, command: "start.sh")))
        #expect(
            stat
                == ProcStat(
                    pid: 812,
                    command: "start.sh",
                    state: "S",
                    parentPid: 1,
                    processGroup: 700,
                    session: 701,
                    startTimeTicks: 987654
                )
        )
    }

    @Test func commandMayContainSpacesAndParentheses() throws {
        let stat = try #require(ProcStat.parse(Self.statLine(pid: 9, command: "my (odd) ) name")))
        #expect(stat.command == "my (odd) ) name")
        #expect(stat.session == 701)
        #expect(stat.startTimeTicks == 987654)
    }

    @Test func truncatedTextIsRejected() {
        #expect(ProcStat.parse("812 (sh) S 1 2 3") == nil)
        #expect(ProcStat.parse("no parentheses at all") == nil)
        #expect(ProcStat.parse("x (sh) S 1 700 701 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0") == nil)
    }

    @Test func readsThisProcess() throws {
        let stat = try ProcStat.read(pid: getpid())
        #expect(stat.pid == getpid())
        #expect(stat.session == getsid(0))
        #expect(stat.processGroup == getpgrp())
        #expect(stat.startTimeTicks > 0)
        #expect(ProcStat.ticksPerSecond > 0)
    }

    @Test func missingProcessIsENOENT() {
        #expect(throws: SystemError.call("open", path: "/proc/2147483647/stat", errno: ENOENT)) {
            try ProcStat.read(pid: Int32.max)
        }
    }
}

@Suite(.timeLimit(.minutes(2))) struct AccountsTests {
    static let status = """
        Name:\tarmgstrt
        Umask:\t0022
        State:\tS (sleeping)
        Tgid:\t4242
        Pid:\t4242
        Uid:\t1000\t1001\t1000\t1000
        Gid:\t100\t101\t100\t100
        FDSize:\t64
        Groups:\t4 24 990 
        NStgid:\t4242
        """

    @Test func parsesUidGidAndGroupsLines() throws {
        let credentials = try #require(ProcessCredentials.parse(status: Self.status))
        #expect(
            credentials
                == ProcessCredentials(
                    realUID: 1000,
                    effectiveUID: 1001,
                    realGID: 100,
                    effectiveGID: 101,
                    supplementaryGIDs: [4, 24, 990]
                )
        )
    }

    @Test func membershipCountsThePrimaryAndSupplementaryGroups() throws {
        let credentials = try #require(ProcessCredentials.parse(status: Self.status))
        #expect(credentials.isMember(ofGroup: 101))
        #expect(credentials.isMember(ofGroup: 990))
        #expect(!credentials.isMember(ofGroup: 5))
    }

    @Test func emptyGroupsLineMeansNoSupplementaryGroups() throws {
        let credentials = try #require(
            ProcessCredentials.parse(status: "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nGroups:\t\n")
        )
        #expect(credentials.supplementaryGIDs.isEmpty)
    }

    @Test func missingOrMalformedLinesAreRejected() {
        #expect(ProcessCredentials.parse(status: "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n") == nil)
        #expect(ProcessCredentials.parse(status: "Uid:\t0\t0\t0\t0\nGid:\tx\t0\nGroups:\t\n") == nil)
    }

    @Test func readsThisProcessCredentials() throws {
        let credentials = try Accounts.groups(ofPid: getpid())
        #expect(credentials.effectiveUID == geteuid())
        #expect(credentials.effectiveGID == getegid())
        #expect(Accounts.isRoot == (geteuid() == 0))
    }

    @Test func looksUpRoot() throws {
        #expect(try Accounts.user(named: "root")?.uid == 0)
        #expect(try Accounts.user(id: 0)?.name == "root")
        #expect(try Accounts.group(named: "root")?.gid == 0)
        #expect(try Accounts.group(id: 0)?.name == "root")
    }

    @Test func unknownNamesAreNil() throws {
        #expect(try Accounts.user(named: "no-such-user-armtest") == nil)
        #expect(try Accounts.group(named: "no-such-group-armtest") == nil)
    }

    @Test func adminGroupFallsBackToRoot() throws {
        let expected = try Accounts.group(named: "armadm")?.gid ?? 0
        #expect(try Accounts.adminGroupID() == expected)
    }
}

@Suite(.timeLimit(.minutes(2))) struct PeerCredentialsTests {
    @Test func socketPairPeerIsThisProcess() throws {
        var pair: [Int32] = [-1, -1]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer {
            close(pair[0])
            close(pair[1])
        }
        let credentials = try PeerCredentials.of(socket: pair[0])
        #expect(credentials == PeerCredentials(pid: getpid(), uid: geteuid(), gid: getegid()))
    }

    @Test func nonSocketIsAnError() {
        #expect(throws: SystemError.self) { try PeerCredentials.of(socket: -1) }
    }
}
