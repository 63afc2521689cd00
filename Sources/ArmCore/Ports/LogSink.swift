/// The log files of config-and-files §4 (names as in `[log.files.NAME]`, §1.12).
package enum LogFile: Sendable, Hashable {
    case arm
    case armsvr
    case armscr
    case armtun
    case events
    /// `armload/<WID>.log`.
    case armload(wid: String)

    /// Path relative to `/var/log/armcluster/`.
    package var relativePath: String {
        switch self {
        case .arm: "ARM.LOG"
        case .armsvr: "armsvr.log"
        case .armscr: "armscr.log"
        case .armtun: "armtun.log"
        case .events: "events.log"
        case .armload(let wid): "armload/\(wid).log"
        }
    }

    /// The `[log.files.NAME]` key.
    package var configName: String {
        switch self {
        case .arm: "arm"
        case .armsvr: "armsvr"
        case .armscr: "armscr"
        case .armtun: "armtun"
        case .events: "events"
        case .armload: "armload"
        }
    }

    /// Default rotation size in bytes and count (config-and-files §1.12).
    package var defaultRotation: LogRotation {
        switch self {
        case .arm: LogRotation(maxBytes: 8 << 20, count: 5)
        case .armsvr: LogRotation(maxBytes: 32 << 20, count: 8)
        case .armscr: LogRotation(maxBytes: 16 << 20, count: 8)
        case .armtun: LogRotation(maxBytes: 1 << 20, count: 4)
        case .events: LogRotation(maxBytes: 8 << 20, count: 8)
        case .armload: LogRotation(maxBytes: 4 << 20, count: 2)
        }
    }
}

/// Size-based rotation: before a write that would pass `maxBytes`, `F.(count-1)`→`F.count` … `F`→`F.1`.
package struct LogRotation: Sendable, Hashable {
    /// Size limit in bytes.
    package var maxBytes: Int
    /// Rotated files kept.
    package var count: Int

    /// Creates a rotation setting.
    package init(maxBytes: Int, count: Int) {
        self.maxBytes = maxBytes
        self.count = count
    }
}

/// Appends finished lines to log files (one `O_APPEND` write per line under the shared
/// `logrotate.lock`, config-and-files §4.1).
package protocol LogSink: Sendable {
    /// Appends one line (without its newline) to a file, rotating first when needed.
    func append(_ line: String, to file: LogFile)
}
