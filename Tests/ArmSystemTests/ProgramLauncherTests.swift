import ArmCore
import ArmSystem
import CArmSpawn
import Glibc
import Synchronization
import Testing

/// Records what a program reported, and lets a test await it (no polling).
final class ProgramRecorder: Sendable {
    private let exitStream: AsyncStream<ProgramExit>
    private let exitContinuation: AsyncStream<ProgramExit>.Continuation
    private let lineStream: AsyncStream<String>
    private let lineContinuation: AsyncStream<String>.Continuation
    private let readyStream: AsyncStream<Void>
    private let readyContinuation: AsyncStream<Void>.Continuation
    private let log = Mutex<[String]>([])

    init() {
        (exitStream, exitContinuation) = AsyncStream.makeStream()
        (lineStream, lineContinuation) = AsyncStream.makeStream()
        (readyStream, readyContinuation) = AsyncStream.makeStream()
    }

    var events: ProgramEvents {
        ProgramEvents(
            exited: { [self] exit in
                log.withLock { $0.append("exit \(exit)") }
                exitContinuation.yield(exit)
            },
            line: { [self] stream, line in
                log.withLock { $0.append("\(stream.rawValue) \(line)") }
                lineContinuation.yield(line)
            },
            ready: { [self] in
                log.withLock { $0.append("ready") }
                readyContinuation.yield()
            }
        )
    }

    /// Everything reported so far, in order: `OUT text`, `ERR text`, `ready`, `exit …`.
    var record: [String] { log.withLock { $0 } }

    func lines(_ stream: OutputStream) -> [String] {
        record.filter { $0.hasPrefix(stream.rawValue + " ") }.map { String($0.dropFirst(4)) }
    }

    var exitCount: Int { record.filter { $0.hasPrefix("exit ") }.count }

    /// The next exit report.
    func exit() async -> ProgramExit? {
        for await exit in exitStream { return exit }
        return nil
    }

    /// The next output line (either stream).
    func nextLine() async -> String? {
        for await line in lineStream { return line }
        return nil
    }

    /// Waits for the first `READY=1`.
    func ready() async -> Bool {
        for await _ in readyStream { return true }
        return false
    }
}

@Suite(.timeLimit(.minutes(1)))
struct ProgramLauncherTests {
    let directory: TemporaryDirectory
    let launcher = LiveProgramLauncher()

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func shell(
        _ command: String,
        _ extra: [String] = [],
        environment: [String: String] = ["PATH": "/usr/bin:/bin"],
        workingDirectory: String? = nil,
        user: ProgramUser? = nil,
        notifySocketPath: String? = nil
    ) -> ProgramSpec {
        ProgramSpec(
            path: "/bin/sh",
            arguments: ["sh", "-c", command] + extra,
            environment: environment,
            workingDirectory: workingDirectory ?? directory.path,
            user: user,
            notifySocketPath: notifySocketPath
        )
    }

    // MARK: - Start, output, exit

    @Test func exitStatusAndOutputLinesAreReported() async throws {
        let recorder = ProgramRecorder()
        _ = try launcher.launch(
            shell("echo out1; echo err1 >&2; printf 'out2\\r\\n'; printf tail; exit 3"),
            events: recorder.events
        )
        #expect(await recorder.exit() == .exited(3))
        // Everything the program wrote is reported before its exit.
        #expect(recorder.lines(.stdout) == ["out1", "out2", "tail"])
        #expect(recorder.lines(.stderr) == ["err1"])
        #expect(recorder.record.last == "exit exited(3)")
        #expect(recorder.exitCount == 1)
    }

    @Test func programLeadsItsOwnSessionAndProcessGroup() async throws {
        let recorder = ProgramRecorder()
        let program = try launcher.launch(shell("cat /proc/$$/stat"), events: recorder.events)
        #expect(await recorder.exit() == .exited(0))
        let line = try #require(recorder.lines(.stdout).first)
        let stat = try #require(ProcStat.parse(line))
        #expect(stat.pid == program.pid)
        #expect(stat.processGroup == program.pid)
        #expect(stat.session == program.pid)
        #expect(stat.startTimeTicks == program.startTicks)
    }

