/// One row of the command table: everything the parser, `--help`, man pages and completions need
/// (STYLE §2.1; commands.md section 2).
package struct CommandSpec: Sendable {
    /// The command as typed, lowercase (`armload`).
    package let name: String
    /// Message-ID prefix and ARM.LOG SOURCE (`ARMLOAD`, `MONITOR` for armmond; commands.md 1.7).
    package let messagePrefix: String
    /// One-line purpose (commands.md section 3).
    package let summary: String
    /// Synopsis lines exactly as commands.md writes them, without the leading command name.
    package let synopsis: [String]
    /// Man-page description paragraphs (plain text; the renderer escapes for roff).
    package let description: [String]
    /// Options in the order of commands.md.
    package let options: [OptionSpec]
    /// Operands in order; at most one `.tail`, and it is last.
    package let operands: [OperandSpec]
    /// Exit statuses with what each means for this command (commands.md "Exit status").
    package let exitStatuses: [ExitStatusNote]
    /// Documented codes outside `ExitStatus` (a wrapped program's own status, `128+n`, armgetcd's 254/255).
    package let otherExitCodes: [OtherExitCode]
    /// Usage examples (shell lines).
    package let examples: [String]
    /// Man section: 1 for commands, 8 for daemons and root-only administration.
    package let manSection: Int
    /// Who may run it through the monitor (commands.md section 3 "Access").
    package let access: Access
    /// Seed reference (`§2.2.1`, `public`, `new`).
    package let seed: String
    /// Option grammar; only `armsrvct` differs (commands.md 2.27).
    package let grammar: Grammar
    /// Whether `-h`/`/h` mean help: false when the command has an option `H` (commands.md 1.2 rule 6).
    package var helpAcceptsH: Bool { !options.contains { $0.slash?.uppercased() == "H" } }
    /// The exit code of a usage error (commands.md 1.5).
    package let usageExit: UsageExit

    /// Creates a row; every field but the documentation has a meaning for the parser.
    package init(
        name: String,
        messagePrefix: String? = nil,
        summary: String,
        synopsis: [String],
        description: [String],
        options: [OptionSpec] = [],
        operands: [OperandSpec] = [],
        exitStatuses: [ExitStatusNote],
        otherExitCodes: [OtherExitCode] = [],
        examples: [String] = [],
        manSection: Int = 1,
        access: Access,
        seed: String,
        grammar: Grammar = .standard,
        usageExit: UsageExit = .usage
    ) {
        self.name = name
        self.messagePrefix = messagePrefix ?? name.uppercased()
        self.summary = summary
        self.synopsis = synopsis
        self.description = description
        self.options = options
        self.operands = operands
        self.exitStatuses = exitStatuses
        self.otherExitCodes = otherExitCodes
        self.examples = examples
        self.manSection = manSection
        self.access = access
        self.seed = seed
        self.grammar = grammar
        self.usageExit = usageExit
    }

    /// Who may use a command (commands.md section 3).
    package enum Access: String, Sendable {
        /// R: a read-only request.
        case readOnly = "R"
        /// M: a mutating request (root or `armadm`).
        case mutating = "M"
        /// Both, depending on the form (`armem`, `armcfg`, `armsrvct`, `armrsp`).
        case mixed = "R/M"
        /// No request to a daemon.
        case none = "-"
    }

    /// The exit code of a usage error: 2, except where callers read the code as a wrapped program's or a
    /// stored value (commands.md 1.5).
    package enum UsageExit: Sendable {
        /// 2.
        case usage
        /// 125 (`armcall`: any other code could be the program's own).
        case wrapFailed
        /// 125 when one of these options (by key) is among the words, else 2 (`armload /W`).
        case wrapFailedWith([String])
        /// This code unless one of these options (by key) is among the words, then 2 (plain `armgetcd`: 255).
        case code(Int32, unlessWith: [String])
    }

    /// The exit code of a usage error in `words`, which did not parse, so options are found by spelling.
    package func usageExitCode(words: [String]) -> Int32 {
        func given(_ keys: [String]) -> Bool {
            let spellings = Set(
                options.filter { keys.contains($0.key) }.flatMap { option in
                    ["--" + option.long] + (option.slash.map { ["/" + $0, "-" + $0] } ?? [])
                }.map { $0.lowercased() }
            )
            return words.contains { spellings.contains($0.lowercased()) }
        }
        switch usageExit {
        case .usage: return ExitStatus.usage.rawValue
        case .wrapFailed: return ExitStatus.wrapFailed.rawValue
        case .wrapFailedWith(let keys): return given(keys) ? ExitStatus.wrapFailed.rawValue : ExitStatus.usage.rawValue
        case .code(let code, let keys): return given(keys) ? ExitStatus.usage.rawValue : code
        }
    }

    /// Seed commands log their error lines, usage errors included; new commands only what they say (1.7).
    package var isSeedCommand: Bool { seed.hasPrefix("§2.2") }

    /// How words are parsed.
    package enum Grammar: Sendable {
        /// commands.md 1.2.
        case standard
        /// commands.md 2.27: the first word selects a function; later words are its parameters.
        case functionSelector
    }
}

