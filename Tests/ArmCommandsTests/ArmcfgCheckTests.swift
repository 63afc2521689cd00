import ArmCommands
import ArmCore
import ArmTesting
import Testing

/// `armcfg check`: V25 on this server's scripts (issue 8 item 5) and the summary line (item 4).
@Suite(.timeLimit(.minutes(2))) struct ArmcfgCheckTests {
    static let file = """
        [cluster]
        name = "demo"
        [cluster.partition]
        method = "none"

        [[server]]
        name = "node1"
        id = 1
        public = "192.0.2.10/24"

        [[group]]
        name = "web"
        servers = ["node1"]

        """

    static let scripts = "/x/etc/armcluster/scripts/web/"
    static let good = LocalFileStatus(isRegular: true, mode: 0o755, owner: 0)

    func check(
        start: LocalFileStatus?,
        stop: LocalFileStatus? = good,
        environment: [String: String] = ["ARM_ROOT": "/x", "ARM_SERVER": "node1"]
    ) -> (code: Int32, fake: FakeCommandSystem) {
        var statuses: [String: LocalFileStatus] = [:]
        statuses[Self.scripts + "start.sh"] = start
        statuses[Self.scripts + "stop.sh"] = stop
        let fake = FakeCommandSystem(
            environment: environment,
            monitor: .fail(.unreachable(errno: 111)),
            files: ["/tmp/c.toml": Self.file],
            statuses: statuses
        )
        return (CommandRunner.run(arguments: ["armcfg", "check", "/tmp/c.toml"], system: fake.system), fake)
    }

    @Test func aCleanFilePrintsTheSummaryLine() {
        let (code, fake) = check(start: Self.good)
        #expect(code == 0)
        #expect(fake.recorded.stderr == "")
        #expect(fake.recorded.stdout == "/tmp/c.toml: OK, 1 server, 1 group\n")
    }

    @Test(arguments: [
        (LocalFileStatus?.none, "is missing"),
        (LocalFileStatus(isRegular: true, mode: 0o644, owner: 0), "is not executable"),
        (LocalFileStatus(isRegular: false, mode: 0o755, owner: 0), "is not a regular file"),
        (LocalFileStatus(isRegular: true, mode: 0o777, owner: 0), "is writable by non-root"),
        (LocalFileStatus(isRegular: true, mode: 0o775, owner: 0), "is writable by non-root"),
        (LocalFileStatus(isRegular: true, mode: 0o755, owner: 1000), "is writable by non-root"),
    ])
    func aBadStartScriptIsAnErrorAtTheGroupHeader(status: LocalFileStatus?, problem: String) {
        let (code, fake) = check(start: status)
        #expect(code == 10)
        #expect(fake.recorded.stdout == "")
        #expect(fake.recorded.stderr == "/tmp/c.toml:11:1: script \"\(Self.scripts)start.sh\" \(problem)\n")
    }

    @Test func theOnlyServerIsThisHostWhateverItsName() {
        let (code, fake) = check(start: Self.good, stop: nil, environment: ["ARM_ROOT": "/x"])
        #expect(code == 10)
        #expect(fake.recorded.stderr == "/tmp/c.toml:11:1: script \"\(Self.scripts)stop.sh\" is missing\n")
    }

    @Test func jsonOutputHasNoSummary() {
        let fake = FakeCommandSystem(
            monitor: .fail(.unreachable(errno: 111)),
            files: ["/tmp/c.toml": Self.file],
            statuses: [Self.scripts + "start.sh": Self.good, Self.scripts + "stop.sh": Self.good]
        )
        #expect(CommandRunner.run(arguments: ["armcfg", "check", "--json", "/tmp/c.toml"], system: fake.system) == 0)
        #expect(fake.recorded.stdout == "[]\n")
    }
}
