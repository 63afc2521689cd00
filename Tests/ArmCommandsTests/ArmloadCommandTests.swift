import ArmCommands
import ArmCore
import ArmProtocol
import ArmTesting
import Testing

@Suite(.timeLimit(.minutes(2))) struct ArmloadCommandTests {
    static let scriptEnvironment = ["ARM_ROOT": "/x", "ARMS_GROUP": "web", "PATH": "/usr/bin:/bin"]

    static func run(_ words: [String], environment: [String: String] = scriptEnvironment) -> (Int32, FakeCommandSystem)
    {
        let fake = FakeCommandSystem(
            environment: environment,
            monitor: .answer { _ in ControlResponse(status: .success) }
        )
        return (CommandRunner.execute(words, fake: fake), fake)
    }

    @Test func theTailIsPassedVerbatimWithTheWatchOptions() throws {
        let (code, fake) = Self.run([
            "armload", "web", "/R", "3", "/H", "1", "/usr/sbin/nginx", "-g", "daemon off;", "/W",
        ])
        #expect(code == 0)
        guard case .armloadStart(let request)? = fake.connector.requests.first?.request else {
            Issue.record("no armload.start request")
            return
        }
        #expect(request.wid == "web")
        #expect(request.group == "web")
        #expect(request.arguments == ["/usr/sbin/nginx", "-g", "daemon off;", "/W"])
        #expect(request.retry == 3 && request.hours == 1 && !request.isSync)
        #expect(request.searchPath == "/usr/bin:/bin")
    }

    @Test(arguments: [
        (["armload", "web", "/H", "1", "prog"], "/H needs /R"),
        (["armload", "web", "/SCR", "prog"], "/SCR needs /R"),
        (["armload", "web", "/A", "prog"], "/A needs /S"),
        (["armload", "web", "/S", "/U", "www", "nginx"], "/U is for the program form only"),
        (["armload", "web"], "missing exec-name"),
        (["armload", "web", "/S", "nginx", "extra"], "a service takes no parameters"),
    ])
    func badCombinationsAreUsageErrors(words: [String], detail: String) {
        let (code, fake) = Self.run(words)
        #expect(code == 2)
        #expect(
            fake.recorded.stderr
                == "armload: ARMLoad received an invalid parameter. (\(detail))\nTry 'armload --help'.\n"
        )
        #expect(!fake.connector.requests.contains { if case .armloadStart = $0.request { true } else { false } })
    }

    @Test func syncExcludesWatchOptionsAndFailsWith125() {
        let (code, fake) = Self.run(["armload", "web", "/W", "/R", "2", "prog"])
        #expect(code == 125)
        #expect(fake.recorded.stderr.contains("status=2"))
    }

    @Test func aLongWatchIDIsRejectedWithItsOwnMessage() {
        let (code, fake) = Self.run(["armload", String(repeating: "A", count: 256), "prog"])
        #expect(code == 2)
        #expect(fake.recorded.stderr.hasPrefix("armload: ARMLoad received a WID (AAAAAAAAAAAAAAAA) exceeding"))
    }

    @Test(arguments: ["NEC_X", "arm_x", "_x", "a.b"])
    func reservedOrBadWatchIDsAreUsageErrors(wid: String) {
        let (code, fake) = Self.run(["armload", wid, "prog"])
        #expect(code == 2)
        #expect(fake.recorded.stderr.hasPrefix("armload: ARMLoad received an invalid WID"))
    }

    @Test func outsideAGroupScriptIsRefusedWithStatusFour() {
        let (code, fake) = Self.run(["armload", "web", "prog"], environment: ["ARM_ROOT": "/x"])
        #expect(code == 4)
        #expect(fake.recorded.stderr.hasPrefix("armload: The command monitoring process (WID=web) failed to obtain"))
    }

    @Test func aDuplicateAnsweredByTheMonitorExitsBusy() {
        let fake = FakeCommandSystem(
            environment: Self.scriptEnvironment,
            monitor: .answer { _ in ControlResponse(status: .busy, messageID: "ARMLOAD-02", arguments: ["web"]) }
        )
        #expect(CommandRunner.execute(["armload", "web", "prog"], fake: fake) == 8)
        #expect(fake.recorded.stderr == "armload: ARMLoad received an invalid WID (web) as a parameter.\n")
    }

    @Test func syncRunsTheProgramHereAndReportsItsEnd() {
        let fake = FakeCommandSystem(
            environment: Self.scriptEnvironment,
            monitor: .answer { _ in ControlResponse(status: .success) },
            resolve: { name, _ in .success("/usr/bin/" + name) },
            runSync: { _ in .success(.exited(3)) }
        )
        #expect(CommandRunner.execute(["armload", "PREP", "/W", "prepare", "--full"], fake: fake) == 3)
        let requests = fake.connector.requests.map(\.request)
        #expect(requests.count == 2)
        #expect(requests.last == .armloadEnded(wid: "PREP", status: 3, signal: nil))
        #expect(fake.recorded.syncRuns.first?.path == "/usr/bin/prepare")
        #expect(fake.recorded.syncRuns.first?.arguments == ["prepare", "--full"])
    }

    @Test func syncReportsASignalAs128PlusN() {
        let fake = FakeCommandSystem(
            environment: Self.scriptEnvironment,
            monitor: .answer { _ in ControlResponse(status: .success) },
            resolve: { name, _ in .success("/bin/" + name) },
            runSync: { _ in .success(.signaled(9)) }
        )
        #expect(CommandRunner.execute(["armload", "P", "/W", "x"], fake: fake) == 137)
    }

    @Test(arguments: [(Int32(2), Int32(127)), (Int32(13), Int32(126))])
    func syncWithAMissingOrNonExecutableProgram(errno: Int32, expected: Int32) {
        let fake = FakeCommandSystem(
            environment: Self.scriptEnvironment,
            monitor: .answer { _ in ControlResponse(status: .success) },
            resolve: { _, _ in .failure(errno == 2 ? .notFound(errno: errno) : .notExecutable(errno: errno)) }
        )
        #expect(CommandRunner.execute(["armload", "P", "/W", "nope"], fake: fake) == expected)
        #expect(fake.recorded.stderr.hasPrefix("armload: ARMLoad(WID=P) failed to execute the command line."))
        #expect(fake.recorded.syncRuns.isEmpty)
    }

    @Test func syncRefusedByTheMonitorExits125WithTheStatusInDetail() {
        let fake = FakeCommandSystem(
            environment: Self.scriptEnvironment,
            monitor: .answer { _ in ControlResponse(status: .refused, messageID: "ARMLOAD-30", arguments: ["P", "web"])
            }
        )
        #expect(CommandRunner.execute(["armload", "P", "/W", "x"], fake: fake) == 125)
        #expect(fake.recorded.stderr.hasSuffix("(status=4)\n"))
    }
}

