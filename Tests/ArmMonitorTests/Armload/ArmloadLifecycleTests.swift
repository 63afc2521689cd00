import ArmConfig
import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct ArmloadLifecycleTests {
    private let disk = ResourceDefinition(
        name: "disk",
        kind: .exec(
            start: "/opt/disk/start",
            stop: "/opt/disk/stop",
            startTimeout: nil,
            stopTimeout: nil,
            environment: [:]
        )
    )

    @Test func aGroupStopStopsItsWIDsAfterTheStopScriptAndBeforeTheResources() async throws {
        let harness = ArmloadHarness(groups: [.fixture("web", autoStart: false, resources: [disk])])
        harness.launcher.programsDie(on: [SignalNumber.terminate])
        try await harness.run { h in
            _ = await h.armload("WEB", ["nginx"]) { $0.retry = 2 }
            _ = await h.armload("CACHE", ["redis"])
            let stopScript = h.base.stop("web")
            h.runner.hold(stopScript)
            h.runner.hold("/opt/disk/stop")
            _ = await h.manager.stopGroup("web")
            await h.runner.waitForHeld(stopScript)
            #expect(h.launcher.signals.isEmpty)
            h.runner.release(stopScript)
            await h.runner.waitForHeld("/opt/disk/stop")
            #expect(Set(h.launcher.signals.map(\.processGroup)) == [5000, 5001])
            #expect(h.launcher.signals.allSatisfy { $0.signal == SignalNumber.terminate })
            #expect(await h.supervisor.status().isEmpty)
            h.runner.release("/opt/disk/stop")
            await h.manager.waitUntilSettled("web")
            await h.waitForNoRow("WEB")
            await h.waitForNoRow("CACHE")
            // Asked for: no failure is detected.
            #expect(!h.armLines().contains { $0.contains("ARMLOAD-09") })
            #expect(h.widLog("WEB").last?.contains("END signal=SIGTERM") == true)
        }
    }

    @Test func aProgramThatNeedsKillAtTheGroupStopIsLogged() async throws {
        let harness = ArmloadHarness(
            armload: {
                var settings = ArmloadSettings()
                settings.stopWaitSeconds = 2
                return settings
            }()
        )
        harness.launcher.programsDie(on: [SignalNumber.kill])
        try await harness.run { h in
            _ = await h.armload("WEB", ["nginx"])
            _ = await h.manager.stopGroup("web")
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .seconds(2))
            await h.manager.waitUntilSettled("web")
            #expect(
                h.armLines().last
                    == "ARMLOAD 1022 WARN ARMLOAD-27 The command monitoring process (WID=WEB) forcibly terminated the application."
            )
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    // MARK: Recovery

    private static func row(
        _ wid: String,
        pid: Int32,
        ticks: UInt64,
        startedAt: Int64 = 1_741_911_000_000,
        restarts: Int = 1
    ) -> ArmloadRecord {
        ArmloadRecord(
            wid: wid,
            group: "web",
            kind: .app,
            argv: ["app", "--serve"],
            options: #"{"cwd":"/srv","env":{"PATH":"/usr/bin"},"finalAction":"failover","monitor":"monitoring","#
                + #""path":"/usr/bin/app","retry":2,"scriptRestart":false,"watched":true}"#,
            pid: pid,
            procStartTicks: ticks,
            state: "running",
            monitorState: "monitoring",
            restarts: restarts,
            windowStart: 1_741_911_000_000,
            startedAt: startedAt,
            lastExit: nil
        )
    }

    private static func uncleanStore(_ rows: [ArmloadRecord]) -> InMemoryStateStore {
        InMemoryStateStore(
            meta: ["run_state": "running"],
            groups: [GroupRecord(name: "web", owner: "n1", state: .started, failed: false, updatedAt: 1)],
            armload: rows
        )
    }

    @Test func afterAnUncleanStopALiveProgramIsReattachedNotStartedAgain() async throws {
        let harness = ArmloadHarness(store: Self.uncleanStore([Self.row("APP", pid: 777, ticks: 4242)]))
        harness.launcher.previousProgram(pid: 777, startTicks: 4242)
        try await harness.run(startWeb: false) { h in
            #expect(h.launcher.attached == [777])
            #expect(h.launcher.launches.isEmpty)
            let status = await h.status("APP")
            #expect(status?.pid == 777 && status?.startState == "running" && status?.restarts == 1)
            #expect(status?.started == "2025-03-14T09:10:00.000+09:00")

            // Its end is a failure with an unknown status; the restart uses the stored command.
            h.launcher.end(777, with: .unknown)
            await h.waitForArm("ARMLOAD-23")
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(100))
            await h.launcher.waitForLaunches(1)
            let spec = try #require(h.launcher.launches.first?.spec)
            #expect(spec.path == "/usr/bin/app" && spec.arguments == ["app", "--serve"])
            #expect(spec.environment == ["PATH": "/usr/bin"] && spec.workingDirectory == "/srv")
            #expect(
                h.armLines().first
                    == "ARMLOAD 1022 WARN ARMLOAD-23 The command monitoring process (WID=APP) detected the disappearance of the application."
            )
            await h.waitForArm("ARMLOAD-17")
            #expect(await h.status("APP")?.restarts == 2)
        }
    }

    @Test func afterAnUncleanStopADeadProgramIsHandledAsAFailureNow() async throws {
        let harness = ArmloadHarness(store: Self.uncleanStore([Self.row("APP", pid: 778, ticks: 1)]))
        // Same pid, other start time: another process now.
        harness.launcher.previousProgram(pid: 778, startTicks: 2)
        try await harness.run(startWeb: false) { h in
            #expect(h.launcher.attached.isEmpty)
            await h.waitForEvent("14015")
            // It ran long before it died (healthy): restart_delay_ms = 0, so it restarts at once.
            await h.launcher.waitForLaunches(1)
            #expect(h.launcher.launches.count == 1)
            #expect(h.armLines().first?.contains("ARMLOAD-23") == true)
            #expect(h.events().contains("14015 Detected an error in the application (watch ID=APP) of group web. (5)"))
        }
    }

    @Test func afterACleanStopTheRowsAreResetAndNothingIsReattached() async throws {
        let store = InMemoryStateStore(
            meta: ["run_state": "stopped-armmond"],
            armload: [Self.row("APP", pid: 777, ticks: 4242)]
        )
        let harness = ArmloadHarness(store: store)
        harness.launcher.previousProgram(pid: 777, startTicks: 4242)
        try await harness.run(startWeb: false) { h in
            await h.waitForNoRow("APP")
            #expect(h.launcher.attached.isEmpty && h.launcher.launches.isEmpty)
            #expect(await h.supervisor.status().isEmpty)
            #expect(
                h.sink.records(.armsvr).contains {
                    $0[4] == "T2"
                        && $0[5].hasPrefix("armload row reset: wid=APP group=web kind=app pid=777 state=running")
                }
            )
        }
    }

    // MARK: Status

    @Test func armstatShowsTheWIDsAndNarrowsToOne() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("WEB", ["nginx"]) { $0.retry = 3 }
            _ = await h.armload("JOB", ["job"])
            h.launcher.end(5001, with: .signaled(15))
            await h.waitForRow("JOB", state: "ended")
            let all = await h.handler.handle(
                RequestEnvelope(command: "ARMSTAT", request: .status(view: "armload", name: nil)),
                from: h.peer
            )
            #expect(all.status == .success)
            #expect(all.body["servers"] == nil)
            #expect(
                all.body["armload"]?.json
                    == #"[{"wid":"WEB","group":"web","kind":"app","pid":5000,"unit":null,"start_state":"running","#
                    + #""monitor_state":"monitoring","restarts":0,"retry":3,"started":"2025-03-14T09:12:03.417+09:00","#
                    + #""last_exit":null},{"wid":"JOB","group":"web","kind":"app","pid":null,"unit":null,"#
                    + #""start_state":"ended","monitor_state":"unwatched","restarts":0,"retry":null,"#
                    + #""started":"2025-03-14T09:12:03.417+09:00","last_exit":"signal=SIGTERM"}]"#
            )
            let one = await h.handler.handle(
                RequestEnvelope(command: "ARMSTAT", request: .status(view: "armload", name: "job")),
                from: h.peer
            )
            #expect(one.body["armload"]?.arrayValue?.count == 1)
            let none = await h.handler.handle(
                RequestEnvelope(command: "ARMSTAT", request: .status(view: "armload", name: "ghost")),
                from: h.peer
            )
            #expect(none.status == .notFound)
            let everything = await h.handler.handle(
                RequestEnvelope(command: "ARMSTAT", request: .status(view: "all", name: nil)),
                from: h.peer
            )
            #expect(everything.body["armload"]?.arrayValue?.count == 2)
        }
    }
}

@Suite(.timeLimit(.minutes(2))) struct GRDBArmloadRowTests {
    @Test func armloadRowsAreSavedReplacedCaseInsensitivelyAndDeleted() async throws {
        let directory = NSTemporaryDirectory() + "armload-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try GRDBStateStore.open(path: directory + "/state.sqlite")
        var record = ArmloadRecord(
            wid: "Web",
            group: "web",
            kind: .service,
            argv: ["/opt/queue/bin/queued", "--dir=/var/q"],
            options: #"{"retry":3}"#,
            pid: 5000,
            procStartTicks: UInt64(Int64.max) + 7,
            state: "running",
            monitorState: "monitoring",
            restarts: 2,
            windowStart: 10,
            startedAt: 20,
            lastExit: "exit=1"
        )
        try await store.saveArmload(record)
        #expect(try await store.armloadRows() == [record])
        record.wid = "WEB"
        record.pid = nil
        record.procStartTicks = nil
        record.state = "stopped"
        try await store.saveArmload(record)
        #expect(try await store.armloadRows() == [record])
        try await store.deleteArmload(wid: "web")
        #expect(try await store.armloadRows().isEmpty)
    }
}
