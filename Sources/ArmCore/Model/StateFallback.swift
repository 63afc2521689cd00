/// The last known state read from the database while armmond is down (armstat, commands.md 2.29).
package struct StateFallback: Sendable, Equatable {
    /// When the state was last written (log timestamp format), or nil if unknown.
    package var lastUpdate: String?
    /// Server name recorded in `meta`.
    package var serverName: String?
    /// Cluster name recorded in `meta`.
    package var clusterName: String?
    /// Group rows: name, state, failed, owner.
    package var groups: [(name: String, state: String, failed: Bool, owner: String?)]

    /// Creates a fallback view.
    package init(
        lastUpdate: String?,
        serverName: String?,
        clusterName: String?,
        groups: [(name: String, state: String, failed: Bool, owner: String?)]
    ) {
        self.lastUpdate = lastUpdate
        self.serverName = serverName
        self.clusterName = clusterName
        self.groups = groups
    }

    /// Compares field by field.
    package static func == (lhs: StateFallback, rhs: StateFallback) -> Bool {
        lhs.lastUpdate == rhs.lastUpdate && lhs.serverName == rhs.serverName && lhs.clusterName == rhs.clusterName
            && lhs.groups.count == rhs.groups.count
            && zip(lhs.groups, rhs.groups).allSatisfy {
                $0.name == $1.name && $0.state == $1.state && $0.failed == $1.failed && $0.owner == $1.owner
            }
    }
}
