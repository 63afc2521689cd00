extension OptionSpec {
    /// An option taking an unsigned integer in `range` (commands.md 1.2 rule 7).
    package static func value(
        _ slash: String?,
        long: String,
        placeholder: String,
        range: ClosedRange<Int>,
        default defaultText: String = "",
        help: String
    ) -> OptionSpec {
        OptionSpec(
            slash: slash,
            long: long,
            value: .integer(placeholder: placeholder, range: range),
            help: help,
            defaultText: defaultText
        )
    }

    /// An option taking one of fixed words, case-insensitive.
    package static func value(
        _ slash: String?,
        long: String,
        placeholder: String,
        choices: [String],
        default defaultText: String = "",
        help: String
    ) -> OptionSpec {
        OptionSpec(
            slash: slash,
            long: long,
            value: .choice(placeholder: placeholder, choices),
            help: help,
            defaultText: defaultText
        )
    }

    /// An option taking free text that the command checks itself.
    package static func value(
        _ slash: String?,
        long: String,
        placeholder: String,
        completion: Completion = .none,
        default defaultText: String = "",
        repeatable: Bool = false,
        help: String
    ) -> OptionSpec {
        OptionSpec(
            slash: slash,
            long: long,
            value: .text(placeholder: placeholder, completion: completion),
            help: help,
            defaultText: defaultText,
            isRepeatable: repeatable
        )
    }

    /// The spellings of this option in commands.md 1.2 rule 1 order: `/R`, `-R`, `--retry`.
    package var spellings: [String] {
        if let slash { ["/" + slash, "-" + slash, "--" + long] } else { ["--" + long] }
    }

    /// The value placeholder, nil for a flag.
    package var placeholder: String? {
        switch value {
        case .none: nil
        case .integer(let placeholder, _): placeholder
        case .choice(let placeholder, _): placeholder
        case .text(let placeholder, _): placeholder
        }
    }
}