    @Test func programGetsUmask022NullStdinTheEnvironmentAndTheWorkingDirectory() async throws {
        let work = directory.file("work dir")
        try Directories.ensure(path: work, mode: 0o755)
        let recorder = ProgramRecorder()
        _ = try launcher.launch(
            shell(
                "umask; readlink /proc/self/fd/0; pwd -P; echo \"$GREETING|${NOTIFY_SOCKET-unset}\"",
                environment: ["PATH": "/usr/bin:/bin", "GREETING": "a  b", "NOTIFY_SOCKET": "/run/systemd/notify"],
                workingDirectory: work
            ),
            events: recorder.events
        )
        #expect(await recorder.exit() == .exited(0))
        // An inherited NOTIFY_SOCKET is not passed on when the spec asks for none.
        #expect(recorder.lines(.stdout) == ["0022", "/dev/null", work, "a  b|unset"])
    }

    @Test func programStartsWithNoBlockedOrIgnoredSignals() async throws {
        // This process ignores SIGPIPE at least (SigIgn 0x1000 when run under swift test).
        let recorder = ProgramRecorder()
        _ = try launcher.launch(shell("exec grep -E '^Sig(Blk|Ign)' /proc/self/status"), events: recorder.events)
        #expect(await recorder.exit() == .exited(0))
        #expect(recorder.lines(.stdout) == ["SigBlk:\t0000000000000000", "SigIgn:\t0000000000000000"])
    }

    @Test func onlyTheStandardDescriptorsReachTheProgram() async throws {
        // A descriptor of ours that is not close-on-exec must still not leak into the program.
        let leaked = open("/dev/null", O_RDONLY)
        try #require(leaked >= 0)
        defer { close(leaked) }
        let recorder = ProgramRecorder()
        _ = try launcher.launch(shell("ls /proc/self/fd"), events: recorder.events)
        #expect(await recorder.exit() == .exited(0))
        // 3 is the directory ls itself reads.
        #expect(Set(recorder.lines(.stdout)) == ["0", "1", "2", "3"])
    }

    @Test func exitIsReportedWhileABackgroundChildStillHoldsTheOutput() async throws {
        let recorder = ProgramRecorder()
        let program = try launcher.launch(shell("sleep 1000 & echo launched; exit 0"), events: recorder.events)
        #expect(await recorder.exit() == .exited(0))
        #expect(recorder.lines(.stdout) == ["launched"])
        #expect(launcher.isGroupAlive(program.pid))
        launcher.signalGroup(program.pid, signal: SIGKILL)
    }

    @Test func linesOfABackgroundChildAfterTheExitAreStillReported() async throws {
        let fifo = directory.file("go")
        try #require(mkfifo(fifo, 0o600) == 0)
        let recorder = ProgramRecorder()
        let program = try launcher.launch(
            shell("(read x < \"$0\"; echo late) & echo early", [fifo]),
            events: recorder.events
        )
        #expect(await recorder.nextLine() == "early")
        #expect(await recorder.exit() == .exited(0))
        let writer = open(fifo, O_WRONLY | O_CLOEXEC)
        try #require(writer >= 0)
        _ = write(writer, "go\n", 3)
        close(writer)
        #expect(await recorder.nextLine() == "late")
        #expect(recorder.record == ["OUT early", "exit exited(0)", "OUT late"])
        launcher.signalGroup(program.pid, signal: SIGKILL)
    }

