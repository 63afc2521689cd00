/// Server states (commands.md 1.8; seed §3.1).
package enum ServerState: String, Sendable, Codable, CaseIterable {
    case normal
    case down
    case downThenRestarted = "down-then-restarted"
    case single
    case unknown
}

/// Group states (commands.md 1.8; seed §3.3).
///
/// A failed group is a flag beside the state.
package enum GroupState: String, Sendable, Codable, CaseIterable {
    case stopped
    case starting
    case started
    case stopping
}

/// Cluster states (commands.md 1.8; seed §3.2).
package enum ClusterState: String, Sendable, Codable, CaseIterable {
    case normal
    case substitute
    case abnormal
    case stopped
}

/// `ARMS_EVENT` / `CLP_EVENT` values (commands.md 1.6).
package enum ScriptEvent: String, Sendable, Codable, CaseIterable {
    case start = "START"
    case failover = "FAILOVER"
    case recover = "RECOVER"
}

/// `ARMS_FACTOR` / `CLP_FACTOR` and the armscr.log `factor` (commands.md 1.6).
package enum StopFactor: String, Sendable, Codable, CaseIterable {
    case clusterShutdown = "CLUSTERSHUTDOWN"
    case serverShutdown = "SERVERSHUTDOWN"
    case groupStop = "GROUPSTOP"
    case groupMove = "GROUPMOVE"
    case groupFailover = "GROUPFAILOVER"
    case groupRestart = "GROUPRESTART"
    case serverDown = "SERVERDOWN"
    case none = "-"
}
