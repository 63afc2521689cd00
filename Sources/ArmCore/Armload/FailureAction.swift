/// What armmond does about one failure of a watched WID (commands.md 2.1 actions table; seed events
/// 14015/14016 `%3`).
package enum FailureAction: Sendable, Equatable {
    /// Seed action 5: restart the application or service after the delay.
    case restartApplication(after: Duration)
    /// Seed action 4 (`/SCR`): after the delay, run the stop script, then the start script here.
    case restartScript(after: Duration)
    /// Seed action 2: fail the group over.
    case failover
    /// Seed action 3: shut the server down (as `armstdn`).
    case shutdown
    /// Seed action 1: do nothing; `maxFailoversReached` when a failover was due but the group's
    /// `max_failovers` within `failover_window_s` is reached.
    case none(maxFailoversReached: Bool)

    /// The seed's action number: 5, 4, 2, 3 or 1.
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
