/// The kind of an armscr.log record (config-and-files §4.4).
package enum ScriptRecordKind: String, Sendable, CaseIterable {
    /// The script started: `pid= timeout= factor=`.
    case begin = "BEGIN"
    /// One line of stdout.
    case out = "OUT"
    /// One line of stderr.
    case err = "ERR"
    /// The script ended: `exit=N` / `signal=NAME` / `timeout` / `exec-failed …`, `duration=S.mmms`.
    case end = "END"
}

/// The structured part of an armscr.log record for its JSON line (config-and-files §4.8).
package enum ScriptRecordFields: Sendable, Equatable {
    /// An `OUT` or `ERR` line: no extra keys.
    case line
    /// `BEGIN`: `pid`, `timeout_s` (null without a timeout), `factor`.
    case begin(pid: Int32, timeoutSeconds: Int?, factor: String)
    /// `END`: `exit` (null unless it exited), `signal` (null unless signalled), `timed_out`, `duration_ms`,
    /// `dropped`.
    case end(exit: Int32?, signal: String?, timedOut: Bool, durationMilliseconds: Int64, dropped: Int)
}

/// Formats log lines exactly as config-and-files §4 fixes them.
///
/// It is pure, so the writers (`SeedLogHandler`, `CommandRunner`) only append what it returns. Lines are
/// returned without their newline.
package enum SeedLogFormat {
    /// The most bytes a text line may have (config-and-files §4.1).
    package static let maximumLineBytes = 8192
    /// What a cut line ends with.
    package static let truncationMarker = "…[truncated]"

    // MARK: - Timestamp

    /// `YYYY-MM-DDThh:mm:ss.mmm±hh:mm` in the wall time's own offset (never `Z`; `+00:00` for UTC), 29
    /// characters for years 0000–9999 (config-and-files §4.1).
    package static func timestamp(_ wall: WallTime) -> String {
        let offsetMinutes = wall.utcOffsetSeconds / 60
        let local = wall.epochMilliseconds + Int64(offsetMinutes) * 60_000
        let (days, millisecondOfDay) = floorDivision(local, 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        let secondOfDay = millisecondOfDay / 1000
        var text = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
        text += "T" + padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay / 60 % 60, 2)
        text += ":" + padded(secondOfDay % 60, 2) + "." + padded(millisecondOfDay % 1000, 3)
        text += offsetMinutes < 0 ? "-" : "+"
        let offset = Int64(abs(offsetMinutes))
        text += padded(offset / 60, 2) + ":" + padded(offset % 60, 2)
        return text
    }

    /// Year, month, day of a day count since 1970-01-01 (proleptic Gregorian; `civil_from_days` of
    /// Howard Hinnant's date algorithms).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: - Fields

    /// A field as written (config-and-files §4.1): `\` → `\\`, TAB `\t`, LF `\n`, CR `\r`, other C0
    /// characters `\xHH` (lowercase hex); an empty field is `-`. (Swift strings are valid Unicode, so the
    /// U+FFFD rule for invalid UTF-8 belongs to whoever decodes bytes into the string.)
    package static func escapeField(_ field: String) -> String {
        field.isEmpty ? "-" : escapedUnits(field).joined()
    }

    /// The escaped form, one element per Unicode scalar, so a cut never splits an escape.
    private static func escapedUnits(_ field: String) -> [String] {
        field.unicodeScalars.map { scalar in
            switch scalar {
            case "\\": return "\\\\"
            case "\t": return "\\t"
            case "\n": return "\\n"
            case "\r": return "\\r"
            default:
                guard scalar.value < 0x20 else { return String(scalar) }
                let hex = String(scalar.value, radix: 16)
                return "\\x" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
    }

    /// Joins escaped fields with TAB and cuts the line at 8192 bytes, UTF-8 safe.
    ///
    /// A cut line ends in `…[truncated]`. Only the last (free-text) field is cut, unless the others alone
    /// are too long.
    package static func line(_ fields: [String]) -> String {
        guard let last = fields.last else { return "" }
        let head = fields.dropLast().map { escapeField($0) + "\t" }.joined()
        let text = escapeField(last)
        guard head.utf8.count + text.utf8.count > maximumLineBytes else { return head + text }
        let budget = maximumLineBytes - truncationMarker.utf8.count - head.utf8.count
        guard budget >= 0 else { return cut(head + text, toBytes: maximumLineBytes - truncationMarker.utf8.count) }
        var kept = ""
        var used = 0
        for unit in last.isEmpty ? [] : escapedUnits(last) {
            let size = unit.utf8.count
            if used + size > budget { break }
            kept += unit
            used += size
        }
        return head + kept + truncationMarker
    }

    /// The longest prefix of whole Unicode scalars within `limit` bytes, plus the marker.
    private static func cut(_ text: String, toBytes limit: Int) -> String {
        var kept = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit { break }
            kept.append(scalar)
            used += size
        }
        return String(kept) + truncationMarker
    }

    // MARK: - Text lines

    /// An ARM.LOG line (config-and-files §4.2): `TIMESTAMP SERVER SOURCE PID CLASS ID TEXT`.
    package static func armLogLine(
        time: WallTime,
        server: String,
        source: String,
        pid: Int32,
        severity: Severity,
        id: String,
        text: String
    ) -> String {
        line([timestamp(time), server, source, String(pid), severity.rawValue, id, text])
    }

    /// An ARM.LOG line for a catalogued message: SOURCE, CLASS and ID from its entry, TEXT in `language`.
    package static func armLogLine(
        time: WallTime,
        server: String,
        pid: Int32,
        message: CatalogMessage,
        language: Language
    ) -> String {
        armLogLine(
            time: time,
            server: server,
            source: message.entry.source,
            pid: pid,
            severity: message.entry.severity,
            id: message.entry.id,
            text: message.text(language)
        )
    }

    /// An armsvr.log line (config-and-files §4.3): `TIMESTAMP SERVER MODULE CLASS ID TEXT`; trace lines
    /// have class DEBUG and ID `T1`…`T7`.
    package static func armsvrLine(
        time: WallTime,
        server: String,
        module: String,
        severity: Severity,
        id: String,
        text: String
    ) -> String {
        line([timestamp(time), server, module, severity.rawValue, id, text])
    }

    /// An armscr.log (or `armload/<WID>.log`) line (config-and-files §4.4):
    /// `TIMESTAMP SERVER GROUP EVENT SCRIPT RUN KIND TEXT`.
    package static func armscrLine(
        time: WallTime,
        server: String,
        group: String,
        event: String,
        script: String,
        run: String,
        kind: ScriptRecordKind,
        text: String
    ) -> String {
        line([timestamp(time), server, group, event, script, run, kind.rawValue, text])
    }

    /// An events.log line (config-and-files §4.7): `TIMESTAMP SERVER SOURCE ID LEVEL TEXT`, LEVEL being
    /// ERROR, WARN or INFO.
    package static func eventsLine(
        time: WallTime,
        server: String,
        source: String,
        id: Int,
        level: Severity,
        text: String
    ) -> String {
        line([timestamp(time), server, source, String(id), level.rawValue, text])
    }

    // MARK: - JSON lines (config-and-files §4.8)

    /// The `ARM.jsonl` line: `ts, server, log, source, pid, class, id, text, args`.
    package static func armLogJSON(
        time: WallTime,
        server: String,
        source: String,
        pid: Int32,
        severity: Severity,
        id: String,
        text: String,
        arguments: [FormatArgument]
    ) -> String {
        var object = JSONObject()
        object.string("ts", timestamp(time))
        object.string("server", server)
        object.string("log", "arm")
        object.string("source", source)
        object.raw("pid", String(pid))
        object.string("class", severity.rawValue)
        object.string("id", id)
        object.string("text", text)
        object.strings("args", arguments.map(\.text))
        return object.finished()
    }

    /// The `armsvr.jsonl` line: `ts, server, log, module, class, id, text, args`.
    package static func armsvrJSON(
        time: WallTime,
        server: String,
        module: String,
        severity: Severity,
        id: String,
        text: String,
        arguments: [FormatArgument]
    ) -> String {
        var object = JSONObject()
        object.string("ts", timestamp(time))
        object.string("server", server)
        object.string("log", "armsvr")
        object.string("module", module)
        object.string("class", severity.rawValue)
        object.string("id", id)
        object.string("text", text)
        object.strings("args", arguments.map(\.text))
        return object.finished()
    }

    /// The `armscr.jsonl` line: `ts, server, log, group, event, script, run, kind, text`, then the BEGIN
    /// or END keys.
    package static func armscrJSON(
        time: WallTime,
        server: String,
        group: String,
        event: String,
        script: String,
        run: String,
        kind: ScriptRecordKind,
        text: String,
        fields: ScriptRecordFields = .line
    ) -> String {
        var object = JSONObject()
        object.string("ts", timestamp(time))
        object.string("server", server)
        object.string("log", "armscr")
        object.string("group", group)
        object.string("event", event)
        object.string("script", script)
        object.string("run", run)
        object.string("kind", kind.rawValue)
        object.string("text", text)
        switch fields {
        case .line:
            break
        case .begin(let pid, let timeoutSeconds, let factor):
            object.raw("pid", String(pid))
            object.raw("timeout_s", timeoutSeconds.map { String($0) } ?? "null")
            object.string("factor", factor)
        case .end(let exit, let signal, let timedOut, let durationMilliseconds, let dropped):
            object.raw("exit", exit.map { String($0) } ?? "null")
            if let signal { object.string("signal", signal) } else { object.raw("signal", "null") }
            object.raw("timed_out", timedOut ? "true" : "false")
            object.raw("duration_ms", String(durationMilliseconds))
            object.raw("dropped", String(dropped))
        }
        return object.finished()
    }

    /// The `events.jsonl` line: `ts, server, log, source, event_id, level, text, args, alert`.
    package static func eventsJSON(
        time: WallTime,
        server: String,
        source: String,
        id: Int,
        level: Severity,
        text: String,
        arguments: [FormatArgument],
        alert: Bool
    ) -> String {
        var object = JSONObject()
        object.string("ts", timestamp(time))
        object.string("server", server)
        object.string("log", "events")
        object.string("source", source)
        object.raw("event_id", String(id))
        object.string("level", level.rawValue)
        object.string("text", text)
        object.strings("args", arguments.map(\.text))
        object.raw("alert", alert ? "true" : "false")
        return object.finished()
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`, `\r`, `\b`, `\f`
    /// or `\u00XX`; everything else as UTF-8.
    package static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

/// A compact JSON object built key by key, keys in insertion order.
private struct JSONObject {
    private var members: [String] = []

    mutating func string(_ key: String, _ value: String) {
        members.append(SeedLogFormat.jsonString(key) + ":" + SeedLogFormat.jsonString(value))
    }

    mutating func strings(_ key: String, _ values: [String]) {
        let array = "[" + values.map(SeedLogFormat.jsonString).joined(separator: ",") + "]"
        members.append(SeedLogFormat.jsonString(key) + ":" + array)
    }

    /// A value already in JSON form (number, `true`, `null`).
    mutating func raw(_ key: String, _ json: String) {
        members.append(SeedLogFormat.jsonString(key) + ":" + json)
    }

    func finished() -> String {
        "{" + members.joined(separator: ",") + "}"
    }
}
