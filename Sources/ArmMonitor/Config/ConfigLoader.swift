import ArmConfig
import ArmCore

extension ConfigLoader {
    /// Reads, parses and validates a file.
    /// - Parameters:
    ///   - path: the file to open.
    ///   - displayPath: the name findings show (the path as the user gave it).
    /// - Returns: findings, and the tree and configuration as far as the file allowed.
    package static func load(path: String, displayPath: String) -> ConfigLoadResult {
        load(ConfigFileReader.read(path), displayPath: displayPath)
    }
}

extension ConfigLoadResult {
    /// The config hash (64 hex digits); nil when the file could not be parsed.
    package var hash: String? { canonicalJSON.map(ConfigHash.compute(canonicalJSON:)) }
}
