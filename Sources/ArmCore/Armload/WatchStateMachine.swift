/// One ARMLOAD watch (commands.md 2.1–2.3; seed §2.2.1–2.2.3) as a pure state machine in swift-nio's style:
/// the data of each state lives in its enum case, there is one method per input, and each returns the
/// actions the supervisor performs (launch, signal, deadline, group question, persist, report, reply).
///
/// Time comes only from the inputs (`at:`), so a manual instant drives it in tests. Every wait is a
/// deadline the caller schedules and reports back with `deadlineReached(at:)`; a deadline whose state has
/// moved on does nothing. The group-dependent decision (is the group still active, is its failover limit
/// reached) is asked with `Action.queryGroup(failedAt:)` and answered with `groupStateObserved`; an answer
/// for another failure than the one pending is recognisable from the state and ignored.
package struct WatchStateMachine: Sendable {
    /// What does not change while the WID is registered.
    package struct Configuration: Sendable, Equatable {
        /// `/R`, `/H`, `/SCR`, `/ACT`.
        package var policy: ArmloadWatchPolicy
        /// `[armload]` restart delay and backoff.
        package var backoff: BackoffSettings
        /// The service form on a systemd unit: checked every `unitCheckInterval` while watched.
        package var isUnit: Bool
        /// `/INT` of a unit watch: the time between two checks of a running unit.
        package var unitCheckInterval: Duration
        /// A `[services]` entry with a `stop` command: stops run it instead of sending SIGTERM.
        package var hasStopCommand: Bool
        /// How long a program may live after SIGKILL before a stop gives up (commands.md 2.2: 5 s).
        package var killGrace: Duration

        /// Creates a configuration.
        package init(
            policy: ArmloadWatchPolicy,
            backoff: BackoffSettings = BackoffSettings(),
            isUnit: Bool = false,
            unitCheckInterval: Duration = .seconds(5),
            hasStopCommand: Bool = false,
            killGrace: Duration = .seconds(5)
        ) {
            self.policy = policy
            self.backoff = backoff
            self.isUnit = isUnit
            self.unitCheckInterval = unitCheckInterval
            self.hasStopCommand = hasStopCommand
            self.killGrace = killGrace
        }
    }

    /// Who waits for an answer of the watch.
    package enum Request: Sendable, Hashable, CaseIterable {
        /// `armload` (registration and first start, with its `/WAIT`).
        case start
        /// `armkill`.
        case kill
        /// `armloadc` (stop, start, pause, continue).
        case control
        /// The stop of the WID's group (the WID is released).
        case groupStop
    }

    /// The answer to a request.
    package enum Outcome: Sendable, Equatable {
        /// Started; `ready` is true after `READY=1`, false when the readiness wait ended first, nil without one.
        case started(ready: Bool?)
        /// The launch (or the unit's or forking service's start) failed; the caller knows the details.
        case startFailed
        /// It ended during the readiness wait (the start failed; no action is taken).
        case endedBeforeReady(ProgramExit)
        /// Stopped; `forced` when SIGKILL was needed.
        case terminated(forced: Bool)
        /// Still alive `killGrace` after SIGKILL.
        case survived
        /// The `[services]` `stop` command failed; the service keeps running in its earlier state.
        case stopFailed(String)
        /// The unit was not inactive at the end of the wait; it keeps running.
        case stopTimedOut
        /// Released without a program to stop; `endedUnasked` when its program had ended on its own.
        case released(endedUnasked: Bool)
        /// pause or continue took effect.
        case done
        /// Refused by the armloadc matrix (commands.md 2.3): what the action needs, and the states.
        case refused(String)
    }

    /// A fact for ARM.LOG, the event log or a trace line; the supervisor renders it from the catalog.
    package enum Report: Sendable, Equatable {
        /// ARMLOAD-09 (exit code) or ARMLOAD-23 (unknown status): the program ended unasked.
        case programEnded(ProgramExit)
        /// ARMLOAD-14: the watched unit is failed or inactive.
        case unitEnded(code: Int, status: Int)
        /// Event 14015/14016 with the action's seed number.
        case failureDetected(FailureAction)
        /// ARMLOAD-17/-18 and event 14000/14001.
        case restarted
        /// Event 14002/14003: a start or restart failed.
        case startFailed
        /// ARMLOAD-16: the group's scripts are restarted (`/SCR`).
        case restartingGroupScripts
        /// Trace: a failure while the group is not active takes no action.
        case noActionGroupInactive
        /// ARMLOAD-26: the `stop` command failed during a group stop; the service is signalled instead.
        case stopCommandFailed(String)
    }

    /// An effect for the supervisor; results come back as inputs.
    package enum Action: Sendable, Equatable {
        /// Start the program, service or unit; answer with `launched` or `launchFailed`.
        case launch
        /// Kill the program a launch just started: nobody waits for it any more (stopped or released meanwhile).
        case abandonLaunch
        /// Send a signal to the run's process group.
        case sendSignal(Int32)
        /// SIGKILL whatever is left in the process group of a run whose main process ended.
        case killLeftovers
        /// Run the `[services]` `stop` command; answer with `stopCommandFinished`.
        case runStopCommand(timeout: Duration)
        /// Stop the unit and wait up to `timeout` for it; answer with `unitStopFinished`.
        case stopUnit(timeout: Duration)
        /// Read the unit's state; answer with `unitChecked`.
        case checkUnit
        /// The watch's next deadline (it replaces any earlier one); answer with `deadlineReached`.
        case scheduleDeadline(at: MonotonicInstant)
        /// The watch has no deadline any more.
        case cancelDeadline
        /// Ask the group's state and failover limit; answer with `groupStateObserved(failedAt:)`.
        case queryGroup(failedAt: MonotonicInstant)
        /// `/ACT` after `/R` restarts within `/H`: fail the group over or shut the server down.
        case escalate(FailureAction)
        /// `/SCR`: restart the group's scripts (its stop then its start registers the WID again).
        case restartGroupScripts
        /// Write the watch's row (queued: a restart never waits for the database).
        case persist
        /// Forget the WID and delete its row.
        case release
        /// Write a report.
        case report(Report)
        /// Answer a waiting request.
        case replyToRequest(Request, Outcome)
    }

    /// What a unit check found.
    package enum UnitObservation: Sendable, Equatable {
        /// Active or reloading, with its `MainPID` (nil when 0).
        case active(mainPID: Int32?)
        /// Failed or inactive: `ExecMainCode`, `ExecMainStatus`.
        case down(code: Int, status: Int)
        /// systemctl failed: checked again later.
        case unknown
    }

    /// Why a program is being started.
    fileprivate enum StartPurpose: Sendable, Equatable {
        /// `armload`: on failure the WID is released.
        case register
        /// `armloadc start`: on failure the WID goes back to where it was.
        case control(previous: Rest)
        /// Action 5 after the delay.
        case restart
    }

    /// Where a WID without a program rests.
    fileprivate enum Rest: Sendable, Equatable {
        case ended(ProgramExit?, unasked: Bool)
        case stopped
    }

    /// The next check of a unit.
    fileprivate enum UnitCheck: Sendable, Equatable {
        /// A program (its exits come from the launcher), or an unwatched unit.
        case none
        /// Due at the instant.
        case due(MonotonicInstant)
        /// Asked; waiting for `unitChecked`.
        case inFlight
    }

    /// One run of the program (or one active period of the unit).
    fileprivate struct Run: Sendable, Equatable {
        var pid: Int32?
        var since: MonotonicInstant
        var check: UnitCheck
    }

    /// A failure waiting for the group's answer.
    fileprivate struct Failure: Sendable, Equatable {
        var at: MonotonicInstant
        var ranFor: Duration
    }

    /// The phase of a stop.
    fileprivate enum StopPhase: Sendable, Equatable {
        /// The `[services]` stop command runs; the deadline is the end of the wait.
        case stopCommand(until: MonotonicInstant)
        /// SIGTERM sent (or the stop command done); waiting for the exit until the deadline.
        case terminating(until: MonotonicInstant)
        /// SIGKILL sent; waiting `killGrace`.
        case killing(until: MonotonicInstant)
        /// `systemctl stop`; waiting for `unitStopFinished`.
        case unit
    }

    /// A stop in progress.
    fileprivate struct Stopping: Sendable, Equatable {
        var run: Run
        /// Who waits for it, in order of asking.
        var requests: [Request]
        var phase: StopPhase
        /// A readiness wait the stop interrupted (its request is answered at the end).
        var interruptedStart: StartPurpose?
    }

    fileprivate enum State: Sendable, Equatable {
        /// Registered; the program is not started yet.
        case registered
        /// `armload /W`: the command runs the program; nil until it reports the end.
        case synchronous(ended: ProgramExit?)
        /// The launch was asked.
        case starting(StartPurpose, readinessWait: Duration?)
        /// Launched; waiting for `READY=1`, or the deadline.
        case awaitingReadiness(StartPurpose, Run, until: MonotonicInstant)
        /// Running and (unless unwatched or paused) watched.
        case running(Run)
        /// It failed; waiting for the group's answer.
        case deciding(Failure)
        /// Action 5 or 4 after the delay.
        case backingOff(until: MonotonicInstant, script: Bool)
        /// `/SCR`: the group's scripts are being restarted.
        case restartingGroup
        /// armkill, armloadc stop or the group stop.
        case stopping(Stopping)
        /// Alive after SIGKILL and the grace: a later stop may try again.
        case gaveUp(Run)
        /// Without a program.
        case resting(Rest)
        /// Gone; every input does nothing.
        case released
    }

    private var state: State
    /// The fixed part of the watch.
    package let configuration: Configuration
    /// The monitoring state (commands.md 2.3); kept across runs, so `armloadc start` restores it.
    package private(set) var monitorState: WatchMonitorState
    /// The (group, WID) restart count; the supervisor keeps it across the re-registration `/SCR` causes.
    package var counter: RestartCounter
    /// How the last run ended; nil before the first end.
    package private(set) var lastExit: ProgramExit?

    /// A newly registered WID: `armload` (not yet started) or `armload /W` (`synchronous`).
    package init(configuration: Configuration, synchronous: Bool = false, counter: RestartCounter = RestartCounter()) {
        self.configuration = configuration
        self.counter = counter
        self.state = synchronous ? .synchronous(ended: nil) : .registered
        self.monitorState = synchronous ? .sync : (configuration.policy.isWatched ? .monitoring : .unwatched)
    }

    /// A WID restored from its row at start-up: running (re-attached, or about to be reported dead with
    /// `programExited`), or resting as it was.
    /// - Parameters:
    ///   - configuration: The fixed part of the watch.
    ///   - startState: The row's start state; anything with a process is restored as running.
    ///   - monitorState: The row's monitoring state.
    ///   - counter: The (group, WID) restart count.
    ///   - pid: The re-attached pid.
    ///   - since: When the run began (for the backoff's run length).
    ///   - lastExit: The row's last exit.
    package init(
        configuration: Configuration,
        restoring startState: WatchStartState,
        monitorState: WatchMonitorState,
        counter: RestartCounter,
        pid: Int32?,
        since: MonotonicInstant,
        lastExit: ProgramExit?
    ) {
        self.configuration = configuration
        self.counter = counter
        self.monitorState = monitorState
        self.lastExit = lastExit
        switch startState {
        case .starting, .running, .restarting, .stopping:
            if monitorState == .sync {
                state = .synchronous(ended: nil)
            } else {
                state = .running(Run(pid: pid, since: since, check: .none))
            }
        case .stopped:
            state = .resting(.stopped)
        case .ended:
            state = monitorState == .sync ? .synchronous(ended: lastExit) : .resting(.ended(lastExit, unasked: false))
        }
    }

    // MARK: - What the supervisor shows

    /// The start state (commands.md 2.3) as armstat and the row show it.
    package var startState: WatchStartState {
        switch state {
        case .registered, .awaitingReadiness: .starting
        case .starting(.restart, _): .restarting
        case .starting: .starting
        case .synchronous(let ended): ended == nil ? .running : .ended
        case .running: .running
        case .deciding: .ended
        case .backingOff, .restartingGroup: .restarting
        case .stopping, .gaveUp: .stopping
        case .resting(.stopped): .stopped
        case .resting(.ended), .released: .ended
        }
    }

    /// The state without its data, for tests, traces and the supervisor's bookkeeping.
    package enum Phase: String, Sendable, CaseIterable {
        case registered, synchronous, starting, awaitingReadiness, running, deciding, backingOff, restartingGroup
        case stopping, gaveUp, stopped, ended, released
    }

    /// The current state without its data.
    package var phase: Phase {
        switch state {
        case .registered: .registered
        case .synchronous: .synchronous
        case .starting: .starting
        case .awaitingReadiness: .awaitingReadiness
        case .running: .running
        case .deciding: .deciding
        case .backingOff: .backingOff
        case .restartingGroup: .restartingGroup
        case .stopping: .stopping
        case .gaveUp: .gaveUp
        case .resting(.stopped): .stopped
        case .resting(.ended): .ended
        case .released: .released
        }
    }

    /// The pid of the current run (the unit's `MainPID`); nil when none runs.
    package var pid: Int32? {
        switch state {
        case .awaitingReadiness(_, let run, _), .running(let run), .gaveUp(let run): run.pid
        case .stopping(let stopping): stopping.run.pid
        default: nil
        }
    }

    /// Whether a process (or an active unit) may belong to the watch: it is being started, runs or stops.
    package var hasProcess: Bool {
        switch state {
        case .starting, .awaitingReadiness, .running, .stopping, .gaveUp: true
        default: false
        }
    }

    /// The instant of the failure waiting for the group's answer; nil when none waits.
    package var pendingFailureInstant: MonotonicInstant? {
        if case .deciding(let failure) = state { return failure.at }
        return nil
    }

    /// Whether the WID was released; it accepts no more inputs.
    package var isReleased: Bool { state == .released }

    /// Whether the program ended on its own and nothing restarted it (armkill then answers ARMKILL-07).
    package var endedUnasked: Bool {
        switch state {
        case .deciding, .resting(.ended(_, unasked: true)): true
        default: false
        }
    }

    // MARK: - Starting

    /// `armload` (the first start) or `armloadc start` (from stopped or ended).
    /// - Parameters:
    ///   - readinessWait: `/WAIT` (or armloadc's wait when the WID has one); nil = started once launched.
    ///   - now: The time of the request.
    /// - Returns: `launch`, or the refusal when the WID is not registered-only, stopped or ended.
    package mutating func startRequested(readinessWait: Duration?, at now: MonotonicInstant) -> [Action] {
        switch state {
        case .registered:
            state = .starting(.register, readinessWait: readinessWait)
            return [.launch]
        case .resting(let rest):
            state = .starting(.control(previous: rest), readinessWait: readinessWait)
            return [.launch]
        default:
            return refuse(.start)
        }
    }

    /// The launch worked (for a unit: it is active, with its `MainPID`).
    package mutating func launched(pid: Int32?, at now: MonotonicInstant) -> [Action] {
        guard case .starting(let purpose, let readinessWait) = state else {
            // Nobody waits for this run any more (the WID was stopped or released meanwhile).
            return [.abandonLaunch]
        }
        let run = Run(pid: pid, since: now, check: firstCheck(after: now))
        if let readinessWait, purpose != .restart {
            let until = now + readinessWait
            state = .awaitingReadiness(purpose, run, until: until)
            return [.persist, .scheduleDeadline(at: until)]
        }
        state = .running(run)
        var actions: [Action] = [.persist]
        switch purpose {
        case .register: actions.append(.replyToRequest(.start, .started(ready: nil)))
        case .control: actions.append(.replyToRequest(.control, .started(ready: nil)))
        case .restart: actions.append(.report(.restarted))
        }
        return actions + schedule(run)
    }

    /// The launch (or the start of the service or unit) failed.
    package mutating func launchFailed(at now: MonotonicInstant) -> [Action] {
        guard case .starting(let purpose, _) = state else { return [] }
        switch purpose {
        case .register:
            state = .released
            return [.report(.startFailed), .release, .replyToRequest(.start, .startFailed)]
        case .control(let previous):
            state = .resting(previous)
            return [.persist, .report(.startFailed), .replyToRequest(.control, .startFailed)]
        case .restart:
            // A restart that fails counts as a failure of a run of length zero (commands.md 2.1).
            return [.report(.startFailed), .persist] + fail(ranFor: .zero, at: now)
        }
    }

    /// The program sent `READY=1`.
    package mutating func ready(at now: MonotonicInstant) -> [Action] {
        guard case .awaitingReadiness(let purpose, let run, _) = state else { return [] }
        state = .running(run)
        return [.persist, .cancelDeadline, .replyToRequest(purpose.request, .started(ready: true))] + schedule(run)
    }

    // MARK: - Ends and checks

    /// The run's main process ended.
    package mutating func programExited(_ exit: ProgramExit, at now: MonotonicInstant) -> [Action] {
        ended(exit, report: .programEnded(exit), at: now)
    }

    /// A check of a watched unit came back.
    package mutating func unitChecked(_ observation: UnitObservation, at now: MonotonicInstant) -> [Action] {
        guard case .running(var run) = state, run.check == .inFlight else { return [] }
        switch observation {
        case .active(let mainPID):
            let changed = mainPID != run.pid
            run.pid = mainPID
            run.check = .due(now + configuration.unitCheckInterval)
            state = .running(run)
            return (changed ? [.persist] : []) + schedule(run)
        case .unknown:
            run.check = .due(now + configuration.unitCheckInterval)
            state = .running(run)
            return schedule(run)
        case .down(let code, let status):
            return ended(
                .exited(Int32(truncatingIfNeeded: status)),
                report: .unitEnded(code: code, status: status),
                at: now
            )
        }
    }

    private mutating func ended(_ exit: ProgramExit, report: Report, at now: MonotonicInstant) -> [Action] {
        switch state {
        case .awaitingReadiness(let purpose, _, _):
            lastExit = exit
            switch purpose {
            case .register:
                state = .released
                return [
                    .cancelDeadline, .report(.startFailed), .release, .replyToRequest(.start, .endedBeforeReady(exit)),
                ]
            case .control, .restart:
                state = .resting(.ended(exit, unasked: false))
                return [
                    .persist, .cancelDeadline, .report(.startFailed),
                    .replyToRequest(.control, .endedBeforeReady(exit)),
                ]
            }
        case .running(let run):
            lastExit = exit
            var actions: [Action] = [.report(report), .persist]
            if case .due = run.check { actions.append(.cancelDeadline) }
            guard monitorState == .monitoring else {
                // Unwatched programs only end; paused watches only log (commands.md 2.1, 2.3).
                state = .resting(.ended(exit, unasked: true))
                return actions
            }
            return actions + fail(ranFor: now - run.since, at: now)
        case .stopping(let stopping):
            lastExit = exit
            return finishStop(stopping, exit: exit, forced: stopping.phase.isKilling)
        case .gaveUp:
            // It finally ended after the stop gave up: asked for, so no action.
            lastExit = exit
            state = .resting(.ended(exit, unasked: false))
            return [.persist]
        case .registered, .synchronous, .starting, .deciding, .backingOff, .restartingGroup, .resting, .released:
            return []
        }
    }

    /// The stop asked for ended: answer every waiting request; armkill and the group stop release the WID.
    private mutating func finishStop(_ stopping: Stopping, exit: ProgramExit?, forced: Bool) -> [Action] {
        var actions: [Action] = [.cancelDeadline]
        if stopping.phase != .unit { actions.append(.killLeftovers) }
        let releases = stopping.requests.contains(.kill) || stopping.requests.contains(.groupStop)
        if releases {
            state = .released
            actions.append(.release)
        } else {
            state = .resting(.stopped)
            actions.append(.persist)
        }
        if let interrupted = stopping.interruptedStart {
            actions.append(.replyToRequest(interrupted.request, .endedBeforeReady(exit ?? .unknown)))
        }
        for request in stopping.requests { actions.append(.replyToRequest(request, .terminated(forced: forced))) }
        return actions
    }

    /// A failure of a watched run: ask the group before deciding.
    private mutating func fail(ranFor: Duration, at now: MonotonicInstant) -> [Action] {
        state = .deciding(Failure(at: now, ranFor: ranFor))
        return [.queryGroup(failedAt: now)]
    }

    /// The group's answer to `queryGroup(failedAt:)`.
    /// - Parameters:
    ///   - active: The group is starting or started here.
    ///   - maxFailoversReached: Its `max_failovers` within `failover_window_s` is reached.
    ///   - failedAt: The failure the answer is about.
    ///   - now: The time of the answer.
    /// - Returns: The failure's action (restart deadline, escalation or nothing); nothing for a stale answer.
    package mutating func groupStateObserved(
        active: Bool,
        maxFailoversReached: Bool,
        failedAt: MonotonicInstant,
        at now: MonotonicInstant
    ) -> [Action] {
        guard case .deciding(let failure) = state, failure.at == failedAt else { return [] }
        guard active else {
            // Interpretation: a program that dies while its group is stopping takes no action; the group
            // stop releases it.
            state = .resting(.ended(lastExit, unasked: true))
            return [.report(.noActionGroupInactive)]
        }
        let action = RestartPolicy.onFailure(
            counter: &counter,
            policy: configuration.policy,
            backoff: configuration.backoff,
            ranFor: failure.ranFor,
            now: now,
            maxFailoversReached: maxFailoversReached
        )
        var actions: [Action] = [.report(.failureDetected(action))]
        switch action {
        case .restartApplication(let delay), .restartScript(let delay):
            // The backoff counts from the death, not from the group's answer, so the wait is exactly the
            // configured step however long the question took (issue 4: ± 10 ms); an answer later than that
            // restarts at once.
            let until = max(now, failedAt + delay)
            state = .backingOff(until: until, script: action.seedNumber == 4)
            actions += [.persist, .scheduleDeadline(at: until)]
        case .failover, .shutdown:
            state = .resting(.ended(lastExit, unasked: true))
            actions += [.persist, .escalate(action)]
        case .none:
            state = .resting(.ended(lastExit, unasked: true))
            actions.append(.persist)
        }
        return actions
    }

    /// A deadline the machine asked for has come (or a stale one: then nothing happens).
    package mutating func deadlineReached(at now: MonotonicInstant) -> [Action] {
        switch state {
        case .awaitingReadiness(let purpose, let run, let until) where now >= until:
            state = .running(run)
            return [.persist, .replyToRequest(purpose.request, .started(ready: false))] + schedule(run)
        case .running(var run):
            guard case .due(let at) = run.check, now >= at else { return [] }
            run.check = .inFlight
            state = .running(run)
            return [.checkUnit]
        case .backingOff(let until, let script) where now >= until:
            if script {
                state = .restartingGroup
                return [.report(.restartingGroupScripts), .restartGroupScripts]
            }
            state = .starting(.restart, readinessWait: nil)
            return [.launch]
        case .stopping(var stopping):
            switch stopping.phase {
            case .stopCommand(let until) where now >= until, .terminating(let until) where now >= until:
                let grace = now + configuration.killGrace
                stopping.phase = .killing(until: grace)
                state = .stopping(stopping)
                return [.sendSignal(SignalNumber.kill), .scheduleDeadline(at: grace)]
            case .killing(let until) where now >= until:
                return gaveUp(stopping)
            default:
                return []
            }
        default:
            return []
        }
    }

    private mutating func gaveUp(_ stopping: Stopping) -> [Action] {
        var actions: [Action] = []
        if stopping.requests.contains(.groupStop) {
            // The group stop releases the WID anyway, so its next start can register it again.
            state = .released
            actions.append(.release)
        } else {
            state = .gaveUp(stopping.run)
        }
        if let interrupted = stopping.interruptedStart {
            actions.append(.replyToRequest(interrupted.request, .endedBeforeReady(.unknown)))
        }
        for request in stopping.requests { actions.append(.replyToRequest(request, .survived)) }
        return actions
    }

    // MARK: - Stops

    /// armkill: stop the program (wait, SIGKILL, 5 s) and release the WID.
    package mutating func killRequested(wait: Duration, at now: MonotonicInstant) -> [Action] {
        stop(by: .kill, wait: wait, at: now)
    }

    /// armloadc stop: stop the program as armkill does; the WID stays as `stopped`.
    package mutating func stopRequested(wait: Duration, at now: MonotonicInstant) -> [Action] {
        if let refusal = ArmloadControl.refusal(.stop, start: startState, monitor: monitorState) {
            return [.replyToRequest(.control, .refused(refusal))]
        }
        return stop(by: .control, wait: wait, at: now)
    }

    /// The group stops: stop the program as armkill does (a failing stop command does not keep the service)
    /// and release the WID.
    package mutating func groupStopRequested(wait: Duration, at now: MonotonicInstant) -> [Action] {
        stop(by: .groupStop, wait: wait, at: now)
    }

    private mutating func stop(by request: Request, wait: Duration, at now: MonotonicInstant) -> [Action] {
        let run: Run
        var interrupted: StartPurpose?
        switch state {
        case .running(let current), .gaveUp(let current):
            run = current
        case .awaitingReadiness(let purpose, let current, _):
            run = current
            interrupted = purpose
        case .stopping(var stopping):
            // Already stopping: this request waits for the same end.
            if !stopping.requests.contains(request) { stopping.requests.append(request) }
            state = .stopping(stopping)
            return []
        case .registered, .synchronous, .starting, .deciding, .backingOff, .restartingGroup, .resting:
            // Nothing runs (or the launch in flight is killed when it reports): release at once.
            let unasked = endedUnasked
            guard request != .control else { return refuse(.stop) }
            var actions: [Action] = [.cancelDeadline, .release]
            if case .starting(let purpose, _) = state, purpose != .restart {
                // The request waiting for this start learns that the WID is gone.
                actions.append(.replyToRequest(purpose.request, .released(endedUnasked: false)))
            }
            state = .released
            return actions + [.replyToRequest(request, .released(endedUnasked: unasked))]
        case .released:
            return [.replyToRequest(request, .released(endedUnasked: false))]
        }
        let until = now + wait
        var stopping = Stopping(run: run, requests: [request], phase: .terminating(until: until))
        stopping.interruptedStart = interrupted
        var actions: [Action] = []
        if configuration.isUnit {
            stopping.phase = .unit
            actions = [.persist, .cancelDeadline, .stopUnit(timeout: wait)]
        } else if configuration.hasStopCommand {
            stopping.phase = .stopCommand(until: until)
            actions = [.persist, .runStopCommand(timeout: wait), .scheduleDeadline(at: until)]
        } else {
            actions = [.persist, .sendSignal(SignalNumber.terminate), .scheduleDeadline(at: until)]
        }
        state = .stopping(stopping)
        return actions
    }

    /// The `[services]` `stop` command ended: `succeeded` for exit 0 or its timeout (then SIGKILL follows at
    /// the deadline); otherwise `detail` says how it failed.
    package mutating func stopCommandFinished(
        succeeded: Bool,
        detail: String,
        at now: MonotonicInstant
    ) -> [Action] {
        guard case .stopping(var stopping) = state, case .stopCommand(let until) = stopping.phase else { return [] }
        if succeeded {
            stopping.phase = .terminating(until: until)
            state = .stopping(stopping)
            return []
        }
        if stopping.requests.contains(.groupStop) {
            // The group stop does not keep the service: ARMLOAD-26, then SIGTERM as without a stop command.
            stopping.phase = .terminating(until: until)
            state = .stopping(stopping)
            return [.report(.stopCommandFailed(detail)), .sendSignal(SignalNumber.terminate)]
        }
        // Interpretation: the service keeps running in its earlier state.
        state = .running(stopping.run)
        return [.persist, .cancelDeadline] + stopping.requests.map { .replyToRequest($0, .stopFailed(detail)) }
            + schedule(stopping.run)
    }

    /// The unit stop ended: `stopped` when it became inactive or failed within the wait.
    package mutating func unitStopFinished(stopped: Bool, at now: MonotonicInstant) -> [Action] {
        guard case .stopping(var stopping) = state, stopping.phase == .unit else { return [] }
        if stopped || stopping.requests.contains(.groupStop) {
            stopping.run.pid = nil
            return finishStop(stopping, exit: nil, forced: false)
                .map { action in
                    if case .replyToRequest(let request, .terminated) = action, !stopped {
                        return .replyToRequest(request, .stopTimedOut)
                    }
                    return action
                }
        }
        var run = stopping.run
        run.check = firstCheck(after: now)
        state = .running(run)
        return [.persist] + stopping.requests.map { .replyToRequest($0, .stopTimedOut) } + schedule(run)
    }

    // MARK: - Monitoring

    /// armloadc pause: failures are only logged.
    package mutating func pauseRequested() -> [Action] {
        if let refusal = ArmloadControl.refusal(.pause, start: startState, monitor: monitorState) {
            return [.replyToRequest(.control, .refused(refusal))]
        }
        monitorState = .paused
        return [.persist, .replyToRequest(.control, .done)]
    }

    /// armloadc continue: failures lead to actions again.
    package mutating func continueRequested() -> [Action] {
        if let refusal = ArmloadControl.refusal(.continue, start: startState, monitor: monitorState) {
            return [.replyToRequest(.control, .refused(refusal))]
        }
        monitorState = .monitoring
        return [.persist, .replyToRequest(.control, .done)]
    }

    /// `armload /W`: the program the command ran ended; false when the WID is not a running `/W` WID.
    package mutating func synchronousProgramEnded(_ exit: ProgramExit) -> [Action] {
        guard case .synchronous(nil) = state else { return [] }
        lastExit = exit
        state = .synchronous(ended: exit)
        return [.persist]
    }

    // MARK: - Helpers

    private func refuse(_ action: ControlAction) -> [Action] {
        let text =
            ArmloadControl.refusal(action, start: startState, monitor: monitorState)
            ?? "\(action.rawValue) is not possible now (state=\(startState.rawValue))"
        return [.replyToRequest(.control, .refused(text))]
    }

    /// The first check of a unit run: watched units are checked every interval, programs never.
    private func firstCheck(after now: MonotonicInstant) -> UnitCheck {
        configuration.isUnit && configuration.policy.isWatched ? .due(now + configuration.unitCheckInterval) : .none
    }

    private func schedule(_ run: Run) -> [Action] {
        if case .due(let at) = run.check { return [.scheduleDeadline(at: at)] }
        return []
    }
}

extension WatchStateMachine.StartPurpose {
    /// The request that waits for this start.
    fileprivate var request: WatchStateMachine.Request {
        switch self {
        case .register: .start
        case .control, .restart: .control
        }
    }
}

extension WatchStateMachine.StopPhase {
    fileprivate var isKilling: Bool {
        if case .killing = self { return true }
        return false
    }
}
