/// A group's durable row (config-and-files §3.2 `group_state`).
package struct GroupRecord: Sendable, Equatable {
    /// Group name.
    package var name: String
    /// Server the group is (or was last) active on; nil when never started.
    package var owner: String?
    /// Persisted state.
    package var state: GroupState
    /// The failed flag (commands.md 1.8).
    package var failed: Bool
    /// Monitor-caused failovers in the current window.
    package var failoverCount: Int
    /// Wall-clock milliseconds of the last change.
    package var updatedAt: Int64

    /// Creates a record.
    package init(
        name: String,
        owner: String?,
        state: GroupState,
        failed: Bool,
        failoverCount: Int = 0,
        updatedAt: Int64
    ) {
        self.name = name
        self.owner = owner
        self.state = state
        self.failed = failed
        self.failoverCount = failoverCount
        self.updatedAt = updatedAt
    }
}

/// One `group_history` row (config-and-files §3.2).
package struct GroupHistoryEntry: Sendable, Equatable {
    /// Wall-clock milliseconds.
    package var timestamp: Int64
    /// Group name.
    package var group: String
    /// `start`, `stop`, `move`, `failover`, `restart`, `failback`.
    package var action: String
    /// Source server, if any.
    package var fromServer: String?
    /// Destination server, if any.
    package var toServer: String?
    /// `CLP_FACTOR` word or `-`.
    package var factor: String
    /// `success` or `failure`.
    package var result: String

    /// Creates an entry.
    package init(
        timestamp: Int64,
        group: String,
        action: String,
        fromServer: String?,
        toServer: String?,
        factor: String,
        result: String
    ) {
        self.timestamp = timestamp
        self.group = group
        self.action = action
        self.fromServer = fromServer
        self.toServer = toServer
        self.factor = factor
        self.result = result
    }
}

/// Why the state database failed (config-and-files §3.2).
package enum StateStoreError: Error, Sendable, Equatable {
    /// The file is of a newer schema than this build knows (event 2).
    case unsupportedSchema(version: Int)
    /// Any SQLite failure, with its message.
    case database(String)
}

/// The durable state in `state.sqlite` (GRDB, WAL, synchronous=FULL); every write is one transaction.
package protocol StateStore: Sendable {
    /// Every `meta` value.
    func meta() async throws(StateStoreError) -> [String: String]
    /// Sets `meta` values in one transaction.
    func setMeta(_ values: [String: String]) async throws(StateStoreError)
    /// Every group row.
    func groups() async throws(StateStoreError) -> [GroupRecord]
    /// Writes a group row and, optionally, a history row, in one transaction.
    func save(_ record: GroupRecord, history: GroupHistoryEntry?) async throws(StateStoreError)
    /// The newest history rows, newest last.
    func history(limit: Int) async throws(StateStoreError) -> [GroupHistoryEntry]
}
