import ArmCore

/// The result of validating one configuration file.
package struct ConfigValidation: Sendable {
    /// Every finding, sorted by position (not cut to 100; use `reported` for output).
    package var findings: [ConfigFinding]
    /// The configuration with defaults applied; nil when there is any error.
    package var config: ClusterConfig?

    /// Creates a result.
    package init(findings: [ConfigFinding], config: ClusterConfig?) {
        self.findings = ConfigFindings.sorted(findings)
        self.config = config
    }

    /// Whether any finding is an error (the file is then invalid; warnings never invalidate it).
    package var hasErrors: Bool { findings.contains(where: \.isError) }

    /// The findings as printed: sorted, at most 100, then `too many errors`.
    package var reported: [ConfigFinding] { ConfigFindings.reported(findings) }
}

/// The shared validator of `armcfg check`, `armcfg apply` and `armmond` (config-and-files §2): every check
/// that needs no I/O, V2–V24 and V26, over a parsed tree with positions.
package enum ConfigValidator {
    /// Validates a parsed tree and builds the configuration with defaults.
    /// - Parameters:
    ///   - root: the document as `TOMLParser` read it, with positions.
    ///   - file: the path shown in findings.
    /// - Returns: the sorted findings, and the configuration when there is no error.
    package static func validate(_ root: TOMLTable, file: String) -> ConfigValidation {
        var checker = ConfigChecker(file: file)
        let config = checker.read(root)
        checker.crossCheck()
        let findings = checker.findings
        let hasErrors = findings.contains(where: \.isError)
        return ConfigValidation(findings: findings, config: hasErrors ? nil : config)
    }

    /// Parses `text` with `TOMLParser` (V1 from its syntax error) and validates it.
    package static func validate(text: String, file: String) -> ConfigValidation {
        let parsed = TOMLParser.parse(text)
        if let error = parsed.error {
            return ConfigValidation(
                findings: [ConfigFinding(file: file, at: error.position, message: error.message)],
                config: nil
            )
        }
        return validate(parsed.root, file: file)
    }
}

// MARK: - Checker core

/// Reads the tree section by section, recording findings, then checks across sections.
struct ConfigChecker {
    let file: String
    var findings: [ConfigFinding] = []

    // State gathered while reading, for the cross-checks.
    var root = TOMLTable()
    var clusterTable: TOMLTable?
    var timingTable: TOMLTable?
    var partitionTable: TOMLTable?
    var networkTable: TOMLTable?
    var managerTable: TOMLTable?
    var armloadTable: TOMLTable?
    var partitionMethod: PartitionSettings.Method?
    var config = ClusterConfig(
        cluster: ClusterSettings(name: ""),
        partition: PartitionSettings(method: .none),
        servers: []
    )
    var serverTables: [TOMLTable] = []
    var groupTables: [TOMLTable] = []
    var resourceRecords: [ResourceRecord] = []
    var monitorRecords: [MonitorRecord] = []

    init(file: String) {
        self.file = file
    }

    // MARK: Findings

    mutating func error(_ position: SourcePosition, _ message: String) {
        findings.append(ConfigFinding(file: file, at: position, severity: .error, message: message))
    }

    mutating func warning(_ position: SourcePosition, _ message: String) {
        findings.append(ConfigFinding(file: file, at: position, severity: .warning, message: message))
    }

    // MARK: Keys and types

    /// V2 for every key of `table` not in `allowed`.
    mutating func unknownKeys(_ table: TOMLTable, allowed: [String], in name: String) {
        for key in table.keys where !allowed.contains(key) {
            guard let node = table[key] else { continue }
            var message = "unknown key \(quote(key)) in \(name)"
            if let suggestion = Spelling.suggestion(for: key, among: allowed) {
                message += "; did you mean \(quote(suggestion))?"
            }
            error(node.keyPosition, message)
        }
    }

    /// V6 at the table's header.
    mutating func missing(_ key: String, in table: TOMLTable, name: String) {
        error(table.position, "missing required key \(quote(key)) in \(name)")
    }

    /// V3.
    mutating func wrongType(_ key: String, _ node: TOMLNode, expected: String, actual: String? = nil) {
        error(node.keyPosition, "\(quote(key)) must be \(expected), not \(actual ?? node.value.typeName)")
    }