    @Test func largeOutputArrivesCompleteAndInOrder() async throws {
        let recorder = ProgramRecorder()
        _ = try launcher.launch(
            shell("i=0; while [ $i -lt 20000 ]; do echo line$i; i=$((i+1)); done"),
            events: recorder.events
        )
        #expect(await recorder.exit() == .exited(0))
        let stdout = recorder.lines(.stdout)
        #expect(stdout.count == 20000)
        #expect(stdout.first == "line0")
        #expect(stdout.last == "line19999")
    }

    // MARK: - Signals and groups

    @Test func exitIsReportedByEventWhenTheGroupIsTerminated() async throws {
        let recorder = ProgramRecorder()
        let program = try launcher.launch(
            ProgramSpec(
                path: "/bin/sleep",
                arguments: ["sleep", "1000"],
                environment: [:],
                workingDirectory: "/"
            ),
            events: recorder.events
        )
        #expect(launcher.isGroupAlive(program.pid))
        #expect(launcher.signalGroup(program.pid, signal: SignalNumber.terminate))
        #expect(await recorder.exit() == .signaled(SIGTERM))
    }

    @Test(arguments: [SignalNumber.terminate, SignalNumber.kill])
    func signalGroupReachesABackgroundGrandchild(signal: Int32) async throws {
        let recorder = ProgramRecorder()
        let program = try launcher.launch(shell("sleep 1000 & echo $!; wait"), events: recorder.events)
        let printed = await recorder.nextLine()
        let grandchild = try #require(printed.flatMap { Int32($0) })
        #expect(try ProcStat.read(pid: grandchild).processGroup == program.pid)
        #expect(launcher.signalGroup(program.pid, signal: signal))
        #expect(await recorder.exit() == .signaled(signal))
        // The grandchild is an orphan now; init reaps it.
        #expect(eventually(within: 20) { !launcher.isGroupAlive(program.pid) })
        #expect(!launcher.signalGroup(program.pid, signal: signal))
    }

    @Test func groupIdsThatWouldHitEveryoneAreRefused() {
        #expect(!launcher.signalGroup(0, signal: 0))
        #expect(!launcher.signalGroup(1, signal: 0))
        #expect(!launcher.signalGroup(-1, signal: 0))
        #expect(!launcher.isGroupAlive(1))
    }

    // MARK: - Errors

