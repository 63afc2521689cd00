import Glibc

/// The process environment and what commands derive from it.
package enum Environment {
    /// A copy of the environment (`environ`).
    ///
    /// When a name appears twice the first wins, as with `getenv`.
    package static func current() -> [String: String] {
        var result: [String: String] = [:]
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard var entry = start else { return result }
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return result
    }

    /// `ARM_ROOT` of this process (see `armRoot(in:)`).
    package static var armRoot: String {
        get throws(SystemError) { try armRoot(in: current()) }
    }

    /// The prefix of every ArmCluster path (commands.md 1.3): unset or empty is `""` (the real root),
    /// an absolute path loses its trailing slashes (`/` is `""`).
    /// - Throws: `.relativeArmRoot` for a relative value (a configuration error, exit 10).
    package static func armRoot(in environment: [String: String]) throws(SystemError) -> String {
        guard let value = environment["ARM_ROOT"], !value.isEmpty else { return "" }
        guard value.hasPrefix("/") else { throw .relativeArmRoot(value) }
        var trimmed = Substring(value)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return String(trimmed)
    }

    /// The local server name a command uses when it writes ARM.LOG itself (commands.md 1.3):
    /// `ARM_SERVER` if set and non-empty, else the host name up to the first dot.
    package static func localServerName(in environment: [String: String]) -> String {
        if let name = environment["ARM_SERVER"], !name.isEmpty { return name }
        return Hostname.short()
    }
}