    /// A string value; V3 if another type.
    mutating func string(_ table: TOMLTable, _ key: String) -> String? {
        guard let node = table[key] else { return nil }
        guard case .string(let value) = node.value else {
            wrongType(key, node, expected: "string")
            return nil
        }
        return value
    }

    /// A required string; V6 if absent.
    mutating func requiredString(_ table: TOMLTable, _ key: String, in name: String) -> String? {
        guard table[key] != nil else {
            missing(key, in: table, name: name)
            return nil
        }
        return string(table, key)
    }

    /// A boolean; V3 if another type.
    mutating func bool(_ table: TOMLTable, _ key: String) -> Bool? {
        guard let node = table[key] else { return nil }
        guard case .bool(let value) = node.value else {
            wrongType(key, node, expected: "boolean")
            return nil
        }
        return value
    }

    /// An integer in `range`; V3 or V4 otherwise.
    mutating func integer(_ table: TOMLTable, _ key: String, _ range: ClosedRange<Int>) -> Int? {
        guard let node = table[key] else { return nil }
        guard case .integer(let raw) = node.value else {
            wrongType(key, node, expected: "integer")
            return nil
        }
        let value = Int(raw)
        guard range.contains(value) else {
            error(node.keyPosition, "\(quote(key)) = \(value) is out of range \(range.lowerBound)..\(range.upperBound)")
            return nil
        }
        return value
    }

    /// A required integer.
    mutating func requiredInteger(
        _ table: TOMLTable,
        _ key: String,
        _ range: ClosedRange<Int>,
        in name: String
    ) -> Int? {
        guard table[key] != nil else {
            missing(key, in: table, name: name)
            return nil
        }
        return integer(table, key, range)
    }

