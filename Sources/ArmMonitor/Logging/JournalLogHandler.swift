import ArmCore
import Logging

/// A swift-log handler that writes untagged events (armmond's own diagnostics, ServiceGroup, NIO) to a
/// journal: stderr in the foreground, syslog through `/dev/log`.
///
/// Events tagged `arm.log` are seed lines: `SeedLogHandler` writes them to their files, and from there
/// `JournalMirrorSink` and `/F`'s stderr copy take them, so they are skipped here (no double lines).
package struct JournalLogHandler: LogHandler {
    /// Handler metadata.
    package var metadata: Logger.Metadata = [:]
    /// The lowest level written (from `[log] level`, see `level(traceLevel:)`).
    package var logLevel: Logger.Level
    /// Not used.
    package var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let journal: any JournalSink

    /// Creates a handler for the logger `label`.
    package init(label: String, journal: any JournalSink, level: Logger.Level) {
        self.label = label
        self.journal = journal
        self.logLevel = level
    }

    /// Metadata of this handler.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes an untagged event as `LABEL LEVEL: MESSAGE[ key=value…]`.
    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        guard merged[SeedLogHandler.fileKey] == nil else { return }
        journal.write(Self.priority(event.level), Self.text(label: label, event: event, metadata: merged))
    }

    /// The record text: label, level, message and the metadata sorted by key.
    package static func text(label: String, event: LogEvent, metadata: Logger.Metadata) -> String {
        var text = "\(label) \(event.level): \(event.message)"
        for key in metadata.keys.sorted() {
            if let value = metadata[key] { text += " \(key)=\(value)" }
        }
        return text
    }

    /// The syslog priority of a swift-log level.
    package static func priority(_ level: Logger.Level) -> JournalPriority {
        switch level {
        case .trace, .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }

    /// The lowest swift-log level written for a `[log] level` trace level (config-and-files §1.12):
    /// 3 (the default) is `info`; each step down drops one level, each step up adds detail.
    package static func level(traceLevel: Int) -> Logger.Level {
        switch traceLevel {
        case ...0: .error
        case 1: .warning
        case 2: .notice
        case 3: .info
        case 4, 5: .debug
        default: .trace
        }
    }
}

/// A `LogSink` that also sends seed lines to the journal as `[log] syslog` asks (config-and-files §4.1).
///
/// `events` sends events.log records as `EVENT <id> <text>`, `all` adds armsvr.log records as
/// `<module> <class> <id> <text>`; `none` sends nothing. Trace lines (class DEBUG) never go.
package struct JournalMirrorSink: LogSink {
    /// The seed files.
    package let files: any LogSink
    /// The journal.
    package let journal: any JournalSink
    /// Which seed lines go, as `[log] syslog` says.
    package enum Mode: Sendable {
        /// None.
        case none
        /// events.log records.
        case events
        /// events.log and armsvr.log records (not trace lines).
        case all
    }

    /// `[log] syslog`.
    package let mode: Mode

    /// Creates a mirror.
    package init(files: any LogSink, journal: any JournalSink, mode: Mode) {
        self.files = files
        self.journal = journal
        self.mode = mode
    }

    /// Appends the line to its file, then sends it to the journal when the mode takes it.
    package func append(_ line: String, to file: LogFile) {
        files.append(line, to: file)
        guard let (priority, text) = Self.record(line, file: file, mode: mode) else { return }
        journal.write(priority, text)
    }

    /// The journal record of a seed line, or nil when the mode leaves it out.
    package static func record(_ line: String, file: LogFile, mode: Mode) -> (JournalPriority, String)? {
        // The fields are escaped (config-and-files §4.1), so a TAB only ever separates them.
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        switch (file, mode) {
        case (.events, .events), (.events, .all):
            // TIMESTAMP SERVER SOURCE ID LEVEL TEXT
            guard fields.count >= 6, let severity = Severity(rawValue: fields[4]) else { return nil }
            return (JournalPriority(severity), "EVENT \(fields[3]) \(fields[5...].joined(separator: "\t"))")
        case (.armsvr, .all):
            // TIMESTAMP SERVER MODULE CLASS ID TEXT
            guard fields.count >= 6, let severity = Severity(rawValue: fields[3]), severity != .debug else {
                return nil
            }
            return (
                JournalPriority(severity),
                "\(fields[2]) \(fields[3]) \(fields[4]) \(fields[5...].joined(separator: "\t"))"
            )
        default:
            return nil
        }
    }
}

/// How armmond's `main` bootstraps swift-log (STYLE §3 "Logging"): one multiplex per logger of the seed
/// files and each journal, so no event is dropped.
package enum DaemonLogging {
    /// The handler for a logger: `SeedLogHandler` for tagged events plus a `JournalLogHandler` per journal.
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - log: The seed files' writer.
    ///   - journals: stderr in the foreground, syslog when `/dev/log` exists; may be empty.
    ///   - level: The lowest level the journals get.
    /// - Returns: A `MultiplexLogHandler`.
    package static func handler(
        label: String,
        log: MonitorLog,
        journals: [any JournalSink],
        level: Logger.Level
    ) -> any LogHandler {
        MultiplexLogHandler(
            [SeedLogHandler(log: log)]
                + journals.map { JournalLogHandler(label: label, journal: $0, level: level) }
        )
    }
}
