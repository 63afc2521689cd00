import ArmCore

/// The common line rules of config-and-files §4.1 as the monitor's writers use them; the rules themselves
/// live in `SeedLogFormat` (ArmCore), shared with the commands.
package enum LogLineFormat {
    /// Longest line in bytes, newline excluded.
    package static let maxLineBytes = SeedLogFormat.maximumLineBytes

    /// `YYYY-MM-DDThh:mm:ss.mmm±hh:mm` (always 29 characters); `utc` forces `+00:00` (`[log] utc`).
    package static func timestamp(_ time: WallTime, utc: Bool = false) -> String {
        SeedLogFormat.timestamp(utc ? WallTime(epochMilliseconds: time.epochMilliseconds, utcOffsetSeconds: 0) : time)
    }

    /// One escaped field; an empty field is `-`.
    package static func field(_ text: String) -> String { SeedLogFormat.escapeField(text) }

    /// Escaped fields joined by TAB, cut to 8192 bytes.
    package static func line(_ fields: [String]) -> String { SeedLogFormat.line(fields) }

    /// `S.mmms`, the duration format of armscr.log END records.
    package static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction + "s"
    }
}
