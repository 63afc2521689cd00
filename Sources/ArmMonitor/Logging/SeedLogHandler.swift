import ArmCore
import Logging

/// A swift-log handler that writes events tagged `arm.log` to the seed's files in their formats
/// (STYLE §3 Logging); untagged events are left to the other handlers (the journal).
///
/// Metadata keys:
/// - `arm.log`: `arm` (ARM.LOG), `armsvr`, `events` or `armscr`; absent = not a seed line.
/// - `arm.id`: the message ID (`RSC-003`, `MONITOR-01`, `2007`; trace lines get `T<level>`).
/// - `arm.module`: armsvr.log MODULE, ARM.LOG SOURCE, events.log SOURCE (default `ARM`).
/// - `arm.pid`: ARM.LOG PID (default armmond's).
/// - `arm.trace`: trace level 1–7 of a DEBUG armsvr line (default 3).
/// - armscr.log needs `arm.group`, `arm.event`, `arm.script`, `arm.run`, `arm.kind`.
package struct SeedLogHandler: LogHandler {
    /// The metadata key that routes an event to a seed file.
    package static let fileKey = "arm.log"

    /// Handler metadata.
    package var metadata: Logger.Metadata = [:]
    /// Handler level.
    package var logLevel: Logger.Level = .trace
    /// Not used: seed lines carry their own metadata.
    package var metadataProvider: Logger.MetadataProvider?

    private let log: MonitorLog

    /// Creates a handler writing through `log`.
    package init(log: MonitorLog) {
        self.log = log
    }

    /// Metadata of this handler.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event when it is tagged with `arm.log`.
    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        func value(_ key: String) -> String? {
            guard let entry = merged[key] else { return nil }
            switch entry {
            case .string(let text): return text
            case .stringConvertible(let convertible): return convertible.description
            case .array, .dictionary: return nil
            }
        }
        guard let file = value(Self.fileKey) else { return }
        let text = event.message.description
        let severity = Self.severity(event.level)
        let id = value("arm.id") ?? "-"
        switch file {
        case "arm", "ARM.LOG":
            log.armLine(
                id: id,
                severity: severity,
                text: text,
                source: value("arm.module") ?? "MONITOR",
                pid: value("arm.pid").flatMap { Int32($0) } ?? log.monitorPID
            )
        case "armsvr":
            let module = value("arm.module") ?? "MON"
            if severity == .debug {
                log.trace(level: value("arm.trace").flatMap { Int($0) } ?? 3, module: module, text)
            } else {
                log.serverLine(id: id, severity: severity, text: text, module: module)
            }
        case "events":
            log.eventLine(id: id, severity: severity, text: text, source: value("arm.module") ?? "ARM")
        case "armscr":
            log.script(
                group: value("arm.group") ?? "-",
                event: value("arm.event") ?? "-",
                script: value("arm.script") ?? "-",
                run: value("arm.run") ?? "-",
                kind: value("arm.kind") ?? "-",
                text: text
            )
        default:
            break  // not a seed file: the journal has it
        }
    }

    /// Seed INFO/WARN/ERROR from swift-log levels (STYLE §3): debug and trace are DEBUG.
    package static func severity(_ level: Logger.Level) -> Severity {
        switch level {
        case .trace, .debug: .debug
        case .info, .notice: .info
        case .warning: .warn
        case .error, .critical: .error
        }
    }
}

extension Logger {
    /// Logs a catalogued monitor message to a seed file through `SeedLogHandler` (and to the journal).
    /// - Parameters:
    ///   - message: The message; its severity picks the level.
    ///   - file: `arm`, `armsvr` or `events`.
    ///   - module: armsvr MODULE, ARM.LOG SOURCE or events SOURCE.
    ///   - language: `[log] language`.
    package func seed(_ message: CatalogMessage, file: String, module: String, language: Language = .en) {
        let level: Logger.Level
        switch message.entry.severity {
        case .debug: level = .debug
        case .info: level = .info
        case .warn: level = .warning
        case .error: level = .error
        }
        log(
            level: level,
            "\(message.text(language))",
            metadata: [
                SeedLogHandler.fileKey: .string(file), "arm.id": .string(message.entry.id),
                "arm.module": .string(module),
            ]
        )
    }
}
