/// The start state of a WID (commands.md 2.3).
package enum WatchStartState: String, Sendable, CaseIterable {
    /// Being started (exec, readiness wait or service start).
    case starting
    /// Running.
    case running
    /// Waiting for or performing a restart.
    case restarting
    /// Being stopped (armkill, armloadc stop, group stop).
    case stopping
    /// Stopped by `armloadc /W stop`.
    case stopped
    /// Ended: a `/W` program that finished, or a program that ended and is kept registered.
    case ended
}

/// The monitoring state of a WID (commands.md 2.3).
package enum WatchMonitorState: String, Sendable, CaseIterable {
    /// Watched (`/R` or `/ACT`); failures lead to actions.
    case monitoring
    /// Watched but paused by `armloadc /W pause`: failures are only logged.
    case paused
    /// Not watched (neither `/R` nor `/ACT`).
    case unwatched
    /// Started with `/W` (synchronous).
    case sync
}

/// An `armloadc /W` action (commands.md 2.3).
package enum ControlAction: String, Sendable, CaseIterable {
    /// Terminate as armkill does; the WID becomes `stopped`.
    case stop
    /// Start the original command or unit again.
    case start
    /// Only log failures.
    case pause
    /// Resume monitoring.
    case `continue`
}

/// The armloadc state matrix (commands.md 2.3).
package enum ArmloadControl {
    /// Whether armloadc may take the action: nil = allowed; else refused (ARMLOADC-03, exit 4).
    ///
    /// Matrix of commands.md 2.3.
    /// The refusal text names what the action needs and the WID's states, for the message's DETAIL.
    package static func refusal(
        _ action: ControlAction,
        start: WatchStartState,
        monitor: WatchMonitorState
    ) -> String? {
        let allowed: Bool
        let needs: String
        switch action {
        case .stop:
            allowed = start == .running && monitor != .sync
            needs = "stop needs state running and a WID not started with /W"
        case .start:
            allowed = (start == .stopped || start == .ended) && monitor != .sync
            needs = "start needs state stopped or ended and a WID not started with /W"
        case .pause:
            allowed = start == .running && monitor == .monitoring
            needs = "pause needs state running and monitoring"
        case .continue:
            allowed = start == .running && monitor == .paused
            needs = "continue needs state running and paused"
        }
        return allowed ? nil : "\(needs) (state=\(start.rawValue) monitoring=\(monitor.rawValue))"
    }
}
