import ArmCore
import Testing

@Suite(.timeLimit(.minutes(2))) struct GroupSequenceTests {
    private let t0 = MonotonicInstant(nanoseconds: 1_000_000_000)
    private let startSh = SequenceScript(path: "/s/web/start.sh", timeout: .seconds(600))
    private let stopSh = SequenceScript(path: "/s/web/stop.sh", timeout: .seconds(300))
    private let appStart = SequenceScript(path: "/opt/app/start", timeout: .seconds(30))
    private let appStop = SequenceScript(path: "/opt/app/stop", timeout: nil)
    private let dbStart = SequenceScript(path: "/opt/db/start", timeout: nil)
    private let dbStop = SequenceScript(path: "/opt/db/stop", timeout: .seconds(5))

    private func sequence(
        fipInBetween: Bool = false,
        dbFailsStop: Bool = true,
        killGrace: Duration = .zero
    ) -> GroupSequence {
        var resources = [SequenceResource(name: "app", start: appStart, stop: appStop, failsStop: true)]
        if fipInBetween { resources.append(SequenceResource(name: "vip", start: nil, stop: nil, failsStop: true)) }
        resources.append(SequenceResource(name: "db", start: dbStart, stop: dbStop, failsStop: dbFailsStop))
        return GroupSequence(resources: resources, startScript: startSh, stopScript: stopSh, killGrace: killGrace)
    }

    private func at(_ seconds: Int64) -> MonotonicInstant { t0 + .seconds(seconds) }

    // MARK: start

    @Test func startRunsResourcesInFileOrderThenStartScript() {
        var seq = sequence()
        #expect(seq.beginStart(at: t0) == .runScript(.startResource(0), appStart, deadline: at(30)))
        #expect(seq.resourceStates == [.starting, .stopped])
        #expect(seq.isRunning)
        #expect(seq.stepFinished(.exited(0), at: at(1)) == .runScript(.startResource(1), dbStart, deadline: nil))
        #expect(seq.stepBegan == at(1))
        #expect(seq.stepFinished(.exited(0), at: at(2)) == .runScript(.startScript, startSh, deadline: at(602)))
        #expect(seq.scriptState == .starting)
        #expect(seq.stepFinished(.exited(0), at: at(3)) == .finished(success: true))
        #expect(seq.resourceStates == [.started, .started])
        #expect(seq.scriptState == .started)
        #expect(!seq.isRunning)
        #expect(seq.attempted == 2)
    }

    @Test(arguments: [ScriptOutcome.exited(1), .signaled(9), .timedOut, .execFailed(errno: 2)])
    func aFailingResourceEndsTheStartAndCountsAsAttempted(outcome: ScriptOutcome) {
        var seq = sequence()
        _ = seq.beginStart(at: t0)
        #expect(seq.stepFinished(outcome, at: at(1)) == .finished(success: false))
        #expect(seq.resourceStates == [.failed, .stopped])
        #expect(seq.scriptState == .stopped)
        #expect(seq.attempted == 1)
        #expect(!seq.isRunning)
    }

    @Test(arguments: [ScriptOutcome.exited(3), .signaled(15), .timedOut, .execFailed(errno: 13)])
    func aFailingStartScriptFailsTheStart(outcome: ScriptOutcome) {
        var seq = sequence()
        _ = seq.beginStart(at: t0)
        _ = seq.stepFinished(.exited(0), at: t0)
        _ = seq.stepFinished(.exited(0), at: t0)
        #expect(seq.stepFinished(outcome, at: t0) == .finished(success: false))
        #expect(seq.scriptState == .failed)
        #expect(seq.attempted == 2)
    }

    @Test func undrivenResourcesAreSkippedButCountAsAttempted() {
        var seq = sequence(fipInBetween: true)
        _ = seq.beginStart(at: t0)
        #expect(seq.stepFinished(.exited(0), at: t0) == .runScript(.startResource(2), dbStart, deadline: nil))
        #expect(seq.attempted == 3)
        #expect(seq.resourceStates == [.started, .stopped, .starting])
    }

    @Test func aGroupWithoutResourcesRunsOnlyItsStartScript() {
        var seq = GroupSequence(resources: [], startScript: startSh, stopScript: stopSh)
        #expect(seq.beginStart(at: t0) == .runScript(.startScript, startSh, deadline: at(600)))
        #expect(seq.stepFinished(.exited(0), at: t0) == .finished(success: true))
        #expect(seq.beginStop(at: t0) == .runScript(.stopScript, stopSh, deadline: at(300)))
        #expect(seq.stepFinished(.exited(0), at: t0) == .cleanupWatches)
        #expect(seq.cleanupFinished(at: t0) == .finished(success: true))
    }

    @Test func beginningWhileRunningIsIgnored() {
        var seq = sequence()
        _ = seq.beginStart(at: t0)
        #expect(seq.beginStart(at: t0) == .none)
        #expect(seq.beginStop(at: t0) == .none)
        #expect(seq.currentStep == .startResource(0))
    }

    @Test func staleInputsChangeNothing() {
        var seq = sequence()
        #expect(seq.stepFinished(.exited(0), at: t0) == .none)
        #expect(seq.cleanupFinished(at: t0) == .none)
        #expect(seq.deadlineReached(at: at(10_000)) == .none)
        _ = seq.beginStart(at: t0)
        #expect(seq.cleanupFinished(at: t0) == .none)
        #expect(seq.currentStep == .startResource(0))
    }

    // MARK: stop

    @Test func stopRunsStopScriptThenWatchesThenAttemptedResourcesInReverse() {
        var seq = sequence()
        _ = seq.beginStart(at: t0)
        _ = seq.stepFinished(.exited(0), at: t0)
        _ = seq.stepFinished(.exited(0), at: t0)
        _ = seq.stepFinished(.exited(0), at: t0)
        #expect(seq.beginStop(at: at(10)) == .runScript(.stopScript, stopSh, deadline: at(310)))
        #expect(seq.scriptState == .stopping)
        #expect(seq.stepFinished(.exited(0), at: at(11)) == .cleanupWatches)
        #expect(seq.scriptState == .stopped)
        #expect(seq.currentStep == .cleanupWatches)
        #expect(seq.cleanupFinished(at: at(12)) == .runScript(.stopResource(1), dbStop, deadline: at(17)))
        #expect(seq.resourceStates == [.started, .stopping])
        #expect(seq.stepFinished(.exited(0), at: at(13)) == .runScript(.stopResource(0), appStop, deadline: nil))
        #expect(seq.stepFinished(.exited(0), at: at(14)) == .finished(success: true))
        #expect(seq.resourceStates == [.stopped, .stopped])
    }

    @Test func stopCoversOnlyTheResourcesWhoseStartWasAttempted() {
        var seq = sequence()
        _ = seq.beginStart(at: t0)
        _ = seq.stepFinished(.exited(1), at: t0)  // app failed: db never attempted
        _ = seq.beginStop(at: t0)
        _ = seq.stepFinished(.exited(0), at: t0)
        #expect(seq.cleanupFinished(at: t0) == .runScript(.stopResource(0), appStop, deadline: nil))
        #expect(seq.stepFinished(.exited(0), at: t0) == .finished(success: true))
    }

    @Test func everyStopStepRunsAfterAFailedStopScript() {
        var seq = sequence()
        seq.recovered(started: true)
        _ = seq.beginStop(at: t0)
        #expect(seq.stepFinished(.exited(2), at: t0) == .cleanupWatches)
        #expect(seq.scriptState == .failed)
        #expect(seq.cleanupFinished(at: t0) == .runScript(.stopResource(1), dbStop, deadline: at(5)))
        #expect(seq.stepFinished(.exited(0), at: t0) == .runScript(.stopResource(0), appStop, deadline: nil))
        #expect(seq.stepFinished(.exited(0), at: t0) == .finished(success: false))
    }

    @Test(arguments: [true, false])
    func aFailedDeactivationFailsTheStopOnlyWithShutdown(dbFailsStop: Bool) {
        var seq = sequence(dbFailsStop: dbFailsStop)
        seq.recovered(started: true)
        _ = seq.beginStop(at: t0)
        _ = seq.stepFinished(.exited(0), at: t0)
        _ = seq.cleanupFinished(at: t0)
        #expect(seq.stepFinished(.signaled(9), at: t0) == .runScript(.stopResource(0), appStop, deadline: nil))
        #expect(seq.resourceStates == [.stopping, .failed])
        #expect(seq.stepFinished(.exited(0), at: t0) == .finished(success: !dbFailsStop))
    }

    @Test func recoveryMarksEverythingStartedAndCoversAllResources() {
        var seq = sequence(fipInBetween: true)
        seq.recovered(started: true)
        #expect(seq.resourceStates == [.started, .started, .started])
        #expect(seq.scriptState == .started)
        #expect(seq.attempted == 3)
        var stopped = sequence()
        stopped.recovered(started: false)
        #expect(stopped.resourceStates == [.stopped, .stopped])
        #expect(stopped.attempted == 2)
    }

    // MARK: deadlines

    @Test func aStepPastItsDeadlinePlusGraceIsKilledAndCountsAsATimeout() {
        var seq = sequence(killGrace: .seconds(5))
        #expect(seq.beginStart(at: t0) == .runScript(.startResource(0), appStart, deadline: at(35)))
        #expect(seq.deadline == at(35))
        #expect(seq.deadlineReached(at: at(34)) == .none)
        #expect(seq.deadlineReached(at: at(35)) == .killStep(.startResource(0)))
        #expect(seq.stepKilled)
        #expect(seq.deadline == nil)
        #expect(seq.deadlineReached(at: at(40)) == .none)  // killed once
        #expect(seq.stepFinished(.exited(0), at: at(36)) == .finished(success: false))  // late success is a timeout
        #expect(seq.resourceStates == [.failed, .stopped])
    }

    @Test func aKilledStopStepFailsItButTheStopGoesOn() {
        var seq = sequence()
        seq.recovered(started: true)
        _ = seq.beginStop(at: t0)
        #expect(seq.deadlineReached(at: at(300)) == .killStep(.stopScript))
        #expect(seq.stepFinished(.signaled(9), at: at(300)) == .cleanupWatches)
        #expect(seq.scriptState == .failed)
        #expect(!seq.stepKilled)
        #expect(seq.cleanupFinished(at: at(301)) == .runScript(.stopResource(1), dbStop, deadline: at(306)))
        #expect(seq.deadlineReached(at: at(306)) == .killStep(.stopResource(1)))
        #expect(seq.stepFinished(.timedOut, at: at(306)) == .runScript(.stopResource(0), appStop, deadline: nil))
        #expect(seq.stepFinished(.exited(0), at: at(307)) == .finished(success: false))
    }

    @Test func cleanupHasNoDeadline() {
        var seq = sequence()
        seq.recovered(started: true)
        _ = seq.beginStop(at: t0)
        _ = seq.stepFinished(.exited(0), at: t0)
        #expect(seq.deadline == nil)
        #expect(seq.deadlineReached(at: at(100_000)) == .none)
    }
}
