import ArmCore
import ArmMonitor
import ArmProtocol
import ArmTesting
import Testing

@Suite(.timeLimit(.minutes(2))) struct ArmloadControlTests {
    // MARK: armkill

    @Test func armkillSendsTermThenKillAfterTheDefaultWait() async throws {
        let harness = ArmloadHarness()
        harness.launcher.program(5000, diesOn: [SignalNumber.kill])
        try await harness.run { h in
            _ = await h.armload("APP", ["app"]) { $0.retry = 3 }
            let began = h.clock.now()
            async let answer = h.armkill("app")
            await h.launcher.waitForSignals(1)
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .milliseconds(29_999))
            #expect(h.launcher.signals.count == 1)
            h.clock.advance(by: .milliseconds(1))
            let response = await answer
            #expect(response == ControlResponse(status: .success, messageID: "ARMKILL-04", arguments: ["APP"]))
            #expect(
                h.launcher.signals == [
                    .init(processGroup: 5000, signal: SignalNumber.terminate, at: began),
                    .init(processGroup: 5000, signal: SignalNumber.kill, at: began + .seconds(30)),
                ]
            )
            #expect(await h.supervisor.status().isEmpty)
            await h.waitForNoRow("APP")
            // Asked for: no failure, no restart.
            #expect(h.events().filter { $0.hasPrefix("14015") }.isEmpty)
            #expect(h.launcher.launches.count == 1)
            #expect(
                h.armLines().last
                    == "ARMKILL 4242 WARN ARMKILL-04 ARMKILL(WID=APP) forcibly terminated the application."
            )
            #expect(h.widLog("APP").last == "web ARMLOAD armload/APP 0a0b0c0d END signal=SIGKILL duration=30.000s")
        }
    }

    @Test func armkillOfAProgramThatEndsOnTermSucceeds() async throws {
        let harness = ArmloadHarness()
        harness.launcher.programsDie(on: [SignalNumber.terminate])
        try await harness.run { h in
            _ = await h.armload("APP", ["app"])
            let response = await h.armkill("APP", wait: 10)
            #expect(response == ControlResponse(status: .success, messageID: "ARMKILL-01", arguments: ["APP"]))
            #expect(h.launcher.signals.map(\.signal) == [SignalNumber.terminate])
            #expect(h.armLines().last == "ARMKILL 4242 INFO ARMKILL-01 ARMKILL(WID=APP) succeeded.")
        }
    }

    @Test func armkillGivesUpFiveSecondsAfterKillAndKeepsTheWID() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            _ = await h.armload("APP", ["app"])
            async let answer = h.armkill("APP", wait: 10)
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .seconds(10))
            await h.launcher.waitForSignals(2)
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .seconds(5))
            let response = await answer
            #expect(response.status == .failed && response.messageID == "ARMKILL-05" && response.arguments == ["APP"])
            #expect(await h.status("APP")?.startState == "stopping")
            // It ends later: asked for, so it is only marked ended; armkill then releases it.
            h.launcher.end(5000, with: .signaled(9))
            await h.waitForRow("APP", state: "ended")
            #expect(await h.armkill("APP").messageID == "ARMKILL-01")
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    @Test func armkillOfAnUnknownOrAlreadyEndedWID() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            let unknown = await h.armkill("GHOST")
            #expect(unknown.status == .notFound && unknown.messageID == "ARMKILL-02" && unknown.arguments == ["GHOST"])
            _ = await h.armload("JOB", ["job"])
            h.launcher.end(5000, with: .exited(0))
            await h.waitForRow("JOB", state: "ended")
            let ended = await h.armkill("JOB")
            #expect(
                ended
                    == ControlResponse(
                        status: .success,
                        messageID: "ARMKILL-07",
                        arguments: ["JOB", 60, 0],
                        detail: "already ended"
                    )
            )
            #expect(h.launcher.signals.isEmpty)
            #expect(
                h.armLines().last
                    == "ARMKILL 4242 ERROR ARMKILL-07 ARMKILL(WID=JOB) failed in internal processing (3060). The error code is 0x0."
            )
            #expect(await h.supervisor.status().isEmpty)
        }
    }

    // MARK: armload /W

    @Test func syncRegistersWithoutLaunchingAndEndedKeepsTheWID() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            let registered = await h.armload("MIGRATE", ["migrate", "--apply"]) { $0.isSync = true }
            #expect(registered == ControlResponse(status: .success))
            #expect(h.launcher.launches.isEmpty)
            let status = await h.status("MIGRATE")
            #expect(status?.startState == "running" && status?.monitorState == "sync")
            #expect(await h.armloadc("MIGRATE", "stop").messageID == "ARMLOADC-03")

            let ended = await h.ended("MIGRATE", status: 0)
            #expect(ended == ControlResponse(status: .success, messageID: "ARMLOAD-01", arguments: ["MIGRATE"]))
            #expect(await h.status("MIGRATE")?.startState == "ended")
            #expect(await h.status("MIGRATE")?.lastExit == "exit=0")
            #expect(await h.ended("MIGRATE", status: 0).messageID == "ARMLOAD-08")

            _ = await h.armload("FIX", ["fix"]) { $0.isSync = true }
            let failed = await h.ended("FIX", status: 3)
            #expect(failed.status == .failed && failed.messageID == "ARMLOAD-09" && failed.arguments == ["FIX", 3])
            #expect(
                h.armLines().last
                    == "ARMLOAD 1022 WARN ARMLOAD-09 The command monitoring process (WID=FIX) detected the disappearance of the application. The exit code is 3."
            )
            #expect(await h.armkill("MIGRATE").messageID == "ARMKILL-01")
            #expect(await h.supervisor.wids() == ["FIX"])
        }
    }

    // MARK: armloadc

    @Test func armloadcPausesContinuesStopsAndStartsAgain() async throws {
        let harness = ArmloadHarness()
        harness.launcher.programsDie(on: [SignalNumber.terminate])
        try await harness.run { h in
            _ = await h.armload("DB", ["db"]) { $0.retry = 1 }
            #expect(
                await h.armloadc("DB", "pause")
                    == ControlResponse(status: .success, messageID: "ARMLOADC-01", arguments: ["DB", "pause", "-"])
            )
            #expect(await h.status("DB")?.monitorState == "paused")
            let again = await h.armloadc("DB", "pause")
            #expect(again.status == .refused && again.messageID == "ARMLOADC-03")
            #expect(await h.armloadc("db", "continue").messageID == "ARMLOADC-01")
            #expect(await h.status("DB")?.monitorState == "monitoring")

            let stopped = await h.armloadc("DB", "stop")
            #expect(
                stopped == ControlResponse(status: .success, messageID: "ARMLOADC-01", arguments: ["DB", "stop", "60"])
            )
            let status = await h.status("DB")
            #expect(status?.startState == "stopped" && status?.monitorState == "monitoring" && status?.pid == nil)
            #expect(h.events().filter { $0.hasPrefix("14015") }.isEmpty)
            #expect(!h.armLines().contains { $0.contains("ARMLOAD-09") })
            #expect(await h.armloadc("DB", "stop").messageID == "ARMLOADC-03")
            #expect(await h.armloadc("DB", "continue").messageID == "ARMLOADC-03")

            let started = await h.armloadc("DB", "start", 120)
            #expect(
                started
                    == ControlResponse(status: .success, messageID: "ARMLOADC-01", arguments: ["DB", "start", "120"])
            )
            #expect(h.launcher.launches.count == 2)
            let restarted = await h.status("DB")
            #expect(restarted?.startState == "running" && restarted?.monitorState == "monitoring")
            #expect(restarted?.pid == 5001)
            #expect(
                h.armLines().last
                    == "ARMLOADC 4242 INFO ARMLOADC-01 ARMLOADC succeeded. WatchID=DB mode=start time=120"
            )
            #expect(await h.armloadc("DB", "start").messageID == "ARMLOADC-03")
        }
    }

    @Test func armloadcRefusesUnknownWIDsAndActionsAndTimesOut() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            let unknown = await h.armloadc("GHOST", "stop")
            #expect(unknown.status == .notFound && unknown.messageID == "ARMLOADC-02")
            #expect(unknown.arguments == ["GHOST", "stop", "60"])
            _ = await h.armload("DB", ["db"])
            let badAction = await h.armloadc("DB", "restart")
            #expect(badAction.status == .usage && badAction.messageID == "ARMLOADC-02")

            async let answer = h.armloadc("DB", "stop", 5)
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .seconds(5))
            await h.launcher.waitForSignals(2)
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .seconds(5))
            let timedOut = await answer
            #expect(timedOut.status == .timeout && timedOut.messageID == "ARMLOADC-04")
            #expect(timedOut.arguments == ["DB", "stop", "5"])
        }
    }

    // MARK: /WAIT readiness

    @Test func waitAnswersOnceTheProgramIsReady() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            async let answer = h.armload("DB", ["db"]) { $0.startTimeout = 30 }
            await h.launcher.waitForLaunches(1)
            let spec = try #require(h.launcher.launches.first?.spec)
            #expect(spec.notifySocketPath == "/srv/n1/run/armcluster/notify/DB")
            #expect(spec.environment["NOTIFY_SOCKET"] == "/srv/n1/run/armcluster/notify/DB")
            await h.clock.waitForSleepers(count: 1)
            #expect(await h.status("DB")?.startState == "starting")
            h.launcher.ready(5000)
            #expect(await answer == ControlResponse(status: .success, messageID: "ARMLOAD-01", arguments: ["DB"]))
            #expect(await h.status("DB")?.startState == "running")
            #expect(h.clock.sleeperCount == 0)
        }
    }

    @Test func waitAnswersWhenTheProgramStillRunsAfterTheTime() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            async let answer = h.armload("DB", ["db"]) { $0.startTimeout = 30 }
            await h.clock.waitForSleepers(count: 1)
            h.clock.advance(by: .seconds(30))
            #expect(await answer == ControlResponse(status: .success, messageID: "ARMLOAD-01", arguments: ["DB"]))
            #expect(await h.status("DB")?.startState == "running")
        }
    }

    @Test func aProgramThatEndsBeforeItIsReadyFailsTheStartWithoutAction() async throws {
        let harness = ArmloadHarness()
        try await harness.run { h in
            async let answer = h.armload("DB", ["db"]) {
                $0.startTimeout = 30
                $0.retry = 3
            }
            await h.clock.waitForSleepers(count: 1)
            h.launcher.end(5000, with: .exited(2))
            let response = await answer
            #expect(
                response.status == .failed && response.messageID == "ARMLOAD-09" && response.arguments == ["DB", 2]
            )
            #expect(await h.supervisor.status().isEmpty)
            await h.waitForNoRow("DB")
            #expect(h.launcher.launches.count == 1)
            #expect(h.events() == ["14020 Failed to start the application (watch ID=DB) of group web."])
            #expect(h.armLines().last?.hasPrefix("ARMLOAD 1022 WARN ARMLOAD-09") == true)
        }
    }
}
