// Stand-in for helper G's pure ARMLOAD policy (/work/ARMLOAD-API.md), so the supervisor builds before that
// work is merged. The lead deletes this file at merge and keeps helper G's files; nothing here goes beyond the
// contract's API.

/// `/ACT`: what happens after the restarts ran out (commands.md 2.1).
package enum FinalAction: String, Sendable, CaseIterable {
    case failover
    case shutdown
    case none
}

/// The watching options of one WID (commands.md 2.1).
package struct ArmloadWatchPolicy: Sendable, Equatable {
    /// `/R` 1-9; nil = not given.
    package var retry: Int?
    /// `/H` 1-24 (needs /R).
    package var hours: Int?
    /// `/SCR` (needs /R).
    package var scriptRestart: Bool
    /// `/ACT`, default `.failover`.
    package var finalAction: FinalAction
    /// `/R` or `/ACT` given (commands.md 2.1 "Watching").
    package var isWatched: Bool

    /// Creates a policy.
    package init(
        retry: Int? = nil,
        hours: Int? = nil,
        scriptRestart: Bool = false,
        finalAction: FinalAction = .failover,
        isWatched: Bool
    ) {
        self.retry = retry
        self.hours = hours
        self.scriptRestart = scriptRestart
        self.finalAction = finalAction
        self.isWatched = isWatched
    }
}

/// `[armload]` delay and backoff keys (config-and-files §1.10).
package struct BackoffSettings: Sendable, Equatable {
    /// `restart_delay_ms` (0).
    package var restartDelay: Duration
    /// `restart_backoff_ms` (100).
    package var backoffStep: Duration
    /// `restart_backoff_max_ms` (30000).
    package var backoffMax: Duration
    /// `restart_healthy_ms` (1000).
    package var healthyRun: Duration

    /// Creates the settings.
    package init(
        restartDelay: Duration = .zero,
        backoffStep: Duration = .milliseconds(100),
        backoffMax: Duration = .seconds(30),
        healthyRun: Duration = .seconds(1)
    ) {
        self.restartDelay = restartDelay
        self.backoffStep = backoffStep
        self.backoffMax = backoffMax
        self.healthyRun = healthyRun
    }
}

/// The restart count of (group, WID); survives `/SCR` re-registration.
package struct RestartCounter: Sendable, Equatable {
    /// Restarts counted in the current window.
    package var used: Int = 0
    /// First counted restart of the window.
    package var windowStart: MonotonicInstant?
    /// Consecutive runs shorter than `healthyRun`.
    package var shortFailures: Int = 0

    /// Creates a fresh counter.
    package init() {}
}

/// What to do after a failure (seed event 14015/14016 `%3`).
package enum FailureAction: Sendable, Equatable {
    /// Seed action 5.
    case restartApplication(after: Duration)
    /// Seed action 4 (/SCR).
    case restartScript(after: Duration)
    /// Seed action 2.
    case failover
    /// Seed action 3.
    case shutdown
    /// Seed action 1.
    case none(maxFailoversReached: Bool)

    /// 5, 4, 2, 3, 1.
    package var seedNumber: Int {
        switch self {
        case .restartApplication: 5
        case .restartScript: 4
        case .failover: 2
        case .shutdown: 3
        case .none: 1
        }
    }
}

/// The restart decision (commands.md 2.1; config-and-files §1.10).
package enum RestartPolicy {
    /// One failure (an exit not requested by armkill/armloadc, or a restart that failed: ranFor = .zero).
    package static func onFailure(
        counter: inout RestartCounter,
        policy: ArmloadWatchPolicy,
        backoff: BackoffSettings,
        ranFor: Duration,
        now: MonotonicInstant,
        maxFailoversReached: Bool
    ) -> FailureAction {
        if let hours = policy.hours, let start = counter.windowStart, now >= start + .seconds(hours * 3600) {
            counter.used = 0
            counter.windowStart = nil
        }
        if let retry = policy.retry, counter.used < retry {
            counter.used += 1
            if counter.windowStart == nil { counter.windowStart = now }
            let delay: Duration
            if ranFor >= backoff.healthyRun {
                counter.shortFailures = 0
                delay = backoff.restartDelay
            } else {
                counter.shortFailures += 1
                var step = backoff.backoffStep
                for _ in 1..<max(1, counter.shortFailures) where step < backoff.backoffMax { step = step * 2 }
                delay = min(step, backoff.backoffMax)
            }
            return policy.scriptRestart ? .restartScript(after: delay) : .restartApplication(after: delay)
        }
        switch policy.finalAction {
        case .failover: return maxFailoversReached ? .none(maxFailoversReached: true) : .failover
        case .shutdown: return .shutdown
        case .none: return .none(maxFailoversReached: false)
        }
    }

    /// A group stop not caused by /SCR resets the count (commands.md 2.1).
    package static func reset(_ counter: inout RestartCounter) {
        counter = RestartCounter()
    }
}

/// The start state of a WID (commands.md 2.3).
package enum WatchStartState: String, Sendable, CaseIterable {
    case starting
    case running
    case restarting
    case stopping
    case stopped
    case ended
}

/// The monitoring state of a WID (commands.md 2.3).
package enum WatchMonitorState: String, Sendable, CaseIterable {
    case monitoring
    case paused
    case unwatched
    case sync
}

/// An `armloadc /W` action (commands.md 2.3).
package enum ControlAction: String, Sendable, CaseIterable {
    case stop
    case start
    case pause
    case `continue`
}

/// The armloadc matrix (commands.md 2.3).
package enum ArmloadControl {
    /// The refusal of an action in a state: nil = allowed; else refused (ARMLOADC-03, exit 4).
    package static func refusal(_ action: ControlAction, start: WatchStartState, monitor: WatchMonitorState) -> String?
    {
        let allowed: Bool
        switch action {
        case .stop: allowed = start == .running && monitor != .sync
        case .start: allowed = (start == .stopped || start == .ended) && monitor != .sync
        case .pause: allowed = start == .running && monitor == .monitoring
        case .continue: allowed = start == .running && monitor == .paused
        }
        return allowed ? nil : "\(action.rawValue) not allowed (state=\(start.rawValue) monitoring=\(monitor.rawValue))"
    }
}