@Suite(.timeLimit(.minutes(2))) struct ArmkillAndArmloadcTests {
    @Test func armkillSendsTheWaitAndPrintsTheMonitorsAnswer() {
        let fake = FakeCommandSystem(
            monitor: .answer { _ in ControlResponse(status: .notFound, messageID: "ARMKILL-02", arguments: ["WEB"]) }
        )
        #expect(CommandRunner.execute(["armkill", "WEB", "/WAIT", "120"], fake: fake) == 5)
        #expect(fake.connector.requests.map(\.request) == [.armloadKill(wid: "WEB", waitSeconds: 120)])
        #expect(fake.recorded.stderr == "armkill: ARMKILL received an invalid WID (WEB) as a parameter.\n")
    }

    @Test func armloadcNeedsAnAction() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.execute(["armloadc", "DB"], fake: fake) == 2)
        #expect(
            fake.recorded.stderr.hasPrefix("armloadc: ARMLOADC received an invalid parameter. WatchID=DB mode= time=60")
        )
    }

    @Test func armloadcSendsActionAndTime() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.execute(["armloadc", "DB", "/W", "STOP", "300"], fake: fake) == 0)
        #expect(fake.connector.requests.map(\.request) == [.armloadControl(wid: "DB", action: "stop", seconds: 300)])
    }

    @Test(arguments: ["0", "3601", "x"])
    func armloadcRejectsABadTime(time: String) {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.execute(["armloadc", "DB", "/W", "stop", time], fake: fake) == 2)
        #expect(
            fake.connector.requests.isEmpty
                || fake.connector.requests.allSatisfy {
                    if case .appendLog = $0.request { true } else { false }
                }
        )
    }
}

extension CommandRunner {
    /// Runs a command line (without argv[0]'s path) on a fake system.
    static func execute(_ words: [String], fake: FakeCommandSystem) -> Int32 {
        run(arguments: words, system: fake.system)
    }
}
