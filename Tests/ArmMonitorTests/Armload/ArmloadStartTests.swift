import ArmConfig
import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Testing

@Suite(.timeLimit(.minutes(2))) struct ArmloadStartTests {
    @Test func armloadStartsTheProgramWithTheCallersEnvironmentAndLogsItsOutput() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            let response = await h.armload("WEB", ["nginx", "-g", "daemon off;"])
            #expect(response == ControlResponse(status: .success, messageID: "ARMLOAD-01", arguments: ["WEB"]))
            let launch = try #require(h.launcher.launches.first)
            #expect(launch.spec.path == "/usr/bin/nginx")
            #expect(launch.spec.arguments == ["nginx", "-g", "daemon off;"])
            #expect(launch.spec.environment == ["PATH": "/usr/bin:/bin", "ARMS_GROUP": "web"])
            #expect(launch.spec.workingDirectory == "/srv/n1/etc/armcluster/scripts/web")
            #expect(launch.spec.user == nil)
            #expect(launch.spec.notifySocketPath == nil)

            h.launcher.print(launch.pid, .stdout, "listening on :80")
            h.launcher.print(launch.pid, .stderr, "low\tworker_connections")
            await h.sink.waitForLine(in: .armload(wid: "WEB")) { $0.contains("ERR") }
            #expect(
                h.widLog("WEB") == [
                    "web ARMLOAD armload/WEB 0a0b0c0d BEGIN pid=5000",
                    "web ARMLOAD armload/WEB 0a0b0c0d OUT listening on :80",
                    "web ARMLOAD armload/WEB 0a0b0c0d ERR low\\tworker_connections",
                ]
            )
            #expect(h.armLines() == ["ARMLOAD 4242 INFO ARMLOAD-01 ARMLoad(WID=WEB) succeeded."])
            #expect(
                await h.status("web")
                    == ArmloadSupervisor.WatchStatus(
                        wid: "WEB",
                        group: "web",
                        kind: "app",
                        pid: 5000,
                        unit: nil,
                        startState: "running",
                        monitorState: "unwatched",
                        restarts: 0,
                        retry: nil,
                        started: "2025-03-14T09:12:03.417+09:00",
                        lastExit: nil
                    )
            )
            await h.waitForRow("WEB", state: "running")
            let row = try #require(h.store.armloadSnapshot.first)
            #expect(row.group == "web" && row.kind == .app && row.pid == 5000 && row.procStartTicks == 105_000)
            #expect(row.argv == ["nginx", "-g", "daemon off;"] && row.monitorState == "unwatched")
            #expect(row.options.contains(#""path":"/usr/bin/nginx""#))
        }
    }

    @Test func anUnwatchedProgramThatEndsIsOnlyLoggedAndKeptAsEnded() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("JOB", ["job"])
            h.clock.advance(by: .milliseconds(1500))
            h.launcher.end(5000, with: .exited(3))
            await h.waitForRow("JOB", state: "ended")
            #expect(
                h.armLines().last
                    == "ARMLOAD 1022 WARN ARMLOAD-09 The command monitoring process (WID=JOB) detected the disappearance of the application. The exit code is 3."
            )
            #expect(h.widLog("JOB").last == "web ARMLOAD armload/JOB 0a0b0c0d END exit=3 duration=1.500s")
            #expect(h.events().isEmpty)
            #expect(h.launcher.launches.count == 1)
            let status = await h.status("JOB")
            #expect(status?.startState == "ended" && status?.lastExit == "exit=3" && status?.pid == nil)
        }
    }

    @Test func theGroupMustBeStartingStartedOrStoppingHere() async throws {
        let harness = ArmloadHarness(groups: [.fixture("web", autoStart: false), .fixture("db", autoStart: false)])
        try await harness.run { h in
            let stopped = await h.armload("DB", ["db"], group: "db")
            #expect(stopped.status == .refused && stopped.messageID == "ARMLOAD-30")
            #expect(stopped.arguments == ["DB", "db"])
            let unknown = await h.armload("X", ["x"], group: "ghost")
            #expect(unknown.status == .refused && unknown.messageID == "ARMLOAD-30")
            #expect(h.launcher.launches.isEmpty)
            #expect(
                h.armLines().first
                    == "ARMLOAD 4242 WARN ARMLOAD-30 ARMLoad(WID=DB) is not in a state where it can be executed. group-name=db"
            )
        }
    }

    @Test func aDuplicateWIDIsBusyWhateverItsCase() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("Web", ["nginx"])
            let duplicate = await h.armload("WEB", ["other"])
            #expect(duplicate.status == .busy && duplicate.messageID == "ARMLOAD-02" && duplicate.arguments == ["WEB"])
            #expect(h.launcher.launches.count == 1)
            let invalid = await h.armload("ARM_X", ["x"])
            #expect(invalid.status == .usage && invalid.messageID == "ARMLOAD-02")
        }
    }

    @Test func the257thWatchIsRefusedAndEndedWatchesDoNotCount() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            for index in 0..<255 {
                #expect(await h.armload("W\(index)", ["app"]).status == .success)
            }
            #expect(await h.armload("SYNC", ["migrate"]) { $0.isSync = true }.status == .success)
            let refused = await h.armload("X", ["app"])
            #expect(refused.status == .busy && refused.messageID == "ARMLOAD-04" && refused.arguments == ["X"])
            #expect(await h.supervisor.status().count == 256)
            #expect(h.launcher.launches.count == 255)
            #expect(h.launcher.signals.isEmpty)

            #expect(await h.ended("SYNC", status: 0).messageID == "ARMLOAD-01")
            #expect(await h.armload("X", ["app"]).status == .success)
            #expect(await h.armload("Y", ["app"]).messageID == "ARMLOAD-04")
        }
    }

    @Test func theAccountMustBeListedAndExist() async throws {
        let harness = ArmloadHarness(
            armload: {
                var a = ArmloadSettings()
                a.users = ["batch", "ghost"]
                return a
            }()
        )
        harness.launcher.addUser(
            ProgramUser(name: "batch", uid: 1001, gid: 1001, groups: [1001, 50], home: "/home/batch", shell: "/bin/sh")
        )
        try await harness.run { h in
            let unlisted = await h.armload("A", ["app"]) { $0.user = "root2" }
            #expect(unlisted.status == .notFound && unlisted.messageID == "ARMLOAD-12")
            #expect(unlisted.arguments == ["A", "root2"])
            let missing = await h.armload("B", ["app"]) { $0.user = "ghost" }
            #expect(missing.status == .notFound && missing.messageID == "ARMLOAD-22")
            #expect(missing.arguments == ["B", "ghost", 2])
            #expect(h.launcher.launches.isEmpty)

            let ok = await h.armload("C", ["app"]) { $0.user = "CORP\\batch" }
            #expect(ok.messageID == "ARMLOAD-01")
            let spec = try #require(h.launcher.launches.first?.spec)
            #expect(spec.user?.uid == 1001)
            #expect(spec.environment["HOME"] == "/home/batch" && spec.environment["USER"] == "batch")
            #expect(spec.environment["LOGNAME"] == "batch" && spec.environment["SHELL"] == "/bin/sh")
        }
    }

    @Test func aProgramThatCannotBeFoundRegistersNothing() async throws {
        let harness = ArmloadHarness(
            executables: FakeExecutables([
                "/opt/app/bin/app": true, "/usr/local/bin/tool": false, "/usr/bin/tool": true,
            ])
        )
        try await harness.run { h in
            let missing = await h.armload("A", ["nope"])
            #expect(missing.status == .failed && missing.messageID == "ARMLOAD-11" && missing.arguments == ["A", 2])
            let denied = await h.armload("B", ["/usr/local/bin/tool"])
            #expect(denied.messageID == "ARMLOAD-11" && denied.arguments == ["B", 13])
            #expect(await h.supervisor.status().isEmpty)
            #expect(h.launcher.launches.isEmpty)

            // execvp order: the first executable match in PATH wins.
            _ = await h.armload("C", ["tool"]) { $0.searchPath = "/usr/local/bin:/usr/bin" }
            #expect(h.launcher.launches.first?.spec.path == "/usr/bin/tool")
            _ = await h.armload("D", ["/opt/app/bin/app"])
            #expect(h.launcher.launches.last?.spec.path == "/opt/app/bin/app")
        }
    }

    @Test func anExecFailureAnswersARMLOAD11AndLogsTheFailedStart() async throws {
        let harness = ArmloadHarness()
        harness.launcher.failNextLaunch(with: .notExecutable(errno: 8))
        try await harness.run { h in
            let response = await h.armload("APP", ["app"]) { $0.retry = 3 }
            #expect(
                response.status == .failed && response.messageID == "ARMLOAD-11" && response.arguments == ["APP", 8]
            )
            #expect(await h.supervisor.status().isEmpty)
            #expect(h.events() == ["14020 Failed to start the application (watch ID=APP) of group web."])
            #expect(
                h.widLog("APP").last
                    == "web ARMLOAD armload/APP 0a0b0c0d END exec-failed errno=8 (Exec format error) duration=0.000s"
            )
            let userSwitch = harness.launcher
            userSwitch.failNextLaunch(with: .userSwitchFailed(errno: 1))
            let failed = await h.armload("APP", ["app"])
            #expect(failed.messageID == "ARMLOAD-10" && failed.arguments == ["APP", "root", 1])
        }
    }

    @Test func aServiceRunsItsStartArgvAndAnUnknownOneIsRefused() async throws {
        var service = ServiceConfig(name: "queue", start: ["/opt/queue/bin/queued", "--foreground"])
        service.environment = [EnvironmentVariable(name: "QUEUE_DIR", value: "/var/queue")]
        let harness = ArmloadHarness(services: [service])
        try await harness.run { h in
            let unknown = await h.armload("Q1", ["nginx"]) { $0.isService = true }
            #expect(unknown.status == .notFound && unknown.messageID == "ARMLOAD-21")
            #expect(unknown.arguments == ["Q1", "nginx"])

            let started = await h.armload("Q2", ["queue"]) { $0.isService = true }
            #expect(started.messageID == "ARMLOAD-01")
            let spec = try #require(h.launcher.launches.first?.spec)
            #expect(
                spec.path == "/opt/queue/bin/queued" && spec.arguments == ["/opt/queue/bin/queued", "--foreground"]
            )
            #expect(spec.environment["QUEUE_DIR"] == "/var/queue" && spec.environment["ARMS_GROUP"] == "web")
            #expect(await h.status("Q2")?.kind == "service")
        }
    }

    @Test func theWIDsAreListedForCompletion() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("B", ["b"])
            _ = await h.armload("A", ["a"])
            let names = await h.handler.handle(
                RequestEnvelope(command: "ARMSTAT", request: .listNames(kind: "wids")),
                from: h.peer
            )
            #expect(names.body == .array([.string("B"), .string("A")]))
        }
    }
}
