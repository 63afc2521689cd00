import ArmCore

/// The common line rules of config-and-files §4.1: timestamps, field escaping, the 8192-byte limit.
// TODO(lead): use SeedLogFormat (ArmCore/Catalog) once it has merged; this is the private stand-in.
package enum LogLineFormat {
    /// Longest line in bytes, newline excluded.
    package static let maxLineBytes = 8192
    private static let truncationMark = "…[truncated]"

    /// `YYYY-MM-DDThh:mm:ss.mmm±hh:mm` (always 29 characters); `utc` forces `+00:00`.
    package static func timestamp(_ time: WallTime, utc: Bool = false) -> String {
        let offset = utc ? 0 : time.utcOffsetSeconds
        let local = time.epochMilliseconds + Int64(offset) * 1000
        let millisecond = Int(((local % 1000) + 1000) % 1000)
        let seconds = (local - Int64(millisecond)) / 1000
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        let days = (seconds - Int64(secondOfDay)) / 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let sign = offset < 0 ? "-" : "+"
        let offsetMinutes = abs(offset) / 60
        return "\(pad(Int(year), 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
            + ".\(pad(millisecond, 3))\(sign)\(pad(offsetMinutes / 60, 2)):\(pad(offsetMinutes % 60, 2))"
    }

    /// One field: `\`, TAB, LF, CR and other C0 characters escaped; an empty field is `-`.
    package static func field(_ text: String) -> String {
        if text.isEmpty { return "-" }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Joins escaped fields with TABs and cuts the line to 8192 bytes, the cut text ending in `…[truncated]`.
    package static func line(_ fields: [String]) -> String {
        let joined = fields.map(field).joined(separator: "\t")
        guard joined.utf8.count > maxLineBytes else { return joined }
        let budget = maxLineBytes - truncationMark.utf8.count
        var kept = ""
        var used = 0
        for character in joined {
            let size = character.utf8.count
            if used + size > budget { break }
            kept.append(character)
            used += size
        }
        return kept + truncationMark
    }

    /// Seconds with milliseconds: `1.532s`.
    package static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let milliseconds = Int(attoseconds / 1_000_000_000_000_000)
        return "\(whole).\(pad(max(0, milliseconds), 3))s"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