    @Test func missingProgramIsNotFound() {
        let spec = ProgramSpec(
            path: directory.file("missing"),
            arguments: ["missing"],
            environment: [:],
            workingDirectory: "/"
        )
        #expect(throws: LaunchError.notFound(errno: ENOENT)) {
            try launcher.launch(spec, events: ProgramEvents(exited: { _ in }))
        }
    }

    @Test func nonExecutableFileIsNotExecutable() throws {
        let path = directory.file("plain")
        try FileIO.writeAtomically(path: path, text: "#!/bin/sh\nexit 0\n", mode: 0o644)
        let spec = ProgramSpec(path: path, arguments: ["plain"], environment: [:], workingDirectory: "/")
        // Root may execute any file with at least one x bit; with none, EACCES holds for root too.
        #expect(throws: LaunchError.notExecutable(errno: EACCES)) {
            try launcher.launch(spec, events: ProgramEvents(exited: { _ in }))
        }
    }

    @Test func missingWorkingDirectoryIsASpawnFailure() {
        #expect(throws: LaunchError.spawnFailed(errno: ENOENT)) {
            try launcher.launch(
                shell("exit 0", workingDirectory: directory.file("nowhere")),
                events: ProgramEvents(exited: { _ in })
            )
        }
    }

    @Test func refusedGroupListIsAUserSwitchFailure() {
        // setgroups rejects an invalid gid (EINVAL), even for root.
        let user = ProgramUser(
            name: "nobody",
            uid: 65534,
            gid: 65534,
            groups: [UInt32.max],
            home: "/",
            shell: "/bin/sh"
        )
        #expect(throws: LaunchError.userSwitchFailed(errno: EINVAL)) {
            try launcher.launch(
                shell("exit 0", workingDirectory: "/", user: user),
                events: ProgramEvents(exited: { _ in })
            )
        }
    }

    // MARK: - Users

    @Test func lookupUserReturnsPasswdAndGroups() throws {
        let root = try #require(launcher.lookupUser("root"))
        #expect(root.uid == 0 && root.gid == 0)
        #expect(root.groups.contains(0))
        #expect(!root.home.isEmpty)
        #expect(launcher.lookupUser("no-such-user-armcluster") == nil)
        #expect(launcher.lookupUser("") == nil)
    }

    @Test func programRunsAsTheRequestedUser() async throws {
        try #require(geteuid() == 0, "switching users needs root")
        let nobody = try #require(launcher.lookupUser("nobody"))
        let recorder = ProgramRecorder()
        let program = try launcher.launch(
            shell(
                "id -u; id -g; cat /proc/self/status; echo \"env $HOME|$USER|$LOGNAME|$SHELL\"; echo ready; exec sleep 1000",
                environment: ["PATH": "/usr/bin:/bin", "HOME": "/root", "USER": "root"],
                workingDirectory: "/",
                user: nobody
            ),
            events: recorder.events
        )
        while let line = await recorder.nextLine(), line != "ready" {}
        // While it runs, the kernel shows the account's ids.
        let credentials = try Accounts.groups(ofPid: program.pid)
        #expect(credentials.realUID == nobody.uid && credentials.effectiveUID == nobody.uid)
        #expect(credentials.realGID == nobody.gid && credentials.effectiveGID == nobody.gid)
        #expect(credentials.supplementaryGIDs == nobody.groups)
        launcher.signalGroup(program.pid, signal: SIGKILL)
        #expect(await recorder.exit() == .signaled(SIGKILL))

        let stdout = recorder.lines(.stdout)
        #expect(Array(stdout.prefix(2)) == ["\(nobody.uid)", "\(nobody.gid)"])
        let uidLine = try #require(stdout.first { $0.hasPrefix("Uid:") })
        #expect(
            uidLine.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().allSatisfy { $0 == "\(nobody.uid)" }
        )
        #expect(stdout.contains("env \(nobody.home)|nobody|nobody|\(nobody.shell)"))
    }

    @Test func userMustBeAbleToEnterTheWorkingDirectory() throws {
        try #require(geteuid() == 0, "switching users needs root")
        let nobody = try #require(launcher.lookupUser("nobody"))
        // mkdtemp makes the directory 0700, so nobody cannot enter it.
        #expect(throws: LaunchError.spawnFailed(errno: EACCES)) {
            try launcher.launch(shell("exit 0", user: nobody), events: ProgramEvents(exited: { _ in }))
        }
    }

    // MARK: - Readiness

    @Test func readyIsReportedOnceWhenTheProgramSendsReadyOne() async throws {
        let socketPath = directory.file("notify.sock")
        let recorder = ProgramRecorder()
        let program = try launcher.launch(
            shell("echo \"$NOTIFY_SOCKET\"; exec sleep 1000", notifySocketPath: socketPath),
            events: recorder.events
        )
        #expect(await recorder.nextLine() == socketPath)
        #expect(permissions(socketPath) == 0o600)
        // Send as sd_notify does (any process may; the socket is only writable by the program's user).
        #expect(sendDatagram("STATUS=starting", to: socketPath))
        #expect(sendDatagram("STATUS=up\nREADY=1\n", to: socketPath))
        #expect(sendDatagram("READY=1", to: socketPath))
        #expect(await recorder.ready())
        launcher.signalGroup(program.pid, signal: SIGTERM)
        #expect(await recorder.exit() == .signaled(SIGTERM))
        #expect(recorder.record.filter { $0 == "ready" }.count == 1)
        // The socket is gone with the program.
        #expect(access(socketPath, F_OK) != 0)
    }

    @Test func readySentJustBeforeTheExitIsReportedBeforeIt() async throws {
        let socketPath = directory.file("late.sock")
        let recorder = ProgramRecorder()
        let program = try launcher.launch(
            shell("exec sleep 1000", notifySocketPath: socketPath),
            events: recorder.events
        )
        #expect(sendDatagram("READY=1", to: socketPath))
        launcher.signalGroup(program.pid, signal: SIGKILL)
        #expect(await recorder.exit() == .signaled(SIGKILL))
        #expect(recorder.record == ["ready", "exit signaled(9)"])
    }

    @Test func notifySocketPathTooLongIsASpawnFailure() {
        let path = directory.file(String(repeating: "n", count: 120))
        #expect(throws: LaunchError.spawnFailed(errno: ENAMETOOLONG)) {
            try launcher.launch(shell("exit 0", notifySocketPath: path), events: ProgramEvents(exited: { _ in }))
        }
    }

    // MARK: - Attach

    @Test func attachWatchesAProgramThatIsNotOurChild() async throws {
        let starter = ProgramRecorder()
        _ = try launcher.launch(shell("sleep 1000 & echo $!"), events: starter.events)
        let printed = await starter.nextLine()
        let pid = try #require(printed.flatMap { Int32($0) })
        #expect(await starter.exit() == .exited(0))
        let ticks = try ProcStat.read(pid: pid).startTimeTicks

        #expect(launcher.attach(pid: pid, startTicks: ticks + 1, events: ProgramEvents(exited: { _ in })) == nil)
        let recorder = ProgramRecorder()
        let attached = try #require(launcher.attach(pid: pid, startTicks: ticks, events: recorder.events))
        #expect(attached == LaunchedProgram(pid: pid, startTicks: ticks))
        kill(pid, SIGKILL)
        #expect(await recorder.exit() == .unknown)
        #expect(recorder.record == ["exit unknown"])
    }

    @Test func attachToAGoneProcessIsNil() async throws {
        let recorder = ProgramRecorder()
        let program = try launcher.launch(shell("exit 0"), events: recorder.events)
        #expect(await recorder.exit() == .exited(0))
        #expect(launcher.attach(pid: program.pid, startTicks: program.startTicks, events: recorder.events) == nil)
        #expect(launcher.attach(pid: 0, startTicks: 0, events: recorder.events) == nil)
    }

    @Test func processStartTicksAreThoseOfProcStatAndNilForAGoneProcess() async throws {
        let own = getpid()
        #expect(launcher.processStartTicks(pid: own) == (try ProcStat.read(pid: own).startTimeTicks))
        let recorder = ProgramRecorder()
        let program = try launcher.launch(shell("exit 0"), events: recorder.events)
        #expect(await recorder.exit() == .exited(0))
        #expect(launcher.processStartTicks(pid: program.pid) == nil)
        #expect(launcher.processStartTicks(pid: 1) == nil)
    }

    // MARK: - Many programs

    @Test func twoHundredFiftySixConcurrentProgramsAreAllReportedByOneThread() async throws {
        let (stream, continuation) = AsyncStream<(Int32, ProgramExit)>.makeStream()
        var programs: [LaunchedProgram] = []
        for _ in 0..<256 {
            let pidBox = Box<Int32>()
            let program = try launcher.launch(
                ProgramSpec(path: "/bin/sleep", arguments: ["sleep", "1000"], environment: [:], workingDirectory: "/"),
                events: ProgramEvents(exited: { exit in
                    // The pid is set before the program can be signalled.
                    continuation.yield((pidBox.value ?? -1, exit))
                })
            )
            pidBox.set(program.pid)
            programs.append(program)
        }
        #expect(watcherThreadCount() == 1)
        #expect(programs.allSatisfy { launcher.isGroupAlive($0.pid) })
        var expected: [Int32: ProgramExit] = [:]
        for (index, program) in programs.enumerated() {
            let signal = index.isMultiple(of: 2) ? SIGTERM : SIGKILL
            expected[program.pid] = .signaled(signal)
            launcher.signalGroup(program.pid, signal: signal)
        }
        var reported: [Int32: ProgramExit] = [:]
        for await (pid, exit) in stream {
            #expect(reported[pid] == nil)
            reported[pid] = exit
            if reported.count == programs.count { break }
        }
        #expect(reported == expected)
        #expect(watcherThreadCount() == 1)
    }
}

