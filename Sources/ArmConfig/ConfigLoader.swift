import ArmCore

/// The outcome of reading and validating one `cluster.toml`.
package struct ConfigLoadResult: Sendable {
    /// Every finding, sorted by position (print `ConfigFindings.reported(findings)`).
    package var findings: [ConfigFinding]
    /// The configuration with defaults; nil when the file has an error.
    package var config: ClusterConfig?
    /// The parsed tree with positions; nil when the file could not be read or parsed.
    package var tree: TOMLTable?
    /// Canonical JSON of the keys written (§1.15), which the config hash covers (armmond's `ConfigHash`, kept
    /// out of this module so that armtool links no hash function); nil when the file could not be parsed.
    package var canonicalJSON: String?

    /// Creates a result.
    package init(
        findings: [ConfigFinding],
        config: ClusterConfig? = nil,
        tree: TOMLTable? = nil,
        canonicalJSON: String? = nil
    ) {
        self.findings = ConfigFindings.sorted(findings)
        self.config = config
        self.tree = tree
        self.canonicalJSON = canonicalJSON
    }

    /// Whether any finding is an error.
    package var hasErrors: Bool { findings.contains(where: \.isError) }
}

/// Why a configuration file could not be read.
package struct ConfigReadError: Error, Sendable, Equatable {
    /// `strerror` text, such as `No such file or directory`.
    package var reason: String

    /// Creates an error.
    package init(reason: String) {
        self.reason = reason
    }
}

/// The one path from the bytes of `cluster.toml` to a validated configuration (config-and-files §2).
///
/// UTF-8 check, `TOMLParser` (V1), `ConfigValidator` (V2–V24, V26), canonical JSON. Used by `armmond`,
/// `armmond /CHECK` and `armcfg check`; the caller reads the file.
package enum ConfigLoader {
    /// Files larger than this are refused before parsing.
    package static let maximumSize = 16 << 20

    /// `/etc/armcluster/cluster.toml` under `armRoot`.
    package static func defaultPath(armRoot: String) -> String {
        ArmRootPath.resolve("/etc/armcluster/cluster.toml", armRoot: armRoot)
    }

    /// Validates what reading a file gave.
    /// - Parameters:
    ///   - read: the file's bytes, or why it could not be read.
    ///   - displayPath: the name findings show (the path as the user gave it).
    /// - Returns: findings, and the tree and configuration as far as the file allowed.
    package static func load(_ read: Result<[UInt8], ConfigReadError>, displayPath: String) -> ConfigLoadResult {
        switch read {
        case .failure(let failure):
            return unreadable(failure.reason, displayPath: displayPath)
        case .success(let bytes):
            return load(bytes: bytes, displayPath: displayPath)
        }
    }

    /// Validates the bytes of a file.
    package static func load(bytes: [UInt8], displayPath: String) -> ConfigLoadResult {
        guard bytes.count <= maximumSize else {
            return unreadable("file is larger than 16 MiB", displayPath: displayPath)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return ConfigLoadResult(
                findings: [
                    ConfigFinding(
                        file: displayPath,
                        at: invalidUTF8Position(bytes),
                        message: "the file is not valid UTF-8"
                    )
                ]
            )
        }
        return load(text: text, displayPath: displayPath)
    }

    /// Parses and validates text already read.
    package static func load(text: String, displayPath: String) -> ConfigLoadResult {
        let parsed = TOMLParser.parse(text)
        if let error = parsed.error {
            return ConfigLoadResult(findings: [
                ConfigFinding(file: displayPath, at: error.position, message: error.message)
            ])
        }
        let validation = ConfigValidator.validate(parsed.root, file: displayPath)
        return ConfigLoadResult(
            findings: validation.findings,
            config: validation.config,
            tree: parsed.root,
            canonicalJSON: CanonicalJSON.render(parsed.root)
        )
    }

    /// The whole-file finding `cannot read the file: REASON`.
    package static func unreadable(_ reason: String, displayPath: String) -> ConfigLoadResult {
        ConfigLoadResult(
            findings: [ConfigFinding(file: displayPath, at: .start, message: "cannot read the file: \(reason)")]
        )
    }

    /// Line and column of the first byte that breaks UTF-8.
    static func invalidUTF8Position(_ bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0..<0x80: length = 1
            case 0xC2..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0..<0xF5: length = 4
            default: return SourcePosition(line: line, column: column)
            }
            guard index + length <= bytes.count,
                String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return SourcePosition(line: line, column: column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return SourcePosition(line: line, column: column)
    }
}
