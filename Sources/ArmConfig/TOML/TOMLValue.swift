/// A 1-based place in a configuration file (config-and-files §2.1): the column counts Unicode scalar
/// values and a tab counts as one column.
package struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line.
    package var line: Int
    /// 1-based column in Unicode scalars.
    package var column: Int

    /// Creates a position.
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `1:1`, where whole-file findings point.
    package static let start = SourcePosition(line: 1, column: 1)

    /// Orders by line, then column.
    package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `LINE:COL`.
    package var description: String { "\(line):\(column)" }
}

/// A parsed TOML value, independent of the TOML library that read it.
///
/// TOMLKit reads it in the daemon, `TOMLParser` in pure code and tests. Arrays and tables hold `TOMLNode`s
/// so that every value keeps its position.
package enum TOMLValue: Sendable, Equatable {
    /// A string, escapes resolved.
    case string(String)
    /// A 64-bit integer.
    case integer(Int64)
    /// `true` or `false`.
    case bool(Bool)
    /// A float (the schema has none; kept so the type error can name it).
    case float(Double)
    /// Any date, time or date-time, as written.
    case datetime(String)
    /// An array (static or of tables), in file order.
    case array([TOMLNode])
    /// A table (header, dotted, implicit or inline).
    case table(TOMLTable)

    /// The TOML type name used in `"K" must be TYPE, not TYPE2` (config-and-files §2.2 V3).
    package var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .bool: "boolean"
        case .float: "float"
        case .datetime: "datetime"
        case .array: "array"
        case .table: "table"
        }
    }
}

/// A value with where it was written.
package struct TOMLNode: Sendable, Equatable {
    /// The value.
    package var value: TOMLValue
    /// The first character of the key that names it (for an array element: the element itself; for a
    /// table from a header: the key inside the header).
    package var keyPosition: SourcePosition
    /// The first character of the value (for a table or array-of-tables element from a header: its `[`).
    package var valuePosition: SourcePosition

    /// Creates a node.
    package init(_ value: TOMLValue, key: SourcePosition = .start, value valuePosition: SourcePosition = .start) {
        self.value = value
        self.keyPosition = key
        self.valuePosition = valuePosition
    }
}

/// A TOML table whose keys keep their file order.
package struct TOMLTable: Sendable, Equatable {
    /// Keys in the order they were first written.
    package private(set) var keys: [String] = []
    /// Values by key.
    package private(set) var entries: [String: TOMLNode] = [:]
    /// Where the table was opened: the `[` of its header, or its key for dotted and inline tables;
    /// `1:1` for the root.
    package var position: SourcePosition

    /// Creates an empty table opened at `position`.
    package init(position: SourcePosition = .start) {
        self.position = position
    }

    /// The node stored under `key`.
    package subscript(key: String) -> TOMLNode? { entries[key] }

    /// Stores `node` under `key`, keeping the first insertion's place in the key order.
    package mutating func set(_ key: String, _ node: TOMLNode) {
        if entries.updateValue(node, forKey: key) == nil {
            keys.append(key)
        }
    }

    /// Reorders the keys by where they were written (for trees built from a library that sorts keys).
    package mutating func sortKeysByPosition() {
        keys.sort { lhs, rhs in
            let left = entries[lhs]?.keyPosition ?? .start
            let right = entries[rhs]?.keyPosition ?? .start
            return left == right ? lhs < rhs : left < right
        }
    }

    /// Whether the table has no keys.
    package var isEmpty: Bool { keys.isEmpty }
}
