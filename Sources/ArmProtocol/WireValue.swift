import ArmCore

/// A self-describing value: the body of every control frame and the source of every `--json` document.
///
/// Objects keep their key order, so encodings and JSON output are deterministic.
package indirect enum WireValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([WireValue])
    case object([(String, WireValue)])

    /// Compares objects key by key in order.
    package static func == (lhs: WireValue, rhs: WireValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value under `key` of an object (nil when absent or not an object).
    package subscript(key: String) -> WireValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// The string, if this is one.
    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, if this is one.
    package var intValue: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The boolean, if this is one.
    package var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    package var arrayValue: [WireValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// An optional string as a value (`null` when nil).
    package static func optional(_ value: String?) -> WireValue { value.map { .string($0) } ?? .null }

    /// An optional integer as a value (`null` when nil).
    package static func optional(_ value: Int?) -> WireValue { value.map { .int(Int64($0)) } ?? .null }
}

// MARK: - JSON rendering (commands.md 1.2 rule 8: one document on one line)

extension WireValue {
    /// Compact JSON on one line, keys in stored order.
    package var json: String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    private func appendJSON(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): WireValue.appendJSONString(value, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.appendJSON(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                WireValue.appendJSONString(pair.0, to: &out)
                out += ":"
                pair.1.appendJSON(to: &out)
            }
            out += "}"
        }
    }

    /// Appends a JSON string literal (the escaping of JSON-lines logs, `SeedLogFormat.jsonString`).
    package static func appendJSONString(_ value: String, to out: inout String) {
        out += SeedLogFormat.jsonString(value)
    }
}