/// Threads of this process with the given name (by default that of the shared watcher).
func watcherThreadCount(named threadName: String = "arm-watcher") -> Int {
    guard let directory = opendir("/proc/self/task") else { return -1 }
    defer { closedir(directory) }
    var count = 0
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard name != "." && name != ".." else { continue }
        if contents("/proc/self/task/\(name)/comm") == threadName + "\n" { count += 1 }
    }
    return count
}

/// Sends one datagram to an AF_UNIX path, as sd_notify does.
private func sendDatagram(_ text: String, to path: String) -> Bool {
    let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        raw.copyBytes(from: bytes)
    }
    let payload = Array(text.utf8)
    let sent = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            sendto(descriptor, payload, payload.count, 0, socketAddress, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
    }
    return sent == payload.count
}

/// `armload /W`: the test process itself is the caller, so these run one at a time.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct SyncProgramTests {
    private func shell(_ command: String) -> ProgramSpec {
        ProgramSpec(
            path: "/bin/sh",
            arguments: ["sh", "-c", command],
            environment: ["PATH": "/usr/bin:/bin"],
            workingDirectory: "/"
        )
    }

    @Test func exitStatusIsPassedThrough() {
        let result = SyncProgram.run(shell("exit 7"))
        #expect(result == .success(.exited(7)))
        #expect(SyncProgram.exitStatus(of: .exited(7)) == 7)
    }

    @Test func signalDeathBecomes128PlusTheSignal() {
        let result = SyncProgram.run(shell("kill -KILL $$"))
        #expect(result == .success(.signaled(SIGKILL)))
        #expect(SyncProgram.exitStatus(of: .signaled(SIGKILL)) == 137)
        #expect(SyncProgram.exitStatus(of: .unknown) == 1)
    }

    @Test func programInheritsTheStandardDescriptorsAndLeadsItsOwnGroup() {
        // The program checks for itself (its output would go to the test's own stdout) and exits 0 only
        // when its 0, 1 and 2 are ours and it leads its own session and process group.
        let expected = (0...2).map { linkTarget("/proc/self/fd/\($0)") ?? "/dev/null" }
        let check = """
            [ "$(readlink /proc/$$/fd/0)" = "$0" ] || exit 10
            [ "$(readlink /proc/$$/fd/1)" = "$1" ] || exit 11
            [ "$(readlink /proc/$$/fd/2)" = "$2" ] || exit 12
            set -- $(sed 's/.*) //' /proc/$$/stat)
            [ "$3" = "$$" ] && [ "$4" = "$$" ] || exit 13
            [ "$(umask)" = 0022 ] || exit 14
            """
        var spec = shell(check)
        spec.arguments += expected
        #expect(SyncProgram.run(spec) == .success(.exited(0)))
    }

    @Test func missingProgramIsNotFound() {
        let spec = ProgramSpec(
            path: "/nonexistent/program",
            arguments: ["program"],
            environment: [:],
            workingDirectory: "/"
        )
        #expect(SyncProgram.run(spec) == .failure(.notFound(errno: ENOENT)))
    }

    // Real signals to the test process would also reach other suites' handlers (ServiceLifecycle in the
    // monitor tests), so the forwarding is tested through its C handler, called directly.

    @Test func forwardingHandlerSendsTheSignalToTheProgramGroup() async throws {
        let launcher = LiveProgramLauncher()
        let recorder = ProgramRecorder()
        let program = try launcher.launch(sleeper(), events: recorder.events)
        arm_forward_set_group(program.pid)
        arm_forward_signal(SIGINT)
        #expect(await recorder.exit() == .signaled(SIGINT))
        arm_forward_clear()
    }

    @Test func signalBeforeTheProgramStartedIsSentOnceItHas() async throws {
        let launcher = LiveProgramLauncher()
        let recorder = ProgramRecorder()
        arm_forward_clear()
        arm_forward_signal(SIGHUP)
        let program = try launcher.launch(sleeper(), events: recorder.events)
        #expect(launcher.isGroupAlive(program.pid))
        arm_forward_set_group(program.pid)
        #expect(await recorder.exit() == .signaled(SIGHUP))
        arm_forward_clear()
    }

    @Test func handlersAreInstalledForIntTermHupAndRestoredAfterwards() {
        let signals = [SIGINT, SIGTERM, SIGHUP]
        let before = signals.map(currentHandler)
        var saved = arm_forward_saved()
        #expect(arm_forward_install(&saved) == 0)
        let forwarding = unsafeBitCast(arm_forward_signal as @convention(c) (Int32) -> Void, to: Int.self)
        #expect(signals.map(currentHandler) == [forwarding, forwarding, forwarding])
        arm_forward_restore(&saved)
        #expect(signals.map(currentHandler) == before)
    }

    private func sleeper() -> ProgramSpec {
        ProgramSpec(path: "/bin/sleep", arguments: ["sleep", "1000"], environment: [:], workingDirectory: "/")
    }
}

