import ArmCommands
import ArmCore
import ArmProtocol
import ArmTesting
import Testing

@Suite(.timeLimit(.minutes(2))) struct CommandRunnerTests {
    static func ok(_ envelope: RequestEnvelope) -> ControlResponse { ControlResponse(status: .success) }

    @Test(arguments: ["/usr/local/bin/ARMGSTRT", "armgstrt.exe", "ARMGSTRT.EXE", "./armgstrt"])
    func dispatchUsesTheLowercasedBaseNameWithoutExe(argv0: String) {
        let fake = FakeCommandSystem(monitor: .answer(Self.ok))
        let code = CommandRunner.run(arguments: [argv0, "web"], system: fake.system)
        #expect(code == 0)
        #expect(fake.connector.requests.map(\.request) == [.startGroup(group: "web", server: nil)])
        #expect(fake.connector.requests.first?.command == "ARMGSTRT")
    }

    @Test func armtoolCmdEqualsTheSymlink() {
        let fake = FakeCommandSystem(monitor: .answer(Self.ok))
        #expect(CommandRunner.run(arguments: ["armtool", "armgstop", "db"], system: fake.system) == 0)
        #expect(fake.connector.requests.map(\.request) == [.stopGroup(group: "db")])
    }

    @Test func armtoolAloneListsEveryCommand() {
        let fake = FakeCommandSystem(monitor: .answer(Self.ok))
        #expect(CommandRunner.run(arguments: ["armtool"], system: fake.system) == 0)
        for spec in CommandSpec.all where spec.name != "armtool" {
            #expect(fake.recorded.stdout.contains(spec.name), "\(spec.name) missing from the list")
        }
    }

    @Test func anUnknownCommandIsAUsageError() {
        let fake = FakeCommandSystem(monitor: .answer(Self.ok))
        #expect(CommandRunner.run(arguments: ["armtool", "armfrobnicate"], system: fake.system) == 2)
        #expect(fake.recorded.stderr.hasPrefix("armtool: unknown command armfrobnicate."))
    }

    @Test func aRelativeArmRootIsAConfigurationError() {
        let fake = FakeCommandSystem(environment: ["ARM_ROOT": "srv/n1"], monitor: .answer(Self.ok))
        #expect(CommandRunner.run(arguments: ["armstat"], system: fake.system) == 10)
        #expect(fake.recorded.stderr == "armstat: ARM_ROOT must be an absolute path (srv/n1).\n")
        #expect(fake.connector.requests.isEmpty)
    }

    @Test func everyCommandPrintsHelpAndExitsZero() {
        for spec in CommandSpec.all {
            let fake = FakeCommandSystem(monitor: .fail(.unreachable(errno: 2)))
            let code = CommandRunner.run(arguments: [spec.name, "--help"], system: fake.system)
            #expect(code == 0, "\(spec.name) --help exited \(code)")
            #expect(fake.recorded.stdout.contains(spec.name), "\(spec.name) help does not name it")
            #expect(fake.recorded.stderr.isEmpty)
            #expect(fake.connector.requests.isEmpty, "help must not reach the monitor")
        }
    }

    @Test func everyCommandRejectsAnUnknownOptionWithItsUsageStatus() {
        for spec in CommandSpec.all {
            let fake = FakeCommandSystem(monitor: .fail(.unreachable(errno: 2)))
            let code = CommandRunner.run(arguments: [spec.name, "--no-such-option"], system: fake.system)
            let expected: Int32 = spec.name == "armcall" ? 125 : spec.name == "armgetcd" ? 255 : 2
            #expect(code == expected, "\(spec.name) exited \(code)")
            #expect(fake.recorded.stderr.hasPrefix("\(spec.name): "), "\(spec.name): \(fake.recorded.stderr)")
            // commands.md 1.2: the invalid-parameter line, then `Try 'CMD --help'.`
            #expect(fake.recorded.stderr.filter { $0 == "\n" }.count == 2, "two stderr lines")
            #expect(fake.recorded.stderr.hasSuffix("\nTry '\(spec.name) --help'.\n"), "\(fake.recorded.stderr)")
        }
    }

    @Test func versionNamesTheCommand() {
        let fake = FakeCommandSystem(monitor: .answer(Self.ok))
        #expect(CommandRunner.run(arguments: ["armgwait", "--version"], system: fake.system) == 0)
        #expect(fake.recorded.stdout == "armgwait (ArmCluster) \(ArmVersion.string)\n")
    }

    @Test func onlyTheCommandsBuiltSoFarAreImplemented() {
        let implemented = Set(CommandSpec.all.filter(CommandTable.isImplemented).map(\.name))
        #expect(
            implemented == [
                "armgstrt", "armgstop", "armgwait", "armsleep", "armstat", "armcfg", "armmond", "armload", "armkill",
                "armloadc",
            ]
        )
    }

    @Test func armmondThroughArmtoolRunsTheExecutableBesideItWithTheWordsAsGiven() {
        let fake = FakeCommandSystem(monitor: .answer(Self.ok))
        #expect(
            CommandRunner.run(arguments: ["armtool", "armmond", "/CHECK", "/c", "x.toml"], system: fake.system) == 1
        )
        let exec = fake.recorded.execs.first
        #expect(exec?.path == "/opt/arm/bin/armmond")
        #expect(exec?.arguments == ["armmond", "/CHECK", "/c", "x.toml"])
    }

    @Test(arguments: ["armsh", "armmgrd"])
    func standaloneCommandsNotBuiltYetSayNotImplemented(name: String) {
        let fake = FakeCommandSystem(monitor: .answer(Self.ok))
        #expect(CommandRunner.run(arguments: ["armtool", name], system: fake.system) == 9)
        #expect(fake.recorded.stderr == "\(name): not implemented yet\n")
        #expect(fake.recorded.execs.isEmpty)
    }

    @Test func commandsOfLaterIssuesSayNotImplementedWithStatusNine() {
        let fake = FakeCommandSystem(monitor: .answer(Self.ok))
        #expect(CommandRunner.run(arguments: ["armfover", "web"], system: fake.system) == 9)
        #expect(fake.recorded.stderr == "armfover: not implemented yet\n")
        #expect(fake.connector.requests.isEmpty)
    }
}

