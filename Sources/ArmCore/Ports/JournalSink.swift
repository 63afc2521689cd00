/// Syslog severities the daemons write (RFC 5424 §6.2.1 numbers).
package enum JournalPriority: Int32, Sendable, CaseIterable {
    /// `crit`.
    case critical = 2
    /// `err`.
    case error = 3
    /// `warning`.
    case warning = 4
    /// `notice`.
    case notice = 5
    /// `info`.
    case info = 6
    /// `debug`.
    case debug = 7

    /// The priority of a seed class (config-and-files §4.1 "syslog": ERROR `err`, WARN `warning`, else `info`).
    package init(_ severity: Severity) {
        switch severity {
        case .error: self = .error
        case .warn: self = .warning
        case .info: self = .info
        case .debug: self = .debug
        }
    }
}

/// The system journal beside the seed files (STYLE §3 "Logging": the journal gets everything).
///
/// Syslog through `/dev/log`, and stderr in the foreground; fakes keep the records.
package protocol JournalSink: Sendable {
    /// Writes one record; the text has no trailing newline. Never blocks for long and never fails loudly.
    func write(_ priority: JournalPriority, _ text: String)
}
