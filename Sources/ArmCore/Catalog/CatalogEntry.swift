/// ARM.LOG class of a catalogued message (config-and-files §4.2): refusals WARN, failures ERROR.
package enum Severity: String, Sendable, CaseIterable {
    case debug = "DEBUG"
    case info = "INFO"
    case warn = "WARN"
    case error = "ERROR"
}

/// The language of message texts: `ja` when `LC_ALL`, `LC_MESSAGES` or `LANG` starts with `ja_JP`
/// (commands.md 1.7), or `[log] language` in the daemon.
package enum Language: String, Sendable {
    case en
    case ja

    /// The language the environment asks for; the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set wins.
    package static func from(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.hasPrefix("ja_JP") ? .ja : .en
            }
        }
        return .en
    }
}

/// Whose PID an ARM.LOG line of an entry carries (config-and-files §4.2).
package enum PIDColumn: Sendable, Hashable {
    /// The command that reported the outcome (the default).
    case caller
    /// armmond's: MONITOR lines and the seed's "command monitoring process" lines, which armmond emits.
    case monitor
}

/// One catalogued message: ID, exit status, ARM.LOG class, PID column and both texts (STYLE §2.2).
///
/// Refer to an entry through its typed constant (`.armload09`, `.rsc003`, `.event2007`), never its ID text.
package struct CatalogEntry: Sendable, Hashable {
    /// `SOURCE-nn` (commands.md 1.7).
    package let id: String
    /// The exit status a command returns with this message.
    package let status: ExitStatus
    /// ARM.LOG class.
    package let severity: Severity
    /// Whose PID the entry's ARM.LOG line carries.
    package let pidColumn: PIDColumn
    /// English text with the seed's printf placeholders.
    package let en: String
    /// Japanese text with the same placeholders.
    package let ja: String

    /// Creates an entry.
    package init(
        id: String,
        status: ExitStatus,
        severity: Severity,
        pidColumn: PIDColumn = .caller,
        en: String,
        ja: String
    ) {
        self.id = id
        self.status = status
        self.severity = severity
        self.pidColumn = pidColumn
        self.en = en
        self.ja = ja
    }

    /// The SOURCE part of the ID (`ARMLOAD` of `ARMLOAD-01`).
    package var source: String {
        guard let dash = id.lastIndex(of: "-") else { return id }
        return String(id[..<dash])
    }

    /// The template in a language.
    package func template(_ language: Language) -> String { language == .ja ? ja : en }
}

/// A value for a printf placeholder (`%s`, `%d`, `%x`, `%1`).
package enum FormatArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)

    /// A string argument.
    package init(stringLiteral value: String) { self = .string(value) }
    /// An integer argument.
    package init(integerLiteral value: Int) { self = .int(value) }

    /// The argument as text (for `%s` and for JSON logs' `args`).
    package var text: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        }
    }
}

/// A catalog entry with its arguments filled in, plus the untranslated DETAIL (commands.md 1.7).
package struct CatalogMessage: Sendable, Hashable {
    /// The entry.
    package let entry: CatalogEntry
    /// Placeholder values in the template's order.
    package let arguments: [FormatArgument]
    /// Untranslated context shown as ` (DETAIL)` on stderr; nil when none.
    package let detail: String?
    /// The exit status when it differs from the entry's primary one (one ID, several conditions:
    /// ARMLOAD-02 is 8 for a duplicate and 2 for bad characters); nil = `entry.status`.
    package let statusOverride: ExitStatus?

    /// Creates a message.
    package init(
        _ entry: CatalogEntry,
        _ arguments: [FormatArgument] = [],
        detail: String? = nil,
        statusOverride: ExitStatus? = nil
    ) {
        self.entry = entry
        self.arguments = arguments
        self.detail = detail
        self.statusOverride = statusOverride
    }

    /// The exit status to use: the override, else the entry's.
    package var status: ExitStatus { statusOverride ?? entry.status }

    /// The filled text in a language (no DETAIL).
    package func text(_ language: Language) -> String {
        SeedFormat.render(entry.template(language), arguments)
    }

    /// The stderr line without the trailing newline: `cmd: TEXT[ (DETAIL)]` (commands.md 1.7).
    package func stderrLine(command: String, language: Language) -> String {
        var line = "\(command): \(text(language))"
        if let detail, !detail.isEmpty { line += " (\(detail))" }
        return line
    }
}
