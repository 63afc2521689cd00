import ArmCore

/// One validation finding about a configuration file (config-and-files §2.1).
package struct ConfigFinding: Sendable, Equatable {
    /// Errors invalidate the file; warnings never do.
    package enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    /// The file as the user named it (or `/etc/armcluster/cluster.toml` with the ARM_ROOT prefix).
    package var file: String
    /// 1-based line.
    package var line: Int
    /// 1-based column in Unicode scalars.
    package var column: Int
    /// Error or warning.
    package var severity: Severity
    /// The English text of §2.2, without the `warning: ` prefix.
    package var message: String

    /// Creates a finding.
    package init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// Creates a finding at `position`.
    package init(file: String, at position: SourcePosition, severity: Severity = .error, message: String) {
        self.init(file: file, line: position.line, column: position.column, severity: severity, message: message)
    }

    /// Where the finding points.
    package var position: SourcePosition { SourcePosition(line: line, column: column) }

    /// Whether this is an error.
    package var isError: Bool { severity == .error }

    /// `FILE:LINE:COL: message` or `FILE:LINE:COL: warning: message`.
    package func render() -> String {
        let prefix = "\(file):\(line):\(column): "
        switch severity {
        case .error: return prefix + message
        case .warning: return prefix + "warning: " + message
        }
    }

    /// `{"file":…,"line":…,"column":…,"severity":…,"message":…}` for `armcfg check --json`.
    package func renderJSON() -> String {
        "{\"file\":\(CanonicalJSON.string(file)),\"line\":\(line),\"column\":\(column),"
            + "\"severity\":\(CanonicalJSON.string(severity.rawValue)),\"message\":\(CanonicalJSON.string(message))}"
    }
}

/// The ordering and limit of a findings report (config-and-files §2.1).
package enum ConfigFindings {
    /// At most this many findings are printed; then `too many errors`.
    package static let limit = 100

    /// Sorts by position (stable for equal positions).
    package static func sorted(_ findings: [ConfigFinding]) -> [ConfigFinding] {
        findings.enumerated().sorted { lhs, rhs in
            lhs.element.position == rhs.element.position
                ? lhs.offset < rhs.offset : lhs.element.position < rhs.element.position
        }.map(\.element)
    }

    /// Sorted findings, cut to `limit`, followed by one `too many errors` finding at the first one left out.
    package static func reported(_ findings: [ConfigFinding]) -> [ConfigFinding] {
        let ordered = sorted(findings)
        guard ordered.count > limit else { return ordered }
        let first = ordered[limit]
        let dropped = ordered[limit...]
        var report = Array(ordered.prefix(limit))
        report.append(
            ConfigFinding(
                file: first.file,
                at: first.position,
                severity: dropped.contains(where: \.isError) ? .error : .warning,
                message: "too many errors"
            )
        )
        return report
    }

    /// One line per finding, each ended by a newline (stderr of `armcfg check`).
    package static func renderText(_ findings: [ConfigFinding]) -> String {
        reported(findings).map { $0.render() + "\n" }.joined()
    }

    /// `[{…},…]` and a newline (stdout of `armcfg check --json`).
    package static func renderJSON(_ findings: [ConfigFinding]) -> String {
        "[" + reported(findings).map { $0.renderJSON() }.joined(separator: ",") + "]\n"
    }

    /// What `armcfg check [--json]` and `armmond /CHECK` print for these findings (commands.md 2.30):
    /// text lines on stderr, or the JSON array on stdout with `json`; status 10 (CONFIG) if any finding is
    /// an error, else 0.
    package static func checkOutput(
        _ findings: [ConfigFinding],
        json: Bool
    ) -> (output: String, errors: String, status: Int32) {
        let status = findings.contains(where: \.isError) ? ExitStatus.config.rawValue : ExitStatus.success.rawValue
        if json {
            return (renderJSON(findings), "", status)
        }
        return ("", renderText(findings), status)
    }
}
