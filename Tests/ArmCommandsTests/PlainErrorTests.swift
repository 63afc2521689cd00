import ArmCommands
import ArmConfig
import ArmCore
import ArmProtocol
import ArmTesting
import Testing

/// Errors in plain words (issue 8): the unreachable line, `Try 'CMD --help'.`, armstat's unknown names and
/// the server name of ARM.LOG lines written while armmond is down.
@Suite(.timeLimit(.minutes(2))) struct PlainErrorTests {
    static let socket = "/x/run/armcluster/armmond.sock"

    static let unreachableLines: [(Int32, String)] = [
        (
            2,
            "armmond is not running here (no socket at \(socket)); start it with 'armmond' or 'systemctl start armmond'"
        ),
        (
            111,
            "armmond is not running here (nothing listening at \(socket)); start it with 'armmond' or 'systemctl start armmond'"
        ),
        (
            110,
            "armmond is not answering here (no answer at \(socket)); check it with 'systemctl status armmond' and its armsvr.log"
        ),
    ]

    @Test(arguments: unreachableLines)
    func anUnreachableMonitorGetsAPlainLineAfterTheSeedLine(errno: Int32, line: String) {
        let fake = FakeCommandSystem(monitor: .fail(.unreachable(errno: errno)))
        #expect(CommandRunner.run(arguments: ["armgstop", "web"], system: fake.system) == 3)
        let lines = fake.recorded.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(fake.recorded.stderr)")
        #expect(lines.first?.hasPrefix("armgstop: ARMGSTOP failed in internal processing") == true)
        #expect(lines.last == "armgstop: " + line)
    }

    @Test func aSilentMonitorIsNotAnswering() {
        let fake = FakeCommandSystem(monitor: .fail(.noAnswer(errno: 104)))
        #expect(CommandRunner.run(arguments: ["armgwait", "web", "5"], system: fake.system) == 3)
        #expect(
            fake.recorded.stderr.hasSuffix(
                "armgwait: armmond is not answering here (connection closed at \(Self.socket)); check it with 'systemctl status armmond' and its armsvr.log\n"
            )
        )
    }

    @Test func aPermissionRefusalGetsNoUnreachableLine() {
        let fake = FakeCommandSystem(monitor: .fail(.permissionDenied(errno: 13)))
        #expect(CommandRunner.run(arguments: ["armgstop", "web"], system: fake.system) == 7)
        #expect(fake.recorded.stderr.split(separator: "\n").count == 1)
    }

    @Test func anUnknownSlashOptionIsReportedAsOneAndPointsToHelp() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.run(arguments: ["armgstrt", "/X", "web"], system: fake.system) == 2)
        let lines = fake.recorded.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(fake.recorded.stderr)")
        #expect(lines.first?.hasSuffix("(unknown option /X)") == true, "\(fake.recorded.stderr)")
        #expect(lines.last == "Try 'armgstrt --help'.")
        #expect(fake.connector.requests.filter { if case .startGroup = $0.request { true } else { false } }.isEmpty)
    }

    @Test func slashJSONPrintsTheDocumentLikeDashDashJSON() {
        let body = StatusDocument(
            source: .monitor,
            time: nil,
            localServer: "n1",
            cluster: .init(name: "c", state: .normal, configHash: nil, partitionMethod: nil)
        ).wireValue
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success, body: body) })
        #expect(CommandRunner.run(arguments: ["armstat", "/JSON", "cluster"], system: fake.system) == 0)
        #expect(fake.recorded.stdout == body.json + "\n")
    }

    @Test(arguments: [
        ("group", "nosuch", "armstat: no such group nosuch\n"),
        ("server", "n9", "armstat: no such server n9\n"),
        ("armload", "WEB", "armstat: no such WID WEB\n"),
        ("resource", "db", "armstat: no such group db\n"),
    ])
    func anUnknownNameIsNamedWithExitFive(view: String, name: String, stderr: String) {
        let fake = FakeCommandSystem(
            monitor: .answer { _ in ControlResponse(status: .notFound, detail: "no such \(view): \(name)") }
        )
        #expect(CommandRunner.run(arguments: ["armstat", view, name], system: fake.system) == 5)
        #expect(fake.recorded.stderr == stderr)
        #expect(fake.recorded.stdout.isEmpty)
    }

    @Test func armstatArmloadWithoutWatchesPrintsItsHeader() {
        let body = StatusDocument(source: .monitor, time: nil, localServer: "n1", armload: []).wireValue
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success, body: body) })
        #expect(CommandRunner.run(arguments: ["armstat", "armload"], system: fake.system) == 0)
        let lines = fake.recorded.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ").first == "WID", "\(fake.recorded.stdout)")
        #expect(lines.last == "  (no watches)")
    }

    @Test func anArmLogLineWrittenWhileArmmondIsDownNamesTheConfiguredServer() throws {
        let fake = FakeCommandSystem(environment: ["ARM_ROOT": "/x"], monitor: .fail(.unreachable(errno: 2)))
        var system = fake.system
        system.readFile = { path in
            path == "/x/etc/armcluster/cluster.toml"
                ? .success(Array("[[server]]\nname = \"node7\"\nid = 1\n".utf8))
                : .failure(ConfigReadError(reason: "No such file or directory"))
        }
        #expect(CommandRunner.run(arguments: ["armgstrt", "web"], system: system) == 3)
        let line = try #require(fake.recorded.logLines.first)
        #expect(line.line.split(separator: "\t").dropFirst().first == "node7", "\(line.line)")
    }

    @Test func withoutAReadableConfigTheHostNameIsLogged() throws {
        let fake = FakeCommandSystem(environment: ["ARM_ROOT": "/x"], monitor: .fail(.unreachable(errno: 2)))
        #expect(CommandRunner.run(arguments: ["armgstrt", "web"], system: fake.system) == 3)
        let line = try #require(fake.recorded.logLines.first)
        #expect(line.line.split(separator: "\t").dropFirst().first == "host1", "\(line.line)")
    }

    @Test func theCommandListMarksWhatIsNotImplementedYet() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.run(arguments: ["armtool", "--help"], system: fake.system) == 0)
        let lines = fake.recorded.stdout.split(separator: "\n").map(String.init)
        let fover = lines.firstIndex { $0.hasPrefix("  armfover ") }
        let gstrt = lines.first { $0.hasPrefix("  armgstrt ") } ?? ""
        #expect(!gstrt.contains(HelpRenderer.notImplementedMark))
        // The mark ends the purpose, which may wrap onto the next line.
        let foverText = fover.map { lines[$0] + (lines.indices.contains($0 + 1) ? lines[$0 + 1] : "") } ?? ""
        #expect(foverText.contains(HelpRenderer.notImplementedMark), "\(foverText)")
        #expect(fake.recorded.stdout.contains("\(HelpRenderer.notImplementedMark): parses its options"))
    }
}