@Suite(.timeLimit(.minutes(2))) struct GroupCommandTests {
    @Test func aRefusalPrintsTheMonitorsCatalogLine() {
        let fake = FakeCommandSystem(
            monitor: .answer { _ in
                ControlResponse(status: .refused, messageID: "ARMGSTRT-04", arguments: ["web", "node1"])
            }
        )
        #expect(CommandRunner.run(arguments: ["armgstrt", "web"], system: fake.system) == 4)
        #expect(
            fake.recorded.stderr
                == "armgstrt: ARMGSTRT is not in a state where the specified operation can be performed. group-name=web server=node1\n"
        )
        #expect(fake.recorded.logLines.isEmpty, "armmond logged it")
    }

    @Test func japaneseLocaleGetsTheJapaneseText() {
        let fake = FakeCommandSystem(
            environment: ["ARM_ROOT": "/x", "LANG": "ja_JP.UTF-8"],
            monitor: .answer { _ in ControlResponse(status: .refused, messageID: "ARMGSTOP-03", arguments: ["web"]) }
        )
        #expect(CommandRunner.run(arguments: ["armgstop", "web"], system: fake.system) == 4)
        #expect(fake.recorded.stderr.hasPrefix("armgstop: "))
        #expect(fake.recorded.stderr.contains("group-name=web"))
        #expect(!fake.recorded.stderr.contains("is not in a state"))
    }

    @Test func anUnreachableMonitorIsStepOneExitThreeAndTheCommandLogsItself() throws {
        let fake = FakeCommandSystem(monitor: .fail(.unreachable(errno: 2)))
        #expect(CommandRunner.run(arguments: ["armgstrt", "web"], system: fake.system) == 3)
        #expect(
            fake.recorded.stderr
                == "armgstrt: ARMGSTRT failed in internal processing (1001). The error code is 0x2. group-name=web server-name= (/x/run/armcluster/armmond.sock)\n"
                + "armgstrt: armmond is not running here (no socket at /x/run/armcluster/armmond.sock); start it with 'armmond' or 'systemctl start armmond'\n"
        )
        let line = try #require(fake.recorded.logLines.first)
        #expect(line.path == "/x/var/log/armcluster/ARM.LOG")
        #expect(
            line.line
                == "2025-03-14T09:12:03.417+09:00\tnode1\tARMGSTRT\t4242\tERROR\tARMGSTRT-03\tARMGSTRT failed in internal processing (1001). The error code is 0x2. group-name=web server-name="
        )
    }

    @Test func permissionRefusalIsStepThreeExitSeven() {
        let fake = FakeCommandSystem(monitor: .fail(.permissionDenied(errno: 13)))
        #expect(CommandRunner.run(arguments: ["armgstop", "web"], system: fake.system) == 7)
        #expect(fake.recorded.stderr.contains("(1003). The error code is 0xd."))
        #expect(fake.recorded.logLines.isEmpty)
    }

    @Test func aUsageErrorIsLoggedThroughTheMonitor() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.run(arguments: ["armgstrt", "-web"], system: fake.system) == 2)
        #expect(fake.recorded.stderr.hasPrefix("armgstrt: ARMGSTRT received an invalid parameter."))
        guard case .appendLog(let record) = fake.connector.requests.first?.request else {
            Issue.record("no log.append request")
            return
        }
        #expect(record.id == "ARMGSTRT-02")
    }

    @Test func armgwaitRefusesToWaitForItsOwnGroup() {
        let fake = FakeCommandSystem(
            environment: ["ARM_ROOT": "/x", "ARMS_GROUP": "web"],
            monitor: .answer { _ in ControlResponse(status: .success) }
        )
        #expect(CommandRunner.run(arguments: ["armgwait", "WEB"], system: fake.system) == 2)
        #expect(!fake.connector.requests.contains { if case .waitGroup = $0.request { true } else { false } })
    }

    @Test func armgwaitSendsStopAndSeconds() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.run(arguments: ["armgwait", "/stop", "web", "0"], system: fake.system) == 0)
        #expect(fake.connector.requests.map(\.request) == [.waitGroup(group: "web", stopped: true, timeoutSeconds: 0)])
    }

    @Test func armgwaitTimeoutCarriesTheMonitorsStatus() {
        let fake = FakeCommandSystem(
            monitor: .answer { _ in
                ControlResponse(status: .timeout, messageID: "ARMGWAIT-03", arguments: [5], detail: "no such group")
            }
        )
        #expect(CommandRunner.run(arguments: ["armgwait", "nosuch", "5"], system: fake.system) == 6)
        #expect(fake.recorded.stderr == "armgwait: ARMGWAIT timed out. ( 5) (no such group)\n")
    }

    @Test(arguments: ["86401", "-1", "x", ""])
    func armsleepRejectsBadSeconds(value: String) {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.run(arguments: ["armsleep", value], system: fake.system) == 2)
        #expect(fake.recorded.sleeps.isEmpty)
    }

    @Test func armsleepSleepsAndLogsSuccess() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.run(arguments: ["armsleep", "2"], system: fake.system) == 0)
        #expect(fake.recorded.sleeps == [.seconds(2)])
        #expect(fake.connector.requests.map(\.request) == [.appendLog(LogRecord(id: "ARMSLEEP-01", arguments: []))])
    }
}

