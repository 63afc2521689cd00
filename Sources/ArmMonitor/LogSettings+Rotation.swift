import ArmConfig
import ArmCore

extension LogSettings {
    /// `[log.files.NAME]` as the log sink's rotation table, keyed by `LogFile.configName`.
    package var rotations: [String: LogRotation] {
        var table: [String: LogRotation] = [:]
        for (name, file) in files {
            table[name.rawValue] = LogRotation(maxBytes: file.sizeMiB << 20, count: file.count)
        }
        return table
    }
}
