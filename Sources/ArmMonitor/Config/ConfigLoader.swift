import ArmCore
import TOMLKit

/// The outcome of reading and validating one `cluster.toml`.
package struct ConfigLoadResult: Sendable {
    /// Every finding, sorted by position (print `ConfigFindings.reported(findings)`).
    package var findings: [ConfigFinding]
    /// The configuration with defaults; nil when the file has an error.
    package var config: ClusterConfig?
    /// The parsed tree with positions; nil when the file could not be read or parsed.
    package var tree: ArmCore.TOMLTable?
    /// Canonical JSON of the keys written (§1.15); nil when the file could not be parsed.
    package var canonicalJSON: String?
    /// The config hash (64 hex digits); nil when the file could not be parsed.
    package var hash: String?

    /// Creates a result.
    package init(
        findings: [ConfigFinding],
        config: ClusterConfig? = nil,
        tree: ArmCore.TOMLTable? = nil,
        canonicalJSON: String? = nil,
        hash: String? = nil
    ) {
        self.findings = ConfigFindings.sorted(findings)
        self.config = config
        self.tree = tree
        self.canonicalJSON = canonicalJSON
        self.hash = hash
    }

    /// Whether any finding is an error.
    package var hasErrors: Bool { findings.contains(where: \.isError) }
}

/// Reads `cluster.toml` with TOMLKit, attaches positions from `ConfigSource`'s scan of the text, and runs the
/// shared validator (config-and-files §2).
package enum ConfigLoader {
    /// `/etc/armcluster/cluster.toml` under `armRoot`.
    package static func defaultPath(armRoot: String) -> String {
        ArmRootPath.resolve("/etc/armcluster/cluster.toml", armRoot: armRoot)
    }

    /// Reads, parses and validates a file.
    /// - Parameters:
    ///   - path: the file to open.
    ///   - displayPath: the name findings show (the path as the user gave it).
    /// - Returns: findings, and the tree, hash and configuration as far as the file allowed.
    package static func load(path: String, displayPath: String) -> ConfigLoadResult {
        switch ConfigFileReader.read(path) {
        case .failure(let failure):
            return ConfigLoadResult(
                findings: [
                    ConfigFinding(file: displayPath, at: .start, message: "cannot read the file: \(failure.reason)")
                ]
            )
        case .success(let bytes):
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
    }

    /// Parses and validates text already read.
    package static func load(text: String, displayPath: String) -> ConfigLoadResult {
        let source = ConfigSource(text: text)
        let tree: ArmCore.TOMLTable
        if text.unicodeScalars.contains("\u{0}") {
            // TOMLKit reads a C string and would stop at the NUL; the pure reader sees the whole text.
            let error =
                source.syntaxError ?? TOMLSyntaxError(position: .start, message: "the file contains a NUL character")
            return ConfigLoadResult(findings: [
                ConfigFinding(file: displayPath, at: error.position, message: error.message)
            ])
        }
        do {
            let parsed = try TOMLKit.TOMLTable(string: text)
            tree = convert(parsed, path: [], source: source, fallback: .start)
        } catch let failure as TOMLParseError {
            return ConfigLoadResult(findings: [syntaxFinding(failure, source: source, file: displayPath)])
        } catch {
            return ConfigLoadResult(findings: [ConfigFinding(file: displayPath, at: .start, message: "\(error)")])
        }
        let validation = ConfigValidator.validate(tree, file: displayPath)
        let json = CanonicalJSON.render(tree)
        return ConfigLoadResult(
            findings: validation.findings,
            config: validation.config,
            tree: tree,
            canonicalJSON: json,
            hash: ConfigHash.compute(canonicalJSON: json)
        )
    }

    /// V1: TOMLKit's message at its position, except that a duplicate key or table the scan found first
    /// is reported as `duplicate key "K"` (§2.2 V1).
    static func syntaxFinding(_ failure: TOMLParseError, source: ConfigSource, file: String) -> ConfigFinding {
        let position = SourcePosition(
            line: max(1, failure.source.begin.line),
            column: max(1, failure.source.begin.column)
        )
        if let own = source.syntaxError, own.message.hasPrefix("duplicate "), own.position.line <= position.line {
            return ConfigFinding(file: file, at: own.position, message: own.message)
        }
        return ConfigFinding(file: file, at: position, message: failure.description)
    }

    // MARK: TOMLKit → neutral tree

    static func convert(
        _ table: TOMLKit.TOMLTable,
        path: ConfigPath,
        source: ConfigSource,
        fallback: SourcePosition
    ) -> ArmCore.TOMLTable {
        let opened =
            path.isEmpty ? SourcePosition.start : (source.position(of: path).map { $0.table ?? $0.value } ?? fallback)
        var result = ArmCore.TOMLTable(position: opened)
        for key in table.keys {
            guard let value = table[key] else { continue }
            let childPath = path + [.key(key)]
            result.set(key, node(value, path: childPath, source: source, fallback: opened))
        }
        result.sortKeysByPosition()
        return result
    }

    static func node(
        _ value: any TOMLValueConvertible,
        path: ConfigPath,
        source: ConfigSource,
        fallback: SourcePosition
    ) -> TOMLNode {
        let known = source.position(of: path)
        let keyPosition = known?.key ?? fallback
        let valuePosition = known?.value ?? fallback
        let converted: ArmCore.TOMLValue
        switch value.type {
        case .string:
            converted = .string(value.string ?? "")
        case .int:
            converted = .integer(Int64(value.int ?? 0))
        case .double:
            converted = .float(value.double ?? 0)
        case .bool:
            converted = .bool(value.bool ?? false)
        case .date, .time, .dateTime:
            converted = .datetime(value.debugDescription)
        case .table:
            guard let table = value.table else {
                converted = .table(ArmCore.TOMLTable(position: valuePosition))
                break
            }
            converted = .table(convert(table, path: path, source: source, fallback: valuePosition))
        case .array:
            var items: [TOMLNode] = []
            if let array = value.array {
                for (index, element) in array.enumerated() {
                    items.append(node(element, path: path + [.index(index)], source: source, fallback: valuePosition))
                }
            }
            converted = .array(items)
        }
        return TOMLNode(converted, key: keyPosition, value: valuePosition)
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
