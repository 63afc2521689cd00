import ArmConfig
import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Testing

/// `[services.NAME]` `stop` commands and `type = "forking"` services (commands.md 2.1, 2.2).
@Suite(.timeLimit(.minutes(2))) struct ArmloadServiceTests {
    static let stopPath = "/opt/queue/bin/queuectl"
    static let startPath = "/usr/lib/postgresql/bin/pg_ctl"
    static let pidFile = "/srv/db/pgdata/postmaster.pid"

    static var queue: ServiceConfig {
        var service = ServiceConfig(name: "queue", start: ["/opt/queue/bin/queued", "--foreground"])
        service.stop = [stopPath, "stop"]
        service.environment = [EnvironmentVariable(name: "QUEUE_DIR", value: "/var/queue")]
        return service
    }

    static var database: ServiceConfig {
        var service = ServiceConfig(name: "db", start: [startPath, "start"], startWaitSeconds: 10)
        service.type = .forking
        service.pidFile = pidFile
        service.stop = [startPath, "stop"]
        return service
    }

    // MARK: stop

    @Test func theStopCommandIsRunInsteadOfSigterm() async throws {
        let harness = ArmloadHarness(services: [Self.queue])
        harness.runner.script(Self.stopPath, outcome: .exited(0), output: [.init(.stdout, "stopping queued")])
        harness.runner.hold(Self.stopPath)
        try await harness.run { h in
            let started = await h.armload("Q", ["queue"]) { $0.isService = true }
            #expect(started.messageID == "ARMLOAD-01")
            async let answer = h.armkill("Q")
            await h.runner.waitForHeld(Self.stopPath)
            h.launcher.end(5000, with: .exited(0))
            h.runner.release(Self.stopPath)
            let response = await answer
            #expect(response == ControlResponse(status: .success, messageID: "ARMKILL-01", arguments: ["Q"]))
            #expect(h.launcher.signals.isEmpty)
            let stop = try #require(h.runner.invocations(of: Self.stopPath).first)
            #expect(stop.arguments == ["stop"] && stop.environment["QUEUE_DIR"] == "/var/queue")
            #expect(h.widLog("Q").contains { $0.hasSuffix(" OUT stopping queued") })
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    @Test func aFailingStopCommandAnswersARMKILL08AndKeepsTheServiceUntilTheGroupStop() async throws {
        let harness = ArmloadHarness(services: [Self.queue])
        harness.runner.script(
            Self.stopPath,
            outcome: .exited(3),
            output: [.init(.stdout, "trying"), .init(.stderr, "queuectl: permission denied"), .init(.stderr, "2nd")]
        )
        harness.launcher.programsDie(on: [SignalNumber.terminate])
        try await harness.run { h in
            _ = await h.armload("Q", ["queue"]) { $0.isService = true }
            let response = await h.armkill("Q")
            #expect(response.messageID == "ARMKILL-08" && response.status == .failed)
            #expect(response.arguments == ["Q", "queuectl: permission denied"])
            #expect(h.launcher.signals.isEmpty)
            #expect(await h.status("Q")?.startState == "running")
            #expect(await h.status("Q")?.pid == 5000)
            #expect(
                h.armLines().last
                    == "ARMKILL 4242 ERROR ARMKILL-08 ARMKILL(WID=Q) failed to stop the service. "
                    + "Detail:queuectl: permission denied"
            )

            // The group stop writes ARMLOAD-26, then stops the service as without a stop command.
            _ = await h.manager.stopGroup("web")
            await h.manager.waitUntilSettled("web")
            #expect(
                h.armLines().contains(
                    "ARMLOAD 1022 ERROR ARMLOAD-26 The command monitoring process (WID=Q) failed to stop the service. "
                        + "Detail:queuectl: permission denied"
                )
            )
            #expect(h.launcher.signals.map(\.signal) == [SignalNumber.terminate])
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    @Test func armloadcStopWithAFailingStopCommandWritesARMLOAD26AndKeepsTheServiceRunning() async throws {
        let harness = ArmloadHarness(services: [Self.queue])
        harness.runner.script(Self.stopPath, outcome: .exited(1), output: [.init(.stderr, "queue busy")])
        try await harness.run { h in
            _ = await h.armload("Q", ["queue"]) {
                $0.isService = true
                $0.retry = 1
            }
            let response = await h.armloadc("Q", "stop", 5)
            #expect(response.messageID == "ARMLOADC-04" && response.status == .timeout)
            #expect(
                h.armLines().contains(
                    "ARMLOAD 1022 ERROR ARMLOAD-26 The command monitoring process (WID=Q) failed to stop the service. "
                        + "Detail:queue busy"
                )
            )
            #expect(h.launcher.signals.isEmpty)
            let status = try #require(await h.status("Q"))
            #expect(status.startState == "running" && status.monitorState == "monitoring" && status.pid == 5000)
            #expect(h.widLog("Q").contains { $0.hasSuffix(" ERR queue busy") })
        }
    }

    // MARK: forking

    @Test func aForkingServiceIsWatchedByItsPidFileAndRestartedByItsStartCommand() async throws {
        let harness = ArmloadHarness(services: [Self.database])
        harness.files.set(Self.pidFile, "7001\n/srv/db/pgdata\n")
        harness.launcher.previousProgram(pid: 7001, startTicks: 555)
        harness.runner.script(Self.startPath, outcome: .exited(0), output: [.init(.stdout, "server started")])
        try await harness.run { h in
            let started = await h.armload("DB", ["db"]) {
                $0.isService = true
                $0.retry = 1
            }
            #expect(started.messageID == "ARMLOAD-01")
            #expect(h.launcher.launches.isEmpty)
            #expect(h.launcher.attached == [7001])
            #expect(h.runner.invocations(of: Self.startPath).map(\.arguments) == [["start"]])
            #expect(await h.status("DB")?.pid == 7001)
            #expect(await h.status("DB")?.startState == "running")
            #expect(h.widLog("DB").contains { $0.hasSuffix(" OUT server started") })
            #expect(h.widLog("DB").contains { $0.hasSuffix(" BEGIN pid=7001") })

            // The daemon dies: ARMLOAD-23, and the restart runs the start command again.
            h.files.set(Self.pidFile, "7002\n")
            h.launcher.previousProgram(pid: 7002, startTicks: 777)
            h.launcher.end(7001, with: .unknown)
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(100))
            await h.waitForArm("ARMLOAD-18")
            #expect(h.launcher.attached == [7001, 7002])
            #expect(h.runner.invocations(of: Self.startPath).count == 2)
            #expect(
                h.armLines().contains(
                    "ARMLOAD 1022 WARN ARMLOAD-23 The command monitoring process (WID=DB) detected the disappearance "
                        + "of the application."
                )
            )
            #expect(await h.status("DB")?.pid == 7002)
            #expect(await h.status("DB")?.restarts == 1)
        }
    }

    @Test func anArmkillDuringAForkingStartReleasesTheWidAndAnswersTheStart() async throws {
        let harness = ArmloadHarness(services: [Self.database])
        harness.files.set(Self.pidFile, "7001\n")
        harness.launcher.previousProgram(pid: 7001, startTicks: 555)
        harness.runner.script(Self.startPath, outcome: .exited(0))
        harness.runner.hold(Self.startPath)
        try await harness.run { h in
            async let started = h.armload("DB", ["db"]) { $0.isService = true }
            await h.runner.waitForHeld(Self.startPath)
            let killed = await h.armkill("DB")
            #expect(killed.messageID == "ARMKILL-01")
            h.runner.release(Self.startPath)
            let answer = await started
            #expect(answer.messageID == "ARMLOAD-23")
            // Nobody waits for the daemon the start command left: it is not watched.
            #expect(h.launcher.attached.isEmpty)
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    @Test func aForkingServiceWithoutItsPidFileTimesOutWithARMLOAD06() async throws {
        let harness = ArmloadHarness(services: [Self.database])
        try await harness.run { h in
            async let answer = h.armload("DB", ["db"]) { $0.isService = true }
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .seconds(10))
            let response = await answer
            #expect(response.messageID == "ARMLOAD-06" && response.status == .timeout)
            #expect(response.arguments == ["DB"])
            #expect(await h.status("DB") == nil)
            // What may have started is stopped again with the stop command.
            #expect(h.runner.invocations(of: Self.startPath).map(\.arguments) == [["start"], ["stop"]])
            #expect(h.widLog("DB").allSatisfy { $0.hasPrefix("web ARMLOAD armload/DB ") })
            #expect(h.widLog("DB").contains { $0.hasSuffix(" END no pid file") })
        }
    }

    @Test func aFailingStartCommandAnswersARMLOAD24WithItsStatus() async throws {
        let harness = ArmloadHarness(services: [Self.database])
        harness.runner.script(Self.startPath, outcome: .exited(2))
        try await harness.run { h in
            let response = await h.armload("DB", ["db"]) { $0.isService = true }
            #expect(response.messageID == "ARMLOAD-24" && response.status == .failed)
            #expect(response.arguments == ["DB", 2])
            #expect(await h.status("DB") == nil)
            #expect(h.launcher.attached.isEmpty)
        }
    }
}