@Suite(.timeLimit(.minutes(2))) struct LivePowerControlTests {
    @Test func testRigOnlyLogs() async {
        let lines = LineCollector()
        let control = LivePowerControl(isTestRig: true, shutdownAction: "poweroff") { lines.add(.stdout, $0) }
        await control.shutdown(reboot: false, reason: "ARMLOAD action 3")
        let logged = lines.lines(of: .stdout)
        #expect(logged.count == 1)
        #expect(logged.first?.contains("test rig: not running") == true)
        #expect(logged.first?.contains("ARMLOAD action 3") == true)
    }

    @Test func exitActionOnlyLogs() async {
        let lines = LineCollector()
        let control = LivePowerControl(isTestRig: false, shutdownAction: "exit") { lines.add(.stdout, $0) }
        await control.shutdown(reboot: true, reason: "test")
        #expect(lines.lines(of: .stdout).count == 1)
        #expect(lines.lines(of: .stdout).first?.contains("shutdown_action=exit: not running") == true)
    }

    @Test func planFollowsTheActionTheRebootFlagAndSystemd() {
        typealias Plan = LivePowerControl.Plan
        let plan = LivePowerControl.plan(isTestRig:shutdownAction:reboot:systemdRunning:)
        #expect(plan(false, "poweroff", false, true) == Plan.run(["systemctl", "poweroff"]))
        #expect(plan(false, "poweroff", true, true) == Plan.run(["systemctl", "reboot"]))
        #expect(plan(false, "reboot", false, true) == Plan.run(["systemctl", "reboot"]))
        #expect(plan(false, "poweroff", false, false) == Plan.run(["poweroff"]))
        #expect(plan(false, "reboot", false, false) == Plan.run(["reboot"]))
        #expect(
            plan(true, "reboot", false, true)
                == Plan.logOnly("test rig: not running systemctl reboot (shutdown_action=reboot)")
        )
        #expect(plan(false, "exit", false, false) == Plan.logOnly("shutdown_action=exit: not running poweroff"))
    }
}

/// Where a symbolic link points, or nil.
private func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The address of a signal's current handler (0 for SIG_DFL), for comparison.
private func currentHandler(_ signal: Int32) -> Int {
    var action = sigaction()
    sigaction(signal, nil, &action)
    return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
}
