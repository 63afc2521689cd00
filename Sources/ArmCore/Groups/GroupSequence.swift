/// One script a sequence runs: its path and its own timeout (nil = no limit).
package struct SequenceScript: Sendable, Equatable {
    /// Absolute path.
    package var path: String
    /// `start_timeout_s` / `stop_timeout_s` that applies; nil = no limit.
    package var timeout: Duration?

    /// Creates a script.
    package init(path: String, timeout: Duration?) {
        self.path = path
        self.timeout = timeout
    }
}

/// A resource as the sequence sees it (config-and-files §1.8).
package struct SequenceResource: Sendable, Equatable {
    /// Resource name.
    package var name: String
    /// Its activation script; nil for types not driven yet (skipped, but counted as attempted).
    package var start: SequenceScript?
    /// Its deactivation script; nil for types not driven yet.
    package var stop: SequenceScript?
    /// `on_deactivate_failure = shutdown`: a failed deactivation fails the stop.
    package var failsStop: Bool

    /// Creates a resource.
    package init(name: String, start: SequenceScript?, stop: SequenceScript?, failsStop: Bool) {
        self.name = name
        self.start = start
        self.stop = stop
        self.failsStop = failsStop
    }
}

/// The state of one resource (or of the implicit `script` resource) as armstat shows it.
package enum ResourceState: String, Sendable, Equatable {
    case stopped
    case starting
    case started
    case stopping
    case failed
}

