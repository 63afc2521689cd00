/// When `armcfg apply` may change a key (config-and-files §1.1 column Chg; rules in §1.14).
package enum ConfigChangeClass: String, Sendable, CaseIterable {
    /// L: live.
    case live = "L"
    /// N: live, but only while every server is normal.
    case normal = "N"
    /// G: only while the group is stopped on every server.
    case groupStopped = "G"
    /// R: takes effect when the daemon next restarts.
    case restart = "R"
    /// C: only with `armmond` stopped everywhere.
    case clusterStopped = "C"
}

/// The TOML type of a key's value, with the name cluster.toml(5) gives it.
package enum ConfigValueType: Sendable, Equatable {
    /// A TOML integer.
    case integer
    /// `true` or `false`.
    case boolean
    /// A string; the label says what kind (`string`, `path`, `CIDR`, `group name`).
    case string(String)
    /// An array of strings; the label says of what (`list of CIDR`).
    case list(String)
    /// A table of strings (`env`).
    case table

    /// The type as cluster.toml(5) prints it.
    package var label: String {
        switch self {
        case .integer: "int"
        case .boolean: "bool"
        case .string(let label), .list(let label): label
        case .table: "table of strings"
        }
    }
}

/// A key's default value.
package enum ConfigDefault: Sendable, Equatable {
    /// The key must be written.
    case required
    /// An integer.
    case integer(Int)
    /// A boolean.
    case boolean(Bool)
    /// A string.
    case string(String)
    /// A list of strings.
    case strings([String])
    /// An empty table.
    case emptyTable
    /// Computed from other keys; the text says how (`from profile: 1000, 100, 3000`).
    case derived(String)

    /// The default as cluster.toml(5) prints it (TOML syntax for literal values).
    package var text: String {
        switch self {
        case .required: "required"
        case .integer(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        case .string(let value): "\"" + value + "\""
        case .strings(let values): "[" + values.map { "\"" + $0 + "\"" }.joined(separator: ", ") + "]"
        case .emptyTable: "{}"
        case .derived(let text): text
        }
    }
}

/// One key of cluster.toml: everything the validator, the defaults, `armcfg show` and cluster.toml(5) need
/// to know about it (config-and-files §1).
package struct ConfigKey: Sendable, Equatable {
    /// The key as written in the file.
    package let name: String
    /// Its TOML type.
    package let type: ConfigValueType
    /// Its default.
    package let defaultValue: ConfigDefault
    /// For integers: the allowed range (nil: any integer; checked in code).
    package let range: ClosedRange<Int>?
    /// For integers: what `0` means when 0 is allowed outside `range` (`off`, `none`).
    package let zeroMeans: String?
    /// For strings that name a choice: the allowed values.
    package let choices: [String]
    /// The allowed values as cluster.toml(5) describes them, when `range` and `choices` do not say it all.
    package let valuesNote: String
    /// When the key may change at run time.
    package let change: ConfigChangeClass

    /// Creates a key.
    package init(
        _ name: String,
        _ type: ConfigValueType,
        _ defaultValue: ConfigDefault,
        range: ClosedRange<Int>? = nil,
        zeroMeans: String? = nil,
        choices: [String] = [],
        values valuesNote: String = "",
        change: ConfigChangeClass
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.range = range
        self.zeroMeans = zeroMeans
        self.choices = choices
        self.valuesNote = valuesNote
        self.change = change
    }

    /// The allowed values as cluster.toml(5) prints them: the note, else `0 (off), 1-1440`, `100-10000` or
    /// `reset, panic`; empty when anything of the type is allowed.
    package var valuesText: String {
        if !valuesNote.isEmpty { return valuesNote }
        if let range {
            let text = "\(range.lowerBound)-\(range.upperBound)"
            return zeroMeans.map { "0 (\($0)), " + text } ?? text
        }
        return choices.joined(separator: ", ")
    }
}

/// One table of cluster.toml and its keys, in the order `armcfg show` writes them.
package struct ConfigSection: Sendable, Equatable {
    /// The header as written (`[cluster.timing]`, `[[group]]`).
    package let header: String
    /// What the table is for (cluster.toml(5)).
    package let note: String
    /// Its keys, in the spec's order.
    package let keys: [ConfigKey]
    /// Whether cluster.toml(5) states the change class once in `note` rather than per key.
    package let classInNote: Bool

    /// Creates a section.
    package init(_ header: String, note: String, classInNote: Bool = false, keys: [ConfigKey]) {
        self.header = header
        self.note = note
        self.keys = keys
        self.classInNote = classInNote
    }

    /// The key names, in order.
    package var keyNames: [String] { keys.map(\.name) }

    /// The key called `name`.
    package subscript(name: String) -> ConfigKey? { keys.first { $0.name == name } }
}
