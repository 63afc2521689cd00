/// The result of parsing one command line against its CommandSpec (commands.md 1.2).
package struct ParsedArguments: Sendable, Equatable {
    /// Option values by `OptionSpec.key`; a flag has one empty string per occurrence kept
    /// (the last wins unless the option is repeatable).
    package var options: [String: [String]] = [:]
    /// Operands in order, excluding the tail.
    package var operands: [String] = []
    /// The pass-through tail (program and its arguments), verbatim.
    package var tail: [String] = []
    /// `/?`, `-?`, `--help` (and `-h`/`/h` where allowed) was given.
    package var wantsHelp = false
    /// `--version` was given.
    package var wantsVersion = false

    /// Creates an empty result.
    package init() {}

    /// Whether an option (by key) was given.
    package func has(_ key: String) -> Bool { options[key] != nil }

    /// Whether a flag was given.
    package func flag(_ key: String) -> Bool { options[key] != nil }

    /// The last value of an option.
    package func value(_ key: String) -> String? { options[key]?.last }

    /// Every value of a repeatable option.
    package func values(_ key: String) -> [String] { options[key] ?? [] }

    /// The last value as an integer; the parser already checked its range.
    package func integer(_ key: String) -> Int? { value(key).flatMap { Int($0) } }
}

/// Why a command line was refused (commands.md 1.2); every case is exit 2 (or 125 for the wrappers).
package enum UsageError: Error, Sendable, Equatable {
    case unknownOption(String)
    case missingValue(option: String)
    case valueOutOfRange(option: String, value: String, allowed: String)
    case invalidValue(option: String, value: String, reason: String)
    case valueOnFlag(option: String)
    case conflictingOptions(String, String)
    case unexpectedOperand(String)
    case missingOperand(String)
    case invalidOperand(name: String, value: String, reason: String)
    case jsonNotSupported
    case unknownCommand(String)
    case other(String)

    /// The untranslated DETAIL printed after the catalog text (commands.md 1.7).
    package var detail: String {
        switch self {
        case .unknownOption(let word): "unknown option \(word)"
        case .missingValue(let option): "option \(option) needs a value"
        case .valueOutOfRange(let option, let value, let allowed):
            "\(option) value \(value) is out of range \(allowed)"
        case .invalidValue(let option, let value, let reason): "\(option) value \(value): \(reason)"
        case .valueOnFlag(let option): "option \(option) takes no value"
        case .conflictingOptions(let a, let b): "options \(a) and \(b) cannot be combined"
        case .unexpectedOperand(let word): "unexpected operand \(word)"
        case .missingOperand(let name): "missing operand \(name)"
        case .invalidOperand(let name, let value, let reason): "\(name) \(value): \(reason)"
        case .jsonNotSupported: "--json is not supported here"
        case .unknownCommand(let name): "unknown command \(name)"
        case .other(let text): text
        }
    }
}
