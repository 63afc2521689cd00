/// A configuration file's text read by `TOMLParser`, with the position of every table header, key, value
/// and array element (config-and-files §2.1: "If the TOML library gives no node positions, the
/// implementation finds them with its own scan of the source").
package struct ConfigSource: Sendable {
    /// The tree as read (partial if there was a syntax error).
    package var root: TOMLTable
    /// The first syntax error, if any.
    package var syntaxError: TOMLSyntaxError?
    /// Positions by path: keys, values, array elements and table headers.
    package var positions: [ConfigPath: KeyPosition]

    /// Scans `text`.
    package init(text: String) {
        let parsed = TOMLParser.parse(text)
        root = parsed.root
        syntaxError = parsed.error
        positions = [:]
        ConfigSource.index(table: root, path: [], into: &positions)
    }

    /// Where the value at `path` was written, if the scan saw it.
    package func position(of path: ConfigPath) -> KeyPosition? { positions[path] }

    private static func index(table: TOMLTable, path: ConfigPath, into positions: inout [ConfigPath: KeyPosition]) {
        for key in table.keys {
            guard let node = table[key] else { continue }
            index(node: node, path: path + [.key(key)], into: &positions)
        }
    }

    private static func index(node: TOMLNode, path: ConfigPath, into positions: inout [ConfigPath: KeyPosition]) {
        var entry = KeyPosition(key: node.keyPosition, value: node.valuePosition)
        switch node.value {
        case .table(let table):
            entry.table = table.position
            positions[path] = entry
            index(table: table, path: path, into: &positions)
        case .array(let items):
            positions[path] = entry
            for (offset, item) in items.enumerated() {
                index(node: item, path: path + [.index(offset)], into: &positions)
            }
        default:
            positions[path] = entry
        }
    }
}

/// TOML text helpers shared by the effective-config renderer and messages.
package enum TOMLText {
    /// A TOML basic string literal: `"…"` with `"`, `\` and control characters escaped.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u" + hex4(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A key as written in TOML: bare when it may be, else quoted.
    package static func key(_ key: String) -> String { quotedIfNeeded(key) }

    static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for shift in stride(from: 12, through: 0, by: -4) {
            text.append(digits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return text
    }
}
