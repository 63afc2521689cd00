import ArmConfig
import ArmCore
import Crypto

/// The config hash of config-and-files §1.15: lowercase hex SHA-256 of `armcluster-config-v1\n` followed by
/// the canonical JSON of the keys written in the file.
package enum ConfigHash {
    /// The full hash (64 lowercase hex digits).
    package static func compute(canonicalJSON: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(CanonicalJSON.hashPrefix.utf8))
        hasher.update(data: Array(canonicalJSON.utf8))
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The first 12 hex digits, as logs and `armcfg show` print them.
    package static func short(_ hash: String) -> String { String(hash.prefix(12)) }
}
