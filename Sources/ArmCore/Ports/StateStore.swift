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

/// One `armload` row (config-and-files §3.2): a registered WID, its program and its watch.
package struct ArmloadRecord: Sendable, Equatable {
    /// `kind`.
    package enum Kind: String, Sendable, CaseIterable {
        /// A program (`armload WID program…`).
        case app
        /// A service (`armload WID /S name`).
        case service
    }

    /// The WID as first given (the key is case-insensitive).
    package var wid: String
    /// `group_name`.
    package var group: String
    /// `kind`.
    package var kind: Kind
    /// `argv` (stored as a JSON array).
    package var argv: [String]
    /// `options`: a JSON object (retry, hours, script restart, final action, waits, interval, user, unit, …).
    package var options: String
    /// `pid`; nil when no process runs.
    package var pid: Int32?
    /// `proc_start_ticks`: field 22 of `/proc/PID/stat`.
    package var procStartTicks: UInt64?
    /// `state`: the start state word (commands.md 2.3).
    package var state: String
    /// `monitor_state`: the monitoring state word (commands.md 2.3).
    package var monitorState: String
    /// `restarts`: restarts counted in the current window.
    package var restarts: Int
    /// `window_start`: wall-clock milliseconds of the window's first counted restart.
    package var windowStart: Int64?
    /// `started_at`: wall-clock milliseconds of the current (or last) run's start.
    package var startedAt: Int64?
    /// `last_exit`: `exit=N`, `signal=NAME` or `unknown`; nil before the first end.
    package var lastExit: String?

    /// Creates a row.
    package init(
        wid: String,
        group: String,
        kind: Kind,
        argv: [String],
        options: String,
        pid: Int32?,
        procStartTicks: UInt64?,
        state: String,
        monitorState: String,
        restarts: Int,
        windowStart: Int64?,
        startedAt: Int64?,
        lastExit: String?
    ) {
        self.wid = wid
        self.group = group
        self.kind = kind
        self.argv = argv
        self.options = options
        self.pid = pid
        self.procStartTicks = procStartTicks
        self.state = state
        self.monitorState = monitorState
        self.restarts = restarts
        self.windowStart = windowStart
        self.startedAt = startedAt
        self.lastExit = lastExit
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
    /// Every `armload` row, by WID.
    func armloadRows() async throws(StateStoreError) -> [ArmloadRecord]
    /// Inserts or replaces the `armload` row of `record.wid` (case-insensitive) in one transaction.
    func saveArmload(_ record: ArmloadRecord) async throws(StateStoreError)
    /// Deletes the `armload` row of a WID (case-insensitive) in one transaction; no row is no error.
    func deleteArmload(wid: String) async throws(StateStoreError)
}
