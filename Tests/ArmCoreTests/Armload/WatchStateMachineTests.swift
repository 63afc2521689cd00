import ArmCore
import Testing

@Suite(.timeLimit(.minutes(1))) struct WatchStateMachineTests {
    typealias Machine = WatchStateMachine
    typealias Phase = WatchStateMachine.Phase

    private static let t0 = MonotonicInstant(nanoseconds: 1_000_000_000)
    /// The instant inputs of the exhaustive table arrive: every deadline of a fixture is due by then.
    private static let late = t0 + .seconds(3600)
    /// The failure instant of the `deciding` fixture.
    private static let failedAt = t0 + .seconds(2)
    private static let watched = ArmloadWatchPolicy(retry: 2, isWatched: true)

    private static func config(
        _ policy: ArmloadWatchPolicy = watched,
        unit: Bool = false,
        stopCommand: Bool = false
    ) -> Machine.Configuration {
        Machine.Configuration(
            policy: policy,
            isUnit: unit,
            unitCheckInterval: .seconds(5),
            hasStopCommand: stopCommand
        )
    }

    // MARK: - Fixtures: one machine in every state

    private static func running(_ configuration: Machine.Configuration = config()) -> Machine {
        var machine = Machine(configuration: configuration)
        _ = machine.startRequested(readinessWait: nil, at: t0)
        _ = machine.launched(pid: 100, at: t0)
        return machine
    }

    private static func fixture(_ phase: Phase) -> Machine {
        switch phase {
        case .registered:
            return Machine(configuration: config())
        case .synchronous:
            return Machine(configuration: config(), synchronous: true)
        case .starting:
            var machine = Machine(configuration: config())
            _ = machine.startRequested(readinessWait: nil, at: t0)
            return machine
        case .awaitingReadiness:
            var machine = Machine(configuration: config())
            _ = machine.startRequested(readinessWait: .seconds(10), at: t0)
            _ = machine.launched(pid: 100, at: t0)
            return machine
        case .running:
            return running()
        case .deciding:
            var machine = running()
            _ = machine.programExited(.exited(1), at: failedAt)
            return machine
        case .backingOff:
            var machine = fixture(.deciding)
            _ = machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: failedAt, at: failedAt)
            return machine
        case .restartingGroup:
            var machine = running(config(ArmloadWatchPolicy(retry: 2, scriptRestart: true, isWatched: true)))
            _ = machine.programExited(.exited(1), at: failedAt)
            _ = machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: failedAt, at: failedAt)
            _ = machine.deadlineReached(at: failedAt + .seconds(1))
            return machine
        case .stopping:
            var machine = running()
            _ = machine.killRequested(wait: .seconds(10), at: t0)
            return machine
        case .gaveUp:
            var machine = running()
            _ = machine.stopRequested(wait: .seconds(10), at: t0)
            _ = machine.deadlineReached(at: t0 + .seconds(10))
            _ = machine.deadlineReached(at: t0 + .seconds(15))
            return machine
        case .stopped:
            var machine = running()
            _ = machine.stopRequested(wait: .seconds(10), at: t0)
            _ = machine.programExited(.signaled(15), at: t0 + .seconds(1))
            return machine
        case .ended:
            var machine = running(config(ArmloadWatchPolicy(isWatched: false)))
            _ = machine.programExited(.exited(0), at: t0 + .seconds(1))
            return machine
        case .released:
            var machine = running()
            _ = machine.killRequested(wait: .seconds(10), at: t0)
            _ = machine.programExited(.signaled(15), at: t0 + .seconds(1))
            return machine
        }
    }

    @Test(arguments: Phase.allCases)
    private func everyFixtureIsInItsState(_ phase: Phase) {
        #expect(Self.fixture(phase).phase == phase)
    }

    // MARK: - Every state x every input

    enum Input: String, CaseIterable, Sendable {
        case start, launched, launchFailed, ready, exited, unitActive, unitDown, groupActive, groupInactive
        case deadline, kill, stop, groupStop, stopCommandFailed, unitStopped, pause, resume, syncEnded

        func apply(to machine: inout Machine) -> [Machine.Action] {
            let now = WatchStateMachineTests.late
            switch self {
            case .start: return machine.startRequested(readinessWait: nil, at: now)
            case .launched: return machine.launched(pid: 200, at: now)
            case .launchFailed: return machine.launchFailed(at: now)
            case .ready: return machine.ready(at: now)
            case .exited: return machine.programExited(.exited(3), at: now)
            case .unitActive: return machine.unitChecked(.active(mainPID: 200), at: now)
            case .unitDown: return machine.unitChecked(.down(code: 1, status: 3), at: now)
            case .groupActive:
                return machine.groupStateObserved(
                    active: true,
                    maxFailoversReached: false,
                    failedAt: WatchStateMachineTests.failedAt,
                    at: now
                )
            case .groupInactive:
                return machine.groupStateObserved(
                    active: false,
                    maxFailoversReached: false,
                    failedAt: WatchStateMachineTests.failedAt,
                    at: now
                )
            case .deadline: return machine.deadlineReached(at: now)
            case .kill: return machine.killRequested(wait: .seconds(10), at: now)
            case .stop: return machine.stopRequested(wait: .seconds(10), at: now)
            case .groupStop: return machine.groupStopRequested(wait: .seconds(10), at: now)
            case .stopCommandFailed: return machine.stopCommandFinished(succeeded: false, detail: "boom", at: now)
            case .unitStopped: return machine.unitStopFinished(stopped: true, at: now)
            case .pause: return machine.pauseRequested()
            case .resume: return machine.continueRequested()
            case .syncEnded: return machine.synchronousProgramEnded(.exited(0))
            }
        }
    }

    /// The transition table, written out from commands.md 2.1–2.3 independently of the implementation;
    /// a pair not listed leaves the state as it is.
    private static func expectedPhase(after input: Input, in phase: Phase) -> Phase {
        switch (phase, input) {
        case (.registered, .start): .starting
        case (.starting, .launched): .running
        case (.starting, .launchFailed): .released
        case (.awaitingReadiness, .ready), (.awaitingReadiness, .deadline): .running
        case (.awaitingReadiness, .exited): .released  // a registration's start failed
        case (.awaitingReadiness, .kill), (.awaitingReadiness, .groupStop): .stopping
        case (.running, .exited): .deciding
        case (.running, .kill), (.running, .stop), (.running, .groupStop): .stopping
        case (.deciding, .groupActive): .backingOff
        case (.deciding, .groupInactive): .ended
        case (.backingOff, .deadline): .starting
        case (.stopping, .exited): .released  // the fixture's stop is an armkill
        case (.gaveUp, .exited): .ended
        case (.gaveUp, .kill), (.gaveUp, .groupStop): .stopping
        case (.stopped, .start), (.ended, .start): .starting
        case (.registered, .kill), (.registered, .groupStop), (.synchronous, .kill), (.synchronous, .groupStop),
            (.starting, .kill), (.starting, .groupStop), (.deciding, .kill), (.deciding, .groupStop),
            (.backingOff, .kill), (.backingOff, .groupStop), (.restartingGroup, .kill),
            (.restartingGroup, .groupStop), (.stopped, .kill), (.stopped, .groupStop), (.ended, .kill),
            (.ended, .groupStop):
            .released
        default: phase
        }
    }

    struct Pair: Sendable, CustomTestStringConvertible {
        var phase: Phase
        var input: Input
        var testDescription: String { "\(phase.rawValue) + \(input.rawValue)" }
    }

    private static let pairs = Phase.allCases.flatMap { phase in Input.allCases.map { Pair(phase: phase, input: $0) } }

    @Test(arguments: pairs)
    private func everyStateHandlesEveryInput(_ pair: Pair) {
        var machine = Self.fixture(pair.phase)
        let before = machine
        let actions = pair.input.apply(to: &machine)
        #expect(machine.phase == Self.expectedPhase(after: pair.input, in: pair.phase))
        // The invariants every transition keeps.
        if pair.phase == .released {
            #expect(
                actions.allSatisfy {
                    if case .replyToRequest = $0 { true } else { $0 == .abandonLaunch }
                }
            )
        }
        if actions.contains(.launch) {
            #expect([.start, .deadline].contains(pair.input))
        }
        if actions.contains(.release) { #expect(machine.isReleased) }
        if machine.isReleased && !before.isReleased { #expect(actions.contains(.release)) }
        #expect(machine.counter.used <= 2)
        for case .scheduleDeadline(let at) in actions { #expect(at >= Self.late) }
        // A refusal changes nothing.
        if actions.contains(where: { if case .replyToRequest(_, .refused) = $0 { true } else { false } }) {
            #expect(machine.phase == before.phase && machine.monitorState == before.monitorState)
        }
        // Only a restart (action 5) launches from a deadline; a stale launch result is killed.
        if pair.input == .launched && pair.phase != .starting { #expect(actions == [.abandonLaunch]) }
    }

    // MARK: - Restarts, backoff and /ACT

    @Test func aCrashLoopBacksOffThenFailsOver() {
        var machine = Self.running()
        var now = Self.t0
        for (step, delay) in [Duration.milliseconds(100), .milliseconds(200)].enumerated() {
            now = now + .milliseconds(10)
            #expect(
                machine.programExited(.exited(1), at: now) == [
                    .report(.programEnded(.exited(1))), .persist, .queryGroup(failedAt: now),
                ]
            )
            #expect(machine.startState == .ended)
            #expect(
                machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: now, at: now) == [
                    .report(.failureDetected(.restartApplication(after: delay))), .persist,
                    .scheduleDeadline(at: now + delay),
                ]
            )
            #expect(machine.startState == .restarting && machine.counter.used == step + 1)
            // Not yet: the deadline is the state's, so an early one does nothing.
            #expect(machine.deadlineReached(at: now + (delay - .nanoseconds(1))).isEmpty)
            now = now + delay
            #expect(machine.deadlineReached(at: now) == [.launch])
            #expect(machine.launched(pid: 101, at: now) == [.persist, .report(.restarted)])
            #expect(machine.pid == 101 && machine.startState == .running)
        }
        now = now + .milliseconds(10)
        _ = machine.programExited(.signaled(11), at: now)
        #expect(
            machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: now, at: now) == [
                .report(.failureDetected(.failover)), .persist, .escalate(.failover),
            ]
        )
        #expect(machine.phase == .ended && machine.endedUnasked && machine.lastExit == .signaled(11))
    }

    @Test func theBackoffCountsFromTheDeathNotFromTheGroupsAnswer() {
        var machine = Self.running()
        let died = Self.t0 + .milliseconds(10)
        _ = machine.programExited(.exited(1), at: died)
        // The group answered 30 ms later: the 100 ms step still ends 100 ms after the death.
        let answered = died + .milliseconds(30)
        #expect(
            machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: died, at: answered)
                .contains(.scheduleDeadline(at: died + .milliseconds(100)))
        )
        var late = Self.running()
        _ = late.programExited(.exited(1), at: died)
        // An answer later than the step: the deadline is now, never in the past.
        let afterStep = died + .milliseconds(500)
        #expect(
            late.groupStateObserved(active: true, maxFailoversReached: false, failedAt: died, at: afterStep)
                .contains(.scheduleDeadline(at: afterStep))
        )
    }

    @Test func aHealthyRunRestartsAtOnceAndActShutdownEscalates() {
        var machine = Self.running(Self.config(ArmloadWatchPolicy(retry: 1, finalAction: .shutdown, isWatched: true)))
        let exit = Self.t0 + .seconds(5)
        _ = machine.programExited(.exited(2), at: exit)
        #expect(
            machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: exit, at: exit).last
                == .scheduleDeadline(at: exit)
        )
        #expect(machine.deadlineReached(at: exit) == [.launch])
        _ = machine.launched(pid: 101, at: exit)
        let second = exit + .seconds(5)
        _ = machine.programExited(.exited(2), at: second)
        #expect(
            machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: second, at: second).last
                == .escalate(.shutdown)
        )
    }

    @Test func hoursResetTheCountAfterTheWindow() {
        var machine = Self.running(Self.config(ArmloadWatchPolicy(retry: 1, hours: 1, isWatched: true)))
        var now = Self.t0 + .seconds(5)
        for _ in 0..<3 {
            _ = machine.programExited(.exited(1), at: now)
            let actions = machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: now, at: now)
            #expect(actions.first == .report(.failureDetected(.restartApplication(after: .zero))))
            #expect(machine.counter.used == 1)
            _ = machine.deadlineReached(at: now)
            _ = machine.launched(pid: 101, at: now)
            now = now + .seconds(3601)
        }
    }

    @Test func aRestartThatFailsToLaunchIsAFailureOfLengthZero() {
        var machine = Self.running()
        let exit = Self.t0 + .seconds(5)
        _ = machine.programExited(.exited(1), at: exit)
        _ = machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: exit, at: exit)
        _ = machine.deadlineReached(at: exit)
        #expect(
            machine.launchFailed(at: exit) == [.report(.startFailed), .persist, .queryGroup(failedAt: exit)]
        )
        #expect(
            machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: exit, at: exit).first
                == .report(.failureDetected(.restartApplication(after: .milliseconds(100))))
        )
    }

    @Test func scriptRestartAsksForTheGroupScripts() {
        var machine = Self.fixture(.restartingGroup)
        #expect(machine.startState == .restarting)
        // The group stop that follows releases the WID; its start registers it again.
        #expect(
            machine.groupStopRequested(wait: .seconds(10), at: Self.late) == [
                .cancelDeadline, .release, .replyToRequest(.groupStop, .released(endedUnasked: false)),
            ]
        )
        var fresh = Self.running(Self.config(ArmloadWatchPolicy(retry: 2, scriptRestart: true, isWatched: true)))
        let exit = Self.t0 + .seconds(5)
        _ = fresh.programExited(.exited(1), at: exit)
        _ = fresh.groupStateObserved(active: true, maxFailoversReached: false, failedAt: exit, at: exit)
        #expect(fresh.deadlineReached(at: exit) == [.report(.restartingGroupScripts), .restartGroupScripts])
    }

    @Test func aStaleGroupAnswerIsRecognisedFromTheState() {
        var machine = Self.fixture(.deciding)
        let other = Self.failedAt + .seconds(1)
        #expect(machine.groupStateObserved(active: true, maxFailoversReached: false, failedAt: other, at: other) == [])
        #expect(machine.phase == .deciding && machine.counter.used == 0)
        #expect(
            machine.groupStateObserved(active: false, maxFailoversReached: false, failedAt: Self.failedAt, at: other)
                == [.report(.noActionGroupInactive)]
        )
        #expect(machine.phase == .ended && machine.counter.used == 0)
    }

    @Test func aPausedWatchOnlyReportsAndContinueResumes() {
        var machine = Self.running()
        #expect(machine.pauseRequested() == [.persist, .replyToRequest(.control, .done)])
        #expect(machine.monitorState == .paused)
        guard case .replyToRequest(.control, .refused) = machine.pauseRequested().first else {
            Issue.record("a second pause must be refused")
            return
        }
        #expect(machine.continueRequested() == [.persist, .replyToRequest(.control, .done)])
        _ = machine.pauseRequested()
        #expect(machine.programExited(.exited(1), at: Self.t0) == [.report(.programEnded(.exited(1))), .persist])
        #expect(machine.phase == .ended && machine.monitorState == .paused)
        // armloadc start keeps the monitoring state.
        #expect(machine.startRequested(readinessWait: nil, at: Self.t0) == [.launch])
        #expect(machine.launched(pid: 7, at: Self.t0) == [.persist, .replyToRequest(.control, .started(ready: nil))])
        #expect(machine.monitorState == .paused)
    }

    @Test func maxFailoversReachedTurnsTheFailoverIntoNoAction() {
        var machine = Self.running(Self.config(ArmloadWatchPolicy(isWatched: true)))
        _ = machine.programExited(.exited(1), at: Self.failedAt)
        #expect(
            machine.groupStateObserved(active: true, maxFailoversReached: true, failedAt: Self.failedAt, at: Self.late)
                == [.report(.failureDetected(.none(maxFailoversReached: true))), .persist]
        )
    }

    // MARK: - Readiness

    @Test func readinessAnswersOnReadyOnTheDeadlineOrOnAnEarlyEnd() {
        var ready = Self.fixture(.awaitingReadiness)
        #expect(ready.startState == .starting && ready.pid == 100)
        #expect(
            ready.ready(at: Self.t0) == [.persist, .cancelDeadline, .replyToRequest(.start, .started(ready: true))]
        )

        var slow = Self.fixture(.awaitingReadiness)
        #expect(slow.deadlineReached(at: Self.t0 + .seconds(9)).isEmpty)
        #expect(
            slow.deadlineReached(at: Self.t0 + .seconds(10)) == [
                .persist, .replyToRequest(.start, .started(ready: false)),
            ]
        )

        var early = Self.fixture(.awaitingReadiness)
        #expect(
            early.programExited(.exited(4), at: Self.t0) == [
                .cancelDeadline, .report(.startFailed), .release,
                .replyToRequest(.start, .endedBeforeReady(.exited(4))),
            ]
        )
    }

    @Test func aRegistrationWhoseLaunchFailsIsReleased() {
        var machine = Self.fixture(.starting)
        #expect(
            machine.launchFailed(at: Self.t0) == [
                .report(.startFailed), .release, .replyToRequest(.start, .startFailed),
            ]
        )
        var control = Self.fixture(.stopped)
        _ = control.startRequested(readinessWait: nil, at: Self.t0)
        #expect(
            control.launchFailed(at: Self.t0) == [
                .persist, .report(.startFailed), .replyToRequest(.control, .startFailed),
            ]
        )
        #expect(control.phase == .stopped)
    }

    // MARK: - Stops

    @Test func armkillSendsTermThenKillThenGivesUpAfterTheGrace() {
        var machine = Self.running()
        #expect(
            machine.killRequested(wait: .seconds(3), at: Self.t0) == [
                .persist, .sendSignal(SignalNumber.terminate), .scheduleDeadline(at: Self.t0 + .seconds(3)),
            ]
        )
        #expect(machine.startState == .stopping)
        let killAt = Self.t0 + .seconds(3)
        #expect(
            machine.deadlineReached(at: killAt) == [
                .sendSignal(SignalNumber.kill), .scheduleDeadline(at: killAt + .seconds(5)),
            ]
        )
        #expect(machine.deadlineReached(at: killAt + .seconds(5)) == [.replyToRequest(.kill, .survived)])
        #expect(machine.phase == .gaveUp && machine.startState == .stopping)
        // The WID stays; a later armkill tries again.
        #expect(machine.killRequested(wait: .seconds(1), at: Self.late).contains(.sendSignal(SignalNumber.terminate)))
    }

    @Test func anExitDuringTheStopAnswersEveryWaitingRequest() {
        var machine = Self.running()
        _ = machine.stopRequested(wait: .seconds(3), at: Self.t0)
        #expect(machine.groupStopRequested(wait: .seconds(10), at: Self.t0).isEmpty)
        _ = machine.deadlineReached(at: Self.t0 + .seconds(3))
        #expect(
            machine.programExited(.signaled(9), at: Self.t0 + .seconds(4)) == [
                .cancelDeadline, .killLeftovers, .release,
                .replyToRequest(.control, .terminated(forced: true)),
                .replyToRequest(.groupStop, .terminated(forced: true)),
            ]
        )
    }

    @Test func armloadcStopKeepsTheWidAsStopped() {
        var machine = Self.running()
        _ = machine.stopRequested(wait: .seconds(3), at: Self.t0)
        #expect(
            machine.programExited(.signaled(15), at: Self.t0) == [
                .cancelDeadline, .killLeftovers, .persist, .replyToRequest(.control, .terminated(forced: false)),
            ]
        )
        #expect(machine.startState == .stopped && !machine.endedUnasked)
    }

    @Test func armkillOfAWidThatEndedOnItsOwnSaysSo() {
        var machine = Self.fixture(.ended)
        #expect(
            machine.killRequested(wait: .seconds(3), at: Self.t0) == [
                .cancelDeadline, .release, .replyToRequest(.kill, .released(endedUnasked: true)),
            ]
        )
    }

    @Test func aFailedStopCommandKeepsTheServiceUnlessTheGroupStops() {
        var machine = Self.running(Self.config(stopCommand: true))
        #expect(
            machine.killRequested(wait: .seconds(3), at: Self.t0) == [
                .persist, .runStopCommand(timeout: .seconds(3)), .scheduleDeadline(at: Self.t0 + .seconds(3)),
            ]
        )
        #expect(
            machine.stopCommandFinished(succeeded: false, detail: "no", at: Self.t0) == [
                .persist, .cancelDeadline, .replyToRequest(.kill, .stopFailed("no")),
            ]
        )
        #expect(machine.phase == .running)

        _ = machine.groupStopRequested(wait: .seconds(3), at: Self.t0)
        #expect(
            machine.stopCommandFinished(succeeded: false, detail: "no", at: Self.t0) == [
                .report(.stopCommandFailed("no")), .sendSignal(SignalNumber.terminate),
            ]
        )
        #expect(machine.programExited(.signaled(15), at: Self.t0).contains(.release))

        var quiet = Self.running(Self.config(stopCommand: true))
        _ = quiet.killRequested(wait: .seconds(3), at: Self.t0)
        #expect(quiet.stopCommandFinished(succeeded: true, detail: "", at: Self.t0).isEmpty)
        #expect(quiet.deadlineReached(at: Self.t0 + .seconds(3)).first == .sendSignal(SignalNumber.kill))
    }

    @Test func aStopThatInterruptsTheReadinessWaitAnswersTheStartToo() {
        var machine = Self.fixture(.awaitingReadiness)
        _ = machine.killRequested(wait: .seconds(3), at: Self.t0)
        #expect(
            machine.programExited(.signaled(15), at: Self.t0) == [
                .cancelDeadline, .killLeftovers, .release,
                .replyToRequest(.start, .endedBeforeReady(.signaled(15))),
                .replyToRequest(.kill, .terminated(forced: false)),
            ]
        )
    }

    @Test func aLaunchThatReportsAfterAKillIsAbandoned() {
        var machine = Self.fixture(.starting)
        #expect(
            machine.killRequested(wait: .seconds(3), at: Self.t0) == [
                .cancelDeadline, .release, .replyToRequest(.start, .released(endedUnasked: false)),
                .replyToRequest(.kill, .released(endedUnasked: false)),
            ]
        )
        #expect(machine.launched(pid: 9, at: Self.t0) == [.abandonLaunch])
    }

    // MARK: - Units

    @Test func aWatchedUnitIsCheckedOnDeadlinesAndItsEndIsAFailure() {
        var machine = Machine(configuration: Self.config(unit: true))
        _ = machine.startRequested(readinessWait: nil, at: Self.t0)
        let first = Self.t0 + .seconds(5)
        #expect(
            machine.launched(pid: 300, at: Self.t0) == [
                .persist, .replyToRequest(.start, .started(ready: nil)), .scheduleDeadline(at: first),
            ]
        )
        #expect(machine.deadlineReached(at: first) == [.checkUnit])
        // A second deadline while the check runs does nothing.
        #expect(machine.deadlineReached(at: first).isEmpty)
        #expect(
            machine.unitChecked(.active(mainPID: 301), at: first) == [
                .persist, .scheduleDeadline(at: first + .seconds(5)),
            ]
        )
        #expect(machine.pid == 301)
        _ = machine.deadlineReached(at: first + .seconds(5))
        #expect(machine.unitChecked(.unknown, at: first + .seconds(5)) == [.scheduleDeadline(at: first + .seconds(10))])
        _ = machine.deadlineReached(at: first + .seconds(10))
        let down = first + .seconds(10)
        #expect(
            machine.unitChecked(.down(code: 1, status: 3), at: down) == [
                .report(.unitEnded(code: 1, status: 3)), .persist, .queryGroup(failedAt: down),
            ]
        )
        #expect(machine.lastExit == .exited(3))
    }

    @Test func aUnitStopThatTimesOutKeepsItRunning() {
        var machine = Machine(configuration: Self.config(unit: true))
        _ = machine.startRequested(readinessWait: nil, at: Self.t0)
        _ = machine.launched(pid: 300, at: Self.t0)
        #expect(
            machine.killRequested(wait: .seconds(3), at: Self.t0) == [
                .persist, .cancelDeadline, .stopUnit(timeout: .seconds(3)),
            ]
        )
        #expect(
            machine.unitStopFinished(stopped: false, at: Self.t0 + .seconds(3)) == [
                .persist, .replyToRequest(.kill, .stopTimedOut), .scheduleDeadline(at: Self.t0 + .seconds(8)),
            ]
        )
        _ = machine.killRequested(wait: .seconds(3), at: Self.t0)
        #expect(
            machine.unitStopFinished(stopped: true, at: Self.t0) == [
                .cancelDeadline, .release, .replyToRequest(.kill, .terminated(forced: false)),
            ]
        )
    }

    // MARK: - /W and recovery

    @Test func aSynchronousWidEndsWhenTheCommandSaysSo() {
        var machine = Self.fixture(.synchronous)
        #expect(machine.startState == .running && machine.monitorState == .sync)
        #expect(machine.synchronousProgramEnded(.exited(3)) == [.persist])
        #expect(machine.startState == .ended && machine.lastExit == .exited(3))
        #expect(machine.synchronousProgramEnded(.exited(0)).isEmpty)
    }

    @Test func aRestoredWidWhoseProgramDiedIsAFailure() {
        var machine = Machine(
            configuration: Self.config(),
            restoring: .running,
            monitorState: .monitoring,
            counter: RestartCounter(),
            pid: nil,
            since: Self.t0,
            lastExit: nil
        )
        let now = Self.t0 + .seconds(30)
        #expect(machine.programExited(.unknown, at: now).last == .queryGroup(failedAt: now))
        let stopped = Machine(
            configuration: Self.config(),
            restoring: .stopped,
            monitorState: .monitoring,
            counter: RestartCounter(),
            pid: nil,
            since: Self.t0,
            lastExit: .exited(0)
        )
        #expect(stopped.phase == .stopped)
    }

    // MARK: - Random walks

    /// A seeded walk over every input: no restart after an armkill, restarts never exceed `/R`.
    @Test func randomWalksKeepTheInvariants() {
        for seed in UInt64(1)...1000 {
            var random = seed &* 0x9E37_79B9_7F4A_7C15
            var machine = Self.running()
            var killed = false
            var trail: [String] = []
            var now = Self.t0
            for _ in 0..<60 {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let input = Input.allCases[Int((random >> 33) % UInt64(Input.allCases.count))]
                now = now + .milliseconds(Int64((random >> 20) % 5000))
                let actions = Self.walkStep(input, on: &machine, at: now)
                trail.append("\(input.rawValue)->\(machine.phase.rawValue)")
                // An armkill that gave up leaves the WID; only an explicit armloadc start runs it again.
                if input == .start { killed = false }
                if killed { #expect(!actions.contains(.launch), "seed \(seed) \(trail)") }
                if input == .kill { killed = true }
                #expect(machine.counter.used <= 2, "seed \(seed)")
            }
        }
    }

    private static func walkStep(
        _ input: Input,
        on machine: inout Machine,
        at now: MonotonicInstant
    ) -> [Machine.Action] {
        switch input {
        case .groupActive, .groupInactive:
            // Answer the pending question, whatever its instant.
            return machine.groupStateObserved(
                active: input == .groupActive,
                maxFailoversReached: false,
                failedAt: machine.pendingFailureInstant ?? now,
                at: now
            )
        case .deadline: return machine.deadlineReached(at: now)
        case .kill: return machine.killRequested(wait: .seconds(1), at: now)
        default: return input.apply(to: &machine)
        }
    }
}
