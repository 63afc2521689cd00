import ArmCore

/// The canonical JSON form of a configuration tree that the config hash covers (config-and-files §1.15).
///
/// Only the keys written in the file, object keys sorted by code point, arrays in file order, no whitespace,
/// integers in decimal, and in strings only `"`, `\` and characters below U+0020 escaped (the last as
/// lowercase `\u00xx`). `${ARM_ROOT}` stays unexpanded because values are taken as written.
package enum CanonicalJSON {
    /// The prefix hashed before the JSON: `armcluster-config-v1\n`.
    package static let hashPrefix = "armcluster-config-v1\n"

    /// Serialises a whole document.
    package static func render(_ root: TOMLTable) -> String {
        var output = ""
        write(table: root, into: &output)
        return output
    }

    /// Serialises one value.
    package static func render(_ value: TOMLValue) -> String {
        var output = ""
        write(value: value, into: &output)
        return output
    }

    /// A JSON string literal with the canonical escapes.
    package static func string(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            default:
                if scalar.value < 0x20 {
                    output += "\\u" + TOMLText.hex4(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Code-point order (not Swift's `String` order, which compares canonical equivalents).
    package static func codePointPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars) { $0.value < $1.value }
    }

    private static func write(table: TOMLTable, into output: inout String) {
        output += "{"
        var first = true
        for key in table.keys.sorted(by: codePointPrecedes) {
            guard let node = table[key] else { continue }
            if !first { output += "," }
            first = false
            output += string(key)
            output += ":"
            write(value: node.value, into: &output)
        }
        output += "}"
    }

    private static func write(value: TOMLValue, into output: inout String) {
        switch value {
        case .string(let text): output += string(text)
        case .integer(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .float(let number): output += number.isFinite ? String(number) : string(String(number))
        case .datetime(let text): output += string(text)
        case .table(let table): write(table: table, into: &output)
        case .array(let items):
            output += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += "," }
                write(value: item.value, into: &output)
            }
            output += "]"
        }
    }
}