    /// One of `values`; V3 or V5 otherwise.
    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ table: TOMLTable,
        _ key: String,
        _ type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let node = table[key], let text = string(table, key) else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            error(node.keyPosition, "\(quote(key)) = \(quote(text)) is not one of: \(allowed)")
            return nil
        }
        return value
    }

    /// An array of strings with each element's node; V3 otherwise.
    mutating func strings(_ table: TOMLTable, _ key: String) -> [(value: String, node: TOMLNode)]? {
        guard let node = table[key] else { return nil }
        guard case .array(let items) = node.value else {
            wrongType(key, node, expected: "array of strings")
            return nil
        }
        var result: [(value: String, node: TOMLNode)] = []
        for item in items {
            guard case .string(let value) = item.value else {
                wrongType(key, node, expected: "array of strings", actual: "array containing \(item.value.typeName)")
                return nil
            }
            result.append((value, item))
        }
        return result
    }

    /// A sub-table; V3 otherwise.
    mutating func table(_ table: TOMLTable, _ key: String) -> TOMLTable? {
        guard let node = table[key] else { return nil }
        guard case .table(let value) = node.value else {
            wrongType(key, node, expected: "table")
            return nil
        }
        return value
    }

    /// An array of tables (`[[key]]`, or an array of inline tables); V3 otherwise.
    mutating func tables(_ table: TOMLTable, _ key: String) -> [TOMLTable]? {
        guard let node = table[key] else { return nil }
        guard case .array(let items) = node.value else {
            wrongType(key, node, expected: "array of tables")
            return nil
        }
        var result: [TOMLTable] = []
        for item in items {
            guard case .table(let element) = item.value else {
                wrongType(key, node, expected: "array of tables", actual: "array containing \(item.value.typeName)")
                return nil
            }
            result.append(element)
        }
        return result
    }

    /// A path string: only a leading `${ARM_ROOT}` may be substituted (§1.1); optionally absolute.
    mutating func path(_ table: TOMLTable, _ key: String, absolute: Bool = false) -> String? {
        guard let node = table[key], let value = string(table, key) else { return nil }
        guard checkPath(value, key: key, node: node, absolute: absolute) else { return nil }
        return value
    }

    /// The path rules for one value; false (with a finding) if broken.
    mutating func checkPath(_ value: String, key: String, node: TOMLNode, absolute: Bool) -> Bool {
        let rest = value.hasPrefix(ArmRootPath.variable) ? String(value.dropFirst(ArmRootPath.variable.count)) : value
        if rest.contains("${") {
            error(
                node.keyPosition,
                "\(quote(key)) = \(quote(value)): the only substitution allowed is a leading ${ARM_ROOT}"
            )
            return false
        }
        if absolute && !value.isEmpty && !ArmRootPath.isAbsolute(value) {
            error(node.keyPosition, "\(quote(key)) = \(quote(value)) must be an absolute path")
            return false
        }
        return true
    }

    /// An argv array (`command`, `start`, `stop` of services): strings, optionally non-empty with an
    /// absolute `argv[0]`.
    mutating func argv(_ table: TOMLTable, _ key: String, requireAbsolute: Bool) -> [String]? {
        guard let node = table[key], let items = strings(table, key) else { return nil }
        let argv = items.map(\.value)
        guard let first = argv.first else { return argv }
        if first.isEmpty {
            error(node.keyPosition, "\(quote(key)) must not start with an empty program name")
            return nil
        }
        if requireAbsolute && !ArmRootPath.isAbsolute(first) {
            error(node.keyPosition, "\(quote(key)) must start with an absolute path, not \(quote(first))")
            return nil
        }
        return argv
    }

    /// V7/V8 for a name value; true if it follows the rule.
    @discardableResult
    mutating func checkName(_ name: String, _ rule: NameRule, at position: SourcePosition) -> Bool {
        if let violation = rule.violation(name) {
            error(position, violation)
            return false
        }
        return true
    }

    /// V12 for one CIDR value.
    mutating func cidr(_ text: String, at position: SourcePosition) -> CIDRAddress? {
        switch CIDRAddress.parse(text) {
        case .success(let address): return address
        case .failure(let failure):
            error(position, "invalid address \(quote(text)): \(failure.reason)")
            return nil
        }
    }

    /// V12 for one plain IP address (no prefix).
    mutating func plainAddress(_ text: String, at position: SourcePosition) -> IPAddress? {
        if let address = IPAddress(text) { return address }
        let reason = text.contains("/") ? "expected an address without a prefix" : "not an IPv4 or IPv6 address"
        error(position, "invalid address \(quote(text)): \(reason)")
        return nil
    }

    /// `env` tables: string values, names `[A-Za-z_][A-Za-z0-9_]*`, not `ARMS_*` or `CLP_*` (V24).
    mutating func environment(_ table: TOMLTable, _ key: String = "env") -> [EnvironmentVariable] {
        guard let env = self.table(table, key) else { return [] }
        var result: [EnvironmentVariable] = []
        for name in env.keys {
            guard let node = env[name] else { continue }
            let validName =
                name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
                && name.allSatisfy { $0 == "_" || isASCIILetterOrDigit($0) }
            if !validName {
                error(node.keyPosition, "invalid environment variable name \(quote(name))")
                continue
            }
            if name.hasPrefix("ARMS_") || name.hasPrefix("CLP_") {
                error(node.keyPosition, "environment variable \(quote(name)) is reserved")
                continue
            }
            guard case .string(let value) = node.value else {
                wrongType(name, node, expected: "string")
                continue
            }
            result.append(EnvironmentVariable(name: name, value: value))
        }
        return result
    }

    /// Array elements of `key` in `table`, or none.
    func elements(_ table: TOMLTable, _ key: String) -> [TOMLNode] {
        guard let node = table[key], case .array(let items) = node.value else { return [] }
        return items
    }

    /// The node of `key`, or none.
    func node(_ table: TOMLTable?, _ key: String) -> TOMLNode? { table?[key] }
}

/// `"text"` with JSON-style escapes, as names and values appear in messages.
func quote(_ text: String) -> String { CanonicalJSON.string(text) }

/// Records first definitions for V9 (`duplicate KIND "V" (first defined at LINE:COL)`), case-insensitively.
struct DuplicateTracker {
    let kind: String
    var first: [String: SourcePosition] = [:]

    init(_ kind: String) {
        self.kind = kind
    }

    /// The V9 message if `value` was seen before; else records it.
    mutating func check(_ value: String, at position: SourcePosition) -> String? {
        let key = value.lowercased()
        if let earlier = first[key] {
            return "duplicate \(kind) \(quote(value)) (first defined at \(earlier))"
        }
        first[key] = position
        return nil
    }
}

/// ASCII letter or digit.
private func isASCIILetterOrDigit(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return (48...57).contains(ascii) || (65...90).contains(ascii) || (97...122).contains(ascii)
}