@Suite(.timeLimit(.minutes(2))) struct ArmstatCommandTests {
    static let document = WireValue.object([
        ("armstat", .int(1)), ("source", .string("monitor")), ("time", .string("t")),
        ("local_server", .string("node1")),
        (
            "cluster",
            .object([
                ("name", .string("prod")), ("state", .string("normal")), ("config_hash", .string("3fa9c2e1b7d0ffff")),
                ("partition_method", .string("none")),
            ])
        ),
        (
            "servers",
            .array([
                .object([
                    ("name", .string("node1")), ("local", .bool(true)), ("state", .string("normal")),
                    ("heartbeat_age_s", .null), ("interconnects", .array([])),
                ])
            ])
        ),
        (
            "groups",
            .array([
                .object([
                    ("name", .string("web")), ("state", .string("started")), ("failed", .bool(true)),
                    ("server", .string("node1")), ("failover_count", .int(0)), ("max_failover", .int(1)),
                    ("policy", .array([.string("node1")])),
                ])
            ])
        ),
    ])

    @Test func jsonIsTheMonitorsDocumentOnOneLine() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success, body: Self.document) })
        #expect(CommandRunner.run(arguments: ["armstat", "--json"], system: fake.system) == 0)
        #expect(fake.recorded.stdout == Self.document.json + "\n")
        #expect(fake.connector.requests.map(\.request) == [.status(view: "all", name: nil)])
    }

    @Test func theTableMarksTheLocalServerAndFailedGroups() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success, body: Self.document) })
        #expect(CommandRunner.run(arguments: ["armstat"], system: fake.system) == 0)
        #expect(
            fake.recorded.stdout == """
                Cluster prod  state normal  config 3fa9c2e1b7d0  partition method none
                  SERVER  STATE   HB-AGE  INTERCONNECTS
                * node1   normal  -       0/0
                  GROUP  STATE           SERVER  FAILOVERS  POLICY
                  web    started/failed  node1   0/1        node1

                """
        )
    }

    @Test func anUnreachableMonitorShowsTheLastStateAndExitsThree() {
        let fallback = StateFallback(
            lastUpdate: "2025-03-14T09:12:03.417+09:00",
            serverName: "node1",
            clusterName: "prod",
            groups: [(name: "web", state: "started", failed: false, owner: "node1")]
        )
        let fake = FakeCommandSystem(monitor: .fail(.unreachable(errno: 111)), fallback: fallback)
        #expect(CommandRunner.run(arguments: ["armstat"], system: fake.system) == 3)
        #expect(
            fake.recorded.stdout.hasPrefix("# armmond unreachable; last state from 2025-03-14T09:12:03.417+09:00\n")
        )
        #expect(fake.recorded.stdout.contains("state stopped"))
        #expect(fake.recorded.stderr.hasPrefix("armstat: "))
        #expect(fake.recorded.logLines.isEmpty, "armstat is not logged")
    }

    @Test func anUnknownViewIsAUsageError() {
        let fake = FakeCommandSystem(monitor: .answer { _ in ControlResponse(status: .success) })
        #expect(CommandRunner.run(arguments: ["armstat", "planets"], system: fake.system) == 2)
        #expect(fake.connector.requests.isEmpty)
    }
}

