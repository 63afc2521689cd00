import ArmConfig
import ArmCore
import ArmSystem

extension ConfigFiles {
    /// This host's files, through ArmSystem.
    ///
    /// Blocking calls, fine for start-up and `/CHECK`, never on an event loop. Errors read as `strerror`
    /// texts (ArmCore's `ErrnoText`).
    package static let live = ConfigFiles(
        read: { path in
            do throws(SystemError) {
                let bytes = try FileIO.readAll(path: path, limit: ConfigLoader.maximumSize + 1)
                return .success(bytes)
            } catch {
                return .failure(ConfigReadError(reason: ErrnoText.describe(error.errno)))
            }
        },
        status: { FileIO.status(path: $0) }
    )
}

extension ConfigLoader {
    /// Reads, parses and validates a file of this host.
    /// - Parameters:
    ///   - path: the file to open.
    ///   - displayPath: the name findings show (the path as the user gave it).
    /// - Returns: findings, and the tree and configuration as far as the file allowed.
    package static func load(path: String, displayPath: String) -> ConfigLoadResult {
        load(ConfigFiles.live.read(path), displayPath: displayPath)
    }
}

extension ConfigLoadResult {
    /// The config hash (64 hex digits); nil when the file could not be parsed.
    package var hash: String? { canonicalJSON.map(ConfigHash.compute(canonicalJSON:)) }
}