/// An exit status and what it means for one command.
package struct ExitStatusNote: Sendable {
    /// The status.
    package let status: ExitStatus
    /// Command-specific meaning; empty means the generic meaning of commands.md 1.5.
    package let meaning: String

    /// Creates a note.
    package init(_ status: ExitStatus, _ meaning: String = "") {
        self.status = status
        self.meaning = meaning
    }
}

/// An exit code a command documents that `ExitStatus` has no case for (commands.md 1.5 exceptions).
package struct OtherExitCode: Sendable {
    /// The code or range as documented (`128+n`, `254`, `0-253`).
    package let code: String
    /// What it means for this command.
    package let meaning: String

    /// Creates a note.
    package init(_ code: String, _ meaning: String) {
        self.code = code
        self.meaning = meaning
    }
}

/// One option: `/SLASH`, `-SLASH` and `--long` spell it (commands.md 1.2 rule 1).
package struct OptionSpec: Sendable {
    /// Slash name as the spec spells it (`R`, `SCR`, `WAIT`); nil for long-only options (`--json`).
    package let slash: String?
    /// Long name without dashes (`retry`).
    package let long: String
    /// What it takes.
    package let value: OptionValue
    /// Help text, one sentence.
    package let help: String
    /// Default as shown in help (`60`, `failover`); empty when none.
    package let defaultText: String
    /// May be given more than once, every value kept (`armrsp /IP`).
    package let isRepeatable: Bool

    /// The key ParsedArguments stores it under: the upper-case slash name, else the long name; `--json`
    /// keeps `json` although `/JSON` spells it too.
    package var key: String { long == "json" ? long : slash?.uppercased() ?? long }

    /// Creates an option.
    package init(
        slash: String?,
        long: String,
        value: OptionValue,
        help: String,
        defaultText: String = "",
        isRepeatable: Bool = false
    ) {
        self.slash = slash
        self.long = long
        self.value = value
        self.help = help
        self.defaultText = defaultText
        self.isRepeatable = isRepeatable
    }

    /// A flag without a value.
    package static func flag(_ slash: String?, long: String, help: String) -> OptionSpec {
        OptionSpec(slash: slash, long: long, value: .none, help: help)
    }

    /// `--json`, also `/JSON` and `-JSON` (commands.md 1.2 rule 8).
    package static let json = OptionSpec(
        slash: "JSON",
        long: "json",
        value: .none,
        help: "Print exactly one JSON document on one line."
    )
}

/// The value an option takes.
package enum OptionValue: Sendable {
    /// A flag.
    case none
    /// An unsigned decimal integer in a range (commands.md 1.2 rule 7).
    case integer(placeholder: String, range: ClosedRange<Int>)
    /// One of fixed words, case-insensitive.
    case choice(placeholder: String, [String])
    /// Free text checked by the command itself.
    case text(placeholder: String, completion: Completion)
}

/// One operand.
package struct OperandSpec: Sendable {
    /// Placeholder as in the synopsis (`watch-id`, `group-name`).
    package let name: String
    /// Required, optional or the pass-through tail.
    package let kind: Kind
    /// What Tab completes here.
    package let completion: Completion
    /// Fixed words this operand accepts (subcommands, views), empty for free text.
    package let choices: [String]
    /// Help text, one sentence (for `--help` and the man page); empty when the name says it all.
    package let help: String

    /// Creates an operand.
    package init(
        name: String,
        kind: Kind,
        completion: Completion = .none,
        choices: [String] = [],
        help: String = ""
    ) {
        self.name = name
        self.kind = kind
        self.completion = completion
        self.choices = choices
        self.help = help
    }

    /// A required operand.
    package static func required(
        _ name: String,
        completion: Completion = .none,
        choices: [String] = [],
        help: String = ""
    ) -> OperandSpec {
        OperandSpec(name: name, kind: .required, completion: completion, choices: choices, help: help)
    }

    /// An optional operand.
    package static func optional(
        _ name: String,
        completion: Completion = .none,
        choices: [String] = [],
        help: String = ""
    ) -> OperandSpec {
        OperandSpec(name: name, kind: .optional, completion: completion, choices: choices, help: help)
    }

    /// Any number of operands (`armvxset vg...`).
    package static func repeated(_ name: String, completion: Completion = .none, help: String = "") -> OperandSpec {
        OperandSpec(name: name, kind: .repeated, completion: completion, help: help)
    }

    /// The pass-through tail: this word and every later one, never parsed (commands.md 1.2 rule 4).
    package static func tail(_ name: String, completion: Completion = .none, help: String = "") -> OperandSpec {
        OperandSpec(name: name, kind: .tail, completion: completion, help: help)
    }

    /// Whether a `/` word may fill it (commands.md 1.2 rule 3): the pass-through tail and operands that
    /// complete as paths; a `/` word anywhere else is an unknown option.
    package var mayHoldPath: Bool {
        switch completion {
        case .files, .directories, .executables: true
        default: kind == .tail
        }
    }

    /// Operand kinds.
    package enum Kind: Sendable, Equatable {
        case required
        case optional
        case repeated
        case tail
    }
}

/// What a shell completes for an operand or option value (commands.md 2.31).
package enum Completion: String, Sendable {
    case none
    case files
    case directories
    case executables
    case groups
    case servers
    case wids
    case mirrors
    case shares
    case codes
    case users
    case services
    case clusters
}
