import ArmCore
import Glibc

/// Reads the last known state from `state.sqlite` while armmond is down (armstat, commands.md 2.29).
///
/// libsqlite3 is loaded with `dlopen` only on this path, so `armtool` starts without it.
package enum StateDatabaseReader {
    private typealias OpenV2 =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafeMutablePointer<OpaquePointer?>?, Int32, UnsafePointer<CChar>?
        ) -> Int32
    private typealias Prepare =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<OpaquePointer?>?,
            UnsafeMutablePointer<UnsafePointer<CChar>?>?
        ) -> Int32
    private typealias Step = @convention(c) (OpaquePointer?) -> Int32
    private typealias ColumnText = @convention(c) (OpaquePointer?, Int32) -> UnsafePointer<UInt8>?
    private typealias ColumnInt64 = @convention(c) (OpaquePointer?, Int32) -> Int64
    private typealias ColumnType = @convention(c) (OpaquePointer?, Int32) -> Int32
    private typealias Close = @convention(c) (OpaquePointer?) -> Int32

    private static let readOnly: Int32 = 0x0000_0001
    private static let row: Int32 = 100
    private static let integerType: Int32 = 1
    private static let nullType: Int32 = 5

    /// The state, or nil when the file is missing, unreadable (not root) or not ours.
    package static func read(path: String) -> StateFallback? {
        guard access(path, R_OK) == 0, let library = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL) else {
            return nil
        }
        defer { dlclose(library) }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let pointer = dlsym(library, name) else { return nil }
            return unsafeBitCast(pointer, to: type)
        }
        guard let open = symbol("sqlite3_open_v2", as: OpenV2.self),
            let prepare = symbol("sqlite3_prepare_v2", as: Prepare.self),
            let step = symbol("sqlite3_step", as: Step.self),
            let text = symbol("sqlite3_column_text", as: ColumnText.self),
            let int64 = symbol("sqlite3_column_int64", as: ColumnInt64.self),
            let type = symbol("sqlite3_column_type", as: ColumnType.self),
            let finalize = symbol("sqlite3_finalize", as: Close.self),
            let close = symbol("sqlite3_close_v2", as: Close.self)
        else { return nil }
        var database: OpaquePointer?
        guard open(path, &database, readOnly, nil) == 0 else {
            _ = close(database)
            return nil
        }
        defer { _ = close(database) }

        func query(_ sql: String, _ each: (OpaquePointer?) -> Void) -> Bool {
            var statement: OpaquePointer?
            guard prepare(database, sql, -1, &statement, nil) == 0 else { return false }
            defer { _ = finalize(statement) }
            while step(statement) == row { each(statement) }
            return true
        }
        func string(_ statement: OpaquePointer?, _ column: Int32) -> String? {
            guard type(statement, column) != nullType, let bytes = text(statement, column) else { return nil }
            return String(cString: bytes)
        }

        var meta: [String: String] = [:]
        guard query("SELECT key, value FROM meta", { meta[string($0, 0) ?? ""] = string($0, 1) }) else { return nil }
        var groups: [(name: String, state: String, failed: Bool, owner: String?)] = []
        var newest: Int64 = 0
        let sql = "SELECT group_name, state, failed, owner, updated_at FROM group_state ORDER BY group_name"
        _ = query(sql) { statement in
            groups.append(
                (
                    string(statement, 0) ?? "", string(statement, 1) ?? "stopped", int64(statement, 2) != 0,
                    string(statement, 3)
                )
            )
            if type(statement, 4) == integerType { newest = max(newest, int64(statement, 4)) }
        }
        let lastUpdate =
            newest > 0 ? SeedLogFormat.timestamp(localWallTime(epochMilliseconds: newest)) : meta["last_start_at"]
        return StateFallback(
            lastUpdate: lastUpdate,
            serverName: meta["server_name"],
            clusterName: meta["cluster_name"],
            groups: groups
        )
    }
}

/// A wall time in the local zone for an epoch instant.
private func localWallTime(epochMilliseconds: Int64) -> WallTime {
    var seconds = time_t(epochMilliseconds / 1000)
    var local = tm()
    let offset = localtime_r(&seconds, &local) == nil ? 0 : Int(local.tm_gmtoff)
    return WallTime(epochMilliseconds: epochMilliseconds, utcOffsetSeconds: offset)
}