@Suite(.timeLimit(.minutes(2))) struct ArmcfgCommandTests {
    static let brokenFile = """
        [cluster]
        name = "demo"
        shutdown_action =
        """

    @Test func checkValidatesInThisProcessWithoutArmmond() {
        let fake = FakeCommandSystem(monitor: .fail(.unreachable(errno: 111)), files: ["/tmp/c.toml": Self.brokenFile])
        let code = CommandRunner.run(arguments: ["armcfg", "check", "/tmp/c.toml"], system: fake.system)
        #expect(code == 10)
        #expect(fake.recorded.execs.isEmpty)
        #expect(fake.connector.requests.isEmpty)
        #expect(fake.recorded.stdout.isEmpty)
        #expect(fake.recorded.stderr.hasPrefix("/tmp/c.toml:3:18: "), "\(fake.recorded.stderr)")
    }

    @Test func checkJSONPrintsFindingsOnStdoutOnly() {
        let fake = FakeCommandSystem(monitor: .fail(.unreachable(errno: 111)), files: ["/tmp/c.toml": Self.brokenFile])
        let code = CommandRunner.run(arguments: ["armcfg", "check", "--json", "/tmp/c.toml"], system: fake.system)
        #expect(code == 10)
        #expect(fake.recorded.stderr.isEmpty)
        #expect(fake.recorded.stdout.hasPrefix(#"[{"file":"/tmp/c.toml","line":3,"column":18,"#))
    }

    @Test func checkDefaultsToTheClusterFileUnderArmRoot() {
        let fake = FakeCommandSystem(monitor: .fail(.unreachable(errno: 111)))
        let code = CommandRunner.run(arguments: ["armcfg", "check"], system: fake.system)
        #expect(code == 10)
        #expect(
            fake.recorded.stderr
                == "/x/etc/armcluster/cluster.toml:1:1: cannot read the file: No such file or directory\n"
        )
    }

    @Test func showPrintsTheMonitorsText() {
        let fake = FakeCommandSystem(
            monitor: .answer { _ in ControlResponse(status: .success, body: .string("# hash abc\n")) }
        )
        #expect(CommandRunner.run(arguments: ["armcfg", "show"], system: fake.system) == 0)
        #expect(fake.recorded.stdout == "# hash abc\n")
    }
}