/// The resource start/stop order of one group (config-and-files §1.7), in swift-nio's style.
///
/// Start: resources in file order, then `start.sh`; the first failure (exit != 0, signal, exec failure,
/// timeout) ends it as failed. Stop: `stop.sh`, then the group's ARMLOAD watches, then the resources whose
/// start was attempted, in reverse; every step runs even after a failure, so as much as possible is
/// released, and only `stop.sh` or a resource with `on_deactivate_failure = shutdown` fails it.
/// Pure: the node runs the scripts and reports back (STYLE §2.6a).
package struct GroupSequence: Sendable, Equatable {
    /// A step of a sequence.
    package enum Step: Sendable, Equatable, Hashable {
        /// The activation script of resource N (file order).
        case startResource(Int)
        /// The group's `start.sh`.
        case startScript
        /// The group's `stop.sh`.
        case stopScript
        /// Stopping the group's ARMLOAD watches (commands.md 2.1 "Group stop cleanup").
        case cleanupWatches
        /// The deactivation script of resource N.
        case stopResource(Int)
    }

    /// What the node must do next.
    package enum Action: Sendable, Equatable {
        /// Run a script; report `stepFinished`. Past `deadline` (nil: none) report `deadlineReached`.
        case runScript(Step, SequenceScript, deadline: MonotonicInstant?)
        /// Stop the group's watches; report `cleanupFinished`.
        case cleanupWatches
        /// The running step passed its deadline: kill it; its result, whatever it is, counts as a timeout.
        case killStep(Step)
        /// The sequence ended.
        case finished(success: Bool)
        /// Nothing to do (a stale or unexpected input).
        case none
    }

    private enum Phase: Sendable, Equatable {
        case idle
        /// Running a start step.
        case starting(Step, began: MonotonicInstant, deadline: MonotonicInstant?, killed: Bool)
        /// Running a stop step; `success` is the stop's result so far.
        case stopping(Step, began: MonotonicInstant, deadline: MonotonicInstant?, killed: Bool, success: Bool)
    }

    /// The group's resources in file order.
    package let resources: [SequenceResource]
    /// The group's `start.sh`.
    package let startScript: SequenceScript
    /// The group's `stop.sh`.
    package let stopScript: SequenceScript
    /// How long after a step's timeout the node gives up waiting for its result (the runner enforces the
    /// timeout itself; this is the backstop).
    package let killGrace: Duration
    private var phase: Phase = .idle
    /// Resources whose start was attempted since the last start began; the next stop covers them.
    package private(set) var attempted: Int = 0
    /// Resource states in file order.
    package private(set) var resourceStates: [ResourceState]
    /// The state of the implicit `script` resource (`start.sh`/`stop.sh`).
    package private(set) var scriptState: ResourceState = .stopped

    /// A sequence for a group, idle, everything stopped.
    package init(
        resources: [SequenceResource],
        startScript: SequenceScript,
        stopScript: SequenceScript,
        killGrace: Duration = .zero
    ) {
        self.resources = resources
        self.startScript = startScript
        self.stopScript = stopScript
        self.killGrace = killGrace
        self.resourceStates = Array(repeating: .stopped, count: resources.count)
    }

    /// Whether a start or stop sequence runs.
    package var isRunning: Bool { phase != .idle }

    /// The running step, if any.
    package var currentStep: Step? {
        switch phase {
        case .idle: nil
        case .starting(let step, _, _, _), .stopping(let step, _, _, _, _): step
        }
    }

    /// When the running step began.
    package var stepBegan: MonotonicInstant? {
        switch phase {
        case .idle: nil
        case .starting(_, let began, _, _), .stopping(_, let began, _, _, _): began
        }
    }

    /// The deadline of the running step (nil: none, or no step).
    package var deadline: MonotonicInstant? {
        switch phase {
        case .idle: nil
        case .starting(_, _, let deadline, let killed), .stopping(_, _, let deadline, let killed, _):
            killed ? nil : deadline
        }
    }

    /// Whether the running step was killed at its deadline (its result counts as a timeout).
    package var stepKilled: Bool {
        switch phase {
        case .idle: false
        case .starting(_, _, _, let killed), .stopping(_, _, _, let killed, _): killed
        }
    }

    /// After an unclean stop, a group recovered `started` has every resource started, and the next stop
    /// covers all resources (nobody knows how far the old run got).
    package mutating func recovered(started: Bool) {
        phase = .idle
        attempted = resources.count
        if started {
            resourceStates = Array(repeating: .started, count: resources.count)
            scriptState = .started
        }
    }

    /// The start sequence begins (ignored while a sequence runs).
    package mutating func beginStart(at now: MonotonicInstant) -> Action {
        guard phase == .idle else { return .none }
        attempted = 0
        return nextStart(from: 0, at: now)
    }

    /// The stop sequence begins (ignored while a sequence runs).
    package mutating func beginStop(at now: MonotonicInstant) -> Action {
        guard phase == .idle else { return .none }
        scriptState = .stopping
        return run(.stopScript, stopScript, at: now, stopSuccess: true)
    }

    /// The running script ended with `outcome`.
    package mutating func stepFinished(_ reported: ScriptOutcome, at now: MonotonicInstant) -> Action {
        switch phase {
        case .idle:
            return .none
        case .starting(let step, _, _, let killed):
            let outcome = killed ? .timedOut : reported
            switch step {
            case .startResource(let index):
                guard outcome.isSuccess else {
                    resourceStates[index] = .failed
                    phase = .idle
                    return .finished(success: false)
                }
                resourceStates[index] = .started
                return nextStart(from: index + 1, at: now)
            case .startScript:
                scriptState = outcome.isSuccess ? .started : .failed
                phase = .idle
                return .finished(success: outcome.isSuccess)
            case .stopScript, .cleanupWatches, .stopResource:
                return .none
            }
        case .stopping(let step, _, _, let killed, let success):
            let outcome = killed ? .timedOut : reported
            switch step {
            case .stopScript:
                scriptState = outcome.isSuccess ? .stopped : .failed
                phase = .stopping(.cleanupWatches, began: now, deadline: nil, killed: false, success: outcome.isSuccess)
                return .cleanupWatches
            case .stopResource(let index):
                var success = success
                if outcome.isSuccess {
                    resourceStates[index] = .stopped
                } else {
                    resourceStates[index] = .failed
                    if resources[index].failsStop { success = false }
                }
                return nextStop(below: index, success: success, at: now)
            case .startResource, .startScript, .cleanupWatches:
                return .none
            }
        }
    }

    /// The group's watches were stopped.
    package mutating func cleanupFinished(at now: MonotonicInstant) -> Action {
        guard case .stopping(.cleanupWatches, _, _, _, let success) = phase else { return .none }
        return nextStop(below: min(max(0, attempted), resources.count), success: success, at: now)
    }

    /// Time passed; kills the running step when its deadline has come.
    package mutating func deadlineReached(at now: MonotonicInstant) -> Action {
        guard let deadline, deadline <= now else { return .none }
        switch phase {
        case .idle:
            return .none
        case .starting(let step, let began, let deadline, _):
            phase = .starting(step, began: began, deadline: deadline, killed: true)
            return .killStep(step)
        case .stopping(let step, let began, let deadline, _, let success):
            phase = .stopping(step, began: began, deadline: deadline, killed: true, success: success)
            return .killStep(step)
        }
    }

    private mutating func nextStart(from index: Int, at now: MonotonicInstant) -> Action {
        var index = index
        while index < resources.count {
            attempted = max(attempted, index + 1)
            if let script = resources[index].start {
                resourceStates[index] = .starting
                return run(.startResource(index), script, at: now, stopSuccess: nil)
            }
            index += 1
        }
        scriptState = .starting
        return run(.startScript, startScript, at: now, stopSuccess: nil)
    }

    private mutating func nextStop(below index: Int, success: Bool, at now: MonotonicInstant) -> Action {
        var index = index - 1
        while index >= 0 {
            if let script = resources[index].stop {
                resourceStates[index] = .stopping
                return run(.stopResource(index), script, at: now, stopSuccess: success)
            }
            index -= 1
        }
        phase = .idle
        return .finished(success: success)
    }

    private mutating func run(
        _ step: Step,
        _ script: SequenceScript,
        at now: MonotonicInstant,
        stopSuccess: Bool?
    ) -> Action {
        let deadline = script.timeout.map { now + $0 + killGrace }
        if let stopSuccess {
            phase = .stopping(step, began: now, deadline: deadline, killed: false, success: stopSuccess)
        } else {
            phase = .starting(step, began: now, deadline: deadline, killed: false)
        }
        return .runScript(step, script, deadline: deadline)
    }
}
