import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Testing

@Suite(.timeLimit(.minutes(2))) struct ArmloadWatchTests {
    @Test func aCrashLoopRestartsWithBackoffThenFailsOverWhichStopsTheGroupOnASingleServer() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("APP", ["app"]) { $0.retry = 2 }
            h.launcher.end(5000, with: .exited(1))
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(100))
            await h.launcher.waitForLaunches(2)
            h.launcher.end(5001, with: .signaled(11))
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(200))
            await h.launcher.waitForLaunches(3)
            h.launcher.end(5002, with: .exited(1))
            await h.waitForArm("ARMLOAD-25")
            _ = await h.manager.waitFor(group: "web", stopped: true, timeout: nil)
            await h.manager.waitUntilSettled("web")

            #expect(
                h.events() == [
                    "14015 Detected an error in the application (watch ID=APP) of group web. (5)",
                    "14000 Restarted the application (watch ID=APP) of group web.",
                    "14015 Detected an error in the application (watch ID=APP) of group web. (5)",
                    "14000 Restarted the application (watch ID=APP) of group web.",
                    "14015 Detected an error in the application (watch ID=APP) of group web. (2)",
                ]
            )
            #expect(
                h.armLines() == [
                    "ARMLOAD 4242 INFO ARMLOAD-01 ARMLoad(WID=APP) succeeded.",
                    "ARMLOAD 1022 WARN ARMLOAD-09 The command monitoring process (WID=APP) detected the disappearance of the application. The exit code is 1.",
                    "ARMLOAD 1022 INFO ARMLOAD-17 The command monitoring process (WID=APP) restarted the application.",
                    "ARMLOAD 1022 WARN ARMLOAD-09 The command monitoring process (WID=APP) detected the disappearance of the application. The exit code is 139.",
                    "ARMLOAD 1022 INFO ARMLOAD-17 The command monitoring process (WID=APP) restarted the application.",
                    "ARMLOAD 1022 WARN ARMLOAD-09 The command monitoring process (WID=APP) detected the disappearance of the application. The exit code is 1.",
                    "ARMLOAD 1022 INFO ARMLOAD-19 The command monitoring process (WID=APP) failed over group (web).",
                    "ARMLOAD 1022 ERROR ARMLOAD-25 The command monitoring process (WID=APP) failed to fail over group (web). The error code is 0x0.",
                ]
            )
            let stop = try #require(h.runner.invocations(of: h.base.stop("web")).first)
            #expect(stop.environment["ARMS_FACTOR"] == "GROUPFAILOVER")
            // The group stop released the WID.
            #expect(await h.supervisor.status().isEmpty)
            await h.waitForNoRow("APP")
            #expect(h.widLog("APP").filter { $0.contains(" END ") }.count == 3)
        }
    }

    @Test func exhaustedRestartsWithActShutdownShutTheServerDown() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("BATCH", ["batchd"]) {
                $0.retry = 1
                $0.finalAction = "shutdown"
            }
            h.launcher.end(5000, with: .exited(2))
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(100))
            await h.launcher.waitForLaunches(2)
            h.launcher.end(5001, with: .exited(2))
            await h.power.waitForShutdown()
            #expect(h.power.requests == [.init(reboot: false, reason: "armload WID=BATCH group=web action 3")])
            #expect(h.events().last == "14015 Detected an error in the application (watch ID=BATCH) of group web. (3)")
            await h.waitForArm("ARMLOAD-20")
            #expect(
                h.armLines().last
                    == "ARMLOAD 1022 INFO ARMLOAD-20 The command monitoring process (WID=BATCH) shut down the server."
            )
        }
    }

    @Test func theRestartHappensExactlyAfterTheBackoffAndAtOnceAfterAHealthyRun() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("APP", ["app"]) { $0.retry = 3 }
            let crashed = h.clock.now()
            h.launcher.end(5000, with: .exited(1))
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(99))
            #expect(h.clock.sleeperCount == 1)
            #expect(h.launcher.launches.count == 1)
            h.clock.advance(by: .milliseconds(1))
            await h.launcher.waitForLaunches(2)
            #expect(h.launcher.launches[1].at == crashed + .milliseconds(100))
            await h.waitForArm("ARMLOAD-17")
            #expect(await h.status("APP")?.startState == "running")

            // A run of at least restart_healthy_ms (1 s) restarts after restart_delay_ms (0): at once.
            h.clock.advance(by: .seconds(1))
            let healthyEnd = h.clock.now()
            h.launcher.end(5001, with: .exited(1))
            await h.launcher.waitForLaunches(3)
            #expect(h.launcher.launches[2].at == healthyEnd)
            #expect(await h.status("APP")?.restarts == 2)
        }
    }

    @Test(arguments: [(nil, "(1)"), (1, "(5)")] as [(Int?, String)])
    func theHoursWindowResetsTheCountAfterItsFirstRestart(hours: Int?, action: String) async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("APP", ["app"]) {
                $0.retry = 1
                $0.hours = hours
                $0.finalAction = "none"
            }
            h.launcher.end(5000, with: .exited(1))
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(100))
            await h.launcher.waitForLaunches(2)
            await h.waitForArm("ARMLOAD-17")
            h.clock.advance(by: .seconds(3600))
            h.launcher.end(5001, with: .exited(1))
            await h.sink.waitForLines(in: .events, count: 2) { $0.contains("\t14015\t") }
            let failures = h.events().filter { $0.hasPrefix("14015") }
            #expect(failures.count == 2)
            #expect(failures.last?.hasSuffix(action) == true)
        }
    }

    @Test func scriptRestartRestartsTheGroupAndTheCounterSurvivesReRegistration() async throws {
        let harness = ArmloadHarness()
        harness.launcher.programsDie(on: [SignalNumber.terminate])
        try await harness.run { h in
            _ = await h.armload("APP", ["app"]) {
                $0.retry = 2
                $0.scriptRestart = true
            }
            h.launcher.end(5000, with: .exited(1))
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(100))
            await h.waitForArm("ARMLOAD-16")
            await h.runner.waitForRuns(of: h.base.start("web"), count: 2)
            await h.manager.waitUntilSettled("web")
            #expect(h.events().contains("14015 Detected an error in the application (watch ID=APP) of group web. (4)"))
            #expect(
                h.armLines().last
                    == "ARMLOAD 1022 INFO ARMLOAD-16 The command monitoring process (WID=APP) restarted the script."
            )
            let stop = try #require(h.runner.invocations(of: h.base.stop("web")).first)
            #expect(stop.environment["ARMS_FACTOR"] == "GROUPRESTART")
            #expect(h.runner.invocations(of: h.base.start("web")).last?.environment["ARMS_EVENT"] == "START")
            // The stop released the WID; the start script registers it again: the count is kept.
            #expect(await h.supervisor.status().isEmpty)
            _ = await h.armload("APP", ["app"]) {
                $0.retry = 2
                $0.scriptRestart = true
            }
            #expect(await h.status("APP")?.restarts == 1)

            // A stop not caused by /SCR resets it.
            _ = await h.manager.stopGroup("web")
            await h.manager.waitUntilSettled("web")
            _ = await h.manager.startGroup("web")
            await h.manager.waitUntilSettled("web")
            _ = await h.armload("APP", ["app"]) { $0.retry = 2 }
            #expect(await h.status("APP")?.restarts == 0)
        }
    }

    @Test func aRestartThatFailsToLaunchCountsAsAFailure() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("APP", ["app"]) {
                $0.retry = 2
                $0.finalAction = "none"
            }
            h.launcher.failLaunches(of: "/usr/bin/app", with: .notFound(errno: 2))
            h.launcher.end(5000, with: .exited(1))
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(100))
            await h.waitForEvent("14020")
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(200))
            await h.waitForEvent("(1)")
            #expect(
                h.events() == [
                    "14015 Detected an error in the application (watch ID=APP) of group web. (5)",
                    "14020 Failed to start the application (watch ID=APP) of group web.",
                    "14015 Detected an error in the application (watch ID=APP) of group web. (5)",
                    "14020 Failed to start the application (watch ID=APP) of group web.",
                    "14015 Detected an error in the application (watch ID=APP) of group web. (1)",
                ]
            )
            #expect(await h.status("APP")?.startState == "ended")
        }
    }

    @Test func aPausedWatchOnlyLogsAFailure() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("APP", ["app"]) { $0.retry = 3 }
            #expect(await h.armloadc("APP", "pause").messageID == "ARMLOADC-01")
            h.launcher.end(5000, with: .exited(4))
            await h.waitForRow("APP", state: "ended")
            #expect(h.armLines().last?.contains("ARMLOAD-09") == true)
            #expect(h.events().filter { $0.hasPrefix("14015") }.isEmpty)
            #expect(h.launcher.launches.count == 1)
            #expect(h.clock.sleeperCount == 0)
            // armloadc start restores the previous monitoring state (paused).
            #expect(await h.armloadc("APP", "start").messageID == "ARMLOADC-01")
            #expect(h.launcher.launches.count == 2)
            let status = await h.status("APP")
            #expect(status?.startState == "running" && status?.monitorState == "paused")
        }
    }
}
