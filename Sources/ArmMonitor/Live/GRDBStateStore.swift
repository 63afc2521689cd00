import ArmCore
import Foundation
import GRDB

/// The state database on GRDB (config-and-files §3.2).
///
/// `state.sqlite` with WAL, `synchronous=FULL`, foreign keys on, `PRAGMA user_version = 1`, file mode 0600.
/// Every write is one transaction.
package final class GRDBStateStore: StateStore {
    /// The schema version this build writes.
    package static let schemaVersion = 1
    /// `group_history` keeps this many rows by default (config-and-files §3.2).
    package static let defaultHistoryLimit = 10_000

    private let database: DatabaseQueue
    private let historyLimit: Int

    private init(database: DatabaseQueue, historyLimit: Int) {
        self.database = database
        self.historyLimit = historyLimit
    }

    /// Opens (creating if needed) the database, refuses a newer schema and migrates an older one.
    /// - Throws: `.unsupportedSchema` for a newer `user_version` (event 2), `.database` otherwise.
    /// - Parameters:
    ///   - path: `state.sqlite`.
    ///   - historyLimit: `group_history` rows kept (10 000; smaller in tests).
    /// - Returns: The open store.
    package static func open(
        path: String,
        historyLimit: Int = defaultHistoryLimit
    ) throws(StateStoreError)
        -> GRDBStateStore
    {
        let files = FileManager.default
        if !files.fileExists(atPath: path) {
            // Created empty with mode 0600 first, so SQLite (and its -wal/-shm files, which copy the
            // database's mode) never exist with wider permissions.
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw .database("cannot create \(path)")
            }
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "state.sqlite"
        // armstat's read-only fallback may hold a lock while armmond starts; wait instead of failing.
        configuration.busyMode = .timeout(5)
        // Set here rather than with `journalMode = .wal`, which makes GRDB lower `synchronous` to NORMAL.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let database: DatabaseQueue
        let version: Int
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            version = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        } catch {
            throw .database(String(describing: error))
        }
        guard version <= schemaVersion else { throw .unsupportedSchema(version: version) }
        do {
            try migrator.migrate(database)
        } catch {
            throw .database(String(describing: error))
        }
        try? files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return GRDBStateStore(database: database, historyLimit: max(1, historyLimit))
    }

    /// Version 1: every table of config-and-files §3.2; later issues only add code.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    CREATE TABLE server_mode (
                        server TEXT PRIMARY KEY NOT NULL, mode TEXT NOT NULL, reason TEXT, since INTEGER);
                    CREATE TABLE group_state (
                        group_name TEXT PRIMARY KEY NOT NULL, owner TEXT, state TEXT NOT NULL,
                        failed INTEGER NOT NULL DEFAULT 0, failover_count INTEGER NOT NULL DEFAULT 0,
                        window_start INTEGER, restart_count INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL);
                    CREATE TABLE group_history (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, group_name TEXT NOT NULL,
                        action TEXT NOT NULL, from_server TEXT, to_server TEXT, factor TEXT NOT NULL,
                        result TEXT NOT NULL);
                    CREATE TABLE codes (
                        name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE, value INTEGER NOT NULL, origin_server TEXT,
                        updated_at INTEGER, version INTEGER NOT NULL DEFAULT 0);
                    CREATE TABLE armload (
                        wid TEXT PRIMARY KEY NOT NULL COLLATE NOCASE, group_name TEXT, kind TEXT NOT NULL,
                        argv TEXT, options TEXT, pid INTEGER, proc_start_ticks INTEGER, state TEXT,
                        monitor_state TEXT, restarts INTEGER NOT NULL DEFAULT 0, window_start INTEGER,
                        started_at INTEGER, last_exit TEXT);
                    CREATE TABLE shares (
                        name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE, path TEXT NOT NULL, group_name TEXT,
                        origin TEXT NOT NULL, exported INTEGER NOT NULL DEFAULT 0);
                    CREATE TABLE mirror (
                        resource TEXT PRIMARY KEY NOT NULL, peer TEXT, role TEXT, disk_state TEXT, current_gen TEXT,
                        bitmap_gen TEXT, history_gen1 TEXT, history_gen2 TEXT, break_time INTEGER,
                        last_update_time INTEGER, full_copy_required INTEGER NOT NULL DEFAULT 0,
                        bitmap_block_kib INTEGER, size_bytes INTEGER, snapshot_open INTEGER NOT NULL DEFAULT 0,
                        updated_at INTEGER);
                    CREATE TABLE mirror_bitmap (
                        resource TEXT NOT NULL REFERENCES mirror(resource) ON DELETE CASCADE, chunk INTEGER NOT NULL,
                        bits BLOB NOT NULL, PRIMARY KEY (resource, chunk));
                    CREATE TABLE mirror_hot (
                        resource TEXT NOT NULL REFERENCES mirror(resource) ON DELETE CASCADE, extent INTEGER NOT NULL,
                        PRIMARY KEY (resource, extent));
                    CREATE TABLE tuning_stats (
                        parameter TEXT PRIMARY KEY NOT NULL, timeout_ms INTEGER, start_time INTEGER, end_time INTEGER,
                        max_ms INTEGER, max_time INTEGER, sum_ms INTEGER, current_count INTEGER, total_count INTEGER,
                        buckets TEXT, last_periodic_write INTEGER);
                    CREATE TABLE config_apply (
                        txid TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, state TEXT NOT NULL, coordinator TEXT,
                        ts INTEGER NOT NULL);
                    CREATE TABLE cluster_volumes (
                        name TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, uuid TEXT, size_bytes INTEGER, pvs TEXT,
                        volumes TEXT, registered_at INTEGER);
                    PRAGMA user_version = 1;
                    """
            )
        }
        return migrator
    }

    /// Every `meta` value.
    package func meta() async throws(StateStoreError) -> [String: String] {
        try await access { db in
            var values: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
                values[row["key"]] = row["value"]
            }
            return values
        }
    }

    /// Sets `meta` values in one transaction.
    package func setMeta(_ values: [String: String]) async throws(StateStoreError) {
        try await change { db in
            for (key, value) in values {
                try db.execute(
                    sql:
                        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value]
                )
            }
        }
    }

    /// Every group row.
    package func groups() async throws(StateStoreError) -> [GroupRecord] {
        try await access { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT group_name, owner, state, failed, failover_count, updated_at FROM group_state ORDER BY group_name"
            ).map { row in
                let stateText: String = row["state"]
                return GroupRecord(
                    name: row["group_name"],
                    owner: row["owner"],
                    // An unknown word (a newer build's) reads as stopped, the safe reset state.
                    state: GroupState(rawValue: stateText) ?? .stopped,
                    failed: row["failed"],
                    failoverCount: row["failover_count"],
                    updatedAt: row["updated_at"]
                )
            }
        }
    }

    /// Writes a group row and, optionally, a history row, in one transaction; keeps the newest history rows.
    package func save(_ record: GroupRecord, history: GroupHistoryEntry?) async throws(StateStoreError) {
        let limit = historyLimit
        try await change { db in
            try db.execute(
                sql: """
                    INSERT INTO group_state (group_name, owner, state, failed, failover_count, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(group_name) DO UPDATE SET owner = excluded.owner, state = excluded.state,
                        failed = excluded.failed, failover_count = excluded.failover_count,
                        updated_at = excluded.updated_at
                    """,
                arguments: [
                    record.name, record.owner, record.state.rawValue, record.failed, record.failoverCount,
                    record.updatedAt,
                ]
            )
            guard let history else { return }
            try db.execute(
                sql: """
                    INSERT INTO group_history (ts, group_name, action, from_server, to_server, factor, result)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    history.timestamp, history.group, history.action, history.fromServer, history.toServer,
                    history.factor, history.result,
                ]
            )
            try db.execute(
                sql: "DELETE FROM group_history WHERE seq <= (SELECT MAX(seq) FROM group_history) - ?",
                arguments: [limit]
            )
        }
    }

    /// The newest history rows, newest last.
    package func history(limit: Int) async throws(StateStoreError) -> [GroupHistoryEntry] {
        try await access { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (SELECT seq, ts, group_name, action, from_server, to_server, factor, result
                    FROM group_history ORDER BY seq DESC LIMIT ?) ORDER BY seq
                    """,
                arguments: [max(0, limit)]
            ).map { row in
                GroupHistoryEntry(
                    timestamp: row["ts"],
                    group: row["group_name"],
                    action: row["action"],
                    fromServer: row["from_server"],
                    toServer: row["to_server"],
                    factor: row["factor"],
                    result: row["result"]
                )
            }
        }
    }

    /// Every `armload` row, by WID.
    package func armloadRows() async throws(StateStoreError) -> [ArmloadRecord] {
        try await access { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT wid, group_name, kind, argv, options, pid, proc_start_ticks, state, monitor_state, restarts,
                        window_start, started_at, last_exit
                    FROM armload ORDER BY wid
                    """
            ).map { row in
                let kindText: String = row["kind"]
                let argvText: String? = row["argv"]
                let ticks: Int64? = row["proc_start_ticks"]
                return ArmloadRecord(
                    wid: row["wid"],
                    group: row["group_name"] ?? "",
                    // An unknown word (a newer build's) reads as a program.
                    kind: ArmloadRecord.Kind(rawValue: kindText) ?? .app,
                    argv: Self.decodeArgv(argvText),
                    options: row["options"] ?? "{}",
                    pid: row["pid"],
                    procStartTicks: ticks.map { UInt64(bitPattern: $0) },
                    state: row["state"] ?? "",
                    monitorState: row["monitor_state"] ?? "",
                    restarts: row["restarts"],
                    windowStart: row["window_start"],
                    startedAt: row["started_at"],
                    lastExit: row["last_exit"]
                )
            }
        }
    }

    /// Inserts or replaces the `armload` row of a WID in one transaction.
    package func saveArmload(_ record: ArmloadRecord) async throws(StateStoreError) {
        let argv = Self.encodeArgv(record.argv)
        try await change { db in
            try db.execute(
                sql: """
                    INSERT INTO armload (wid, group_name, kind, argv, options, pid, proc_start_ticks, state,
                        monitor_state, restarts, window_start, started_at, last_exit)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(wid) DO UPDATE SET wid = excluded.wid, group_name = excluded.group_name,
                        kind = excluded.kind, argv = excluded.argv, options = excluded.options, pid = excluded.pid,
                        proc_start_ticks = excluded.proc_start_ticks, state = excluded.state,
                        monitor_state = excluded.monitor_state, restarts = excluded.restarts,
                        window_start = excluded.window_start, started_at = excluded.started_at,
                        last_exit = excluded.last_exit
                    """,
                arguments: [
                    record.wid, record.group, record.kind.rawValue, argv, record.options, record.pid,
                    record.procStartTicks.map { Int64(bitPattern: $0) }, record.state, record.monitorState,
                    record.restarts, record.windowStart, record.startedAt, record.lastExit,
                ]
            )
        }
    }

    /// Deletes the `armload` row of a WID (case-insensitive) in one transaction.
    package func deleteArmload(wid: String) async throws(StateStoreError) {
        try await change { db in
            try db.execute(sql: "DELETE FROM armload WHERE wid = ?", arguments: [wid])
        }
    }

    private static func encodeArgv(_ argv: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(argv) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func decodeArgv(_ text: String?) -> [String] {
        guard let text else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    /// `PRAGMA user_version` (for checks and tests).
    package func userVersion() async throws(StateStoreError) -> Int {
        try await access { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// A pragma's value as text (for checks and tests).
    package func pragma(_ name: String) async throws(StateStoreError) -> String? {
        try await access { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// The table names (for checks and tests).
    package func tables() async throws(StateStoreError) -> [String] {
        try await access { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
    }

    private func access<T: Sendable>(
        _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StateStoreError)
        -> T
    {
        do {
            return try await database.read(body)
        } catch {
            throw .database(String(describing: error))
        }
    }

    private func change(_ body: @escaping @Sendable (Database) throws -> Void) async throws(StateStoreError) {
        do {
            try await database.write(body)
        } catch {
            throw .database(String(describing: error))
        }
    }
}
