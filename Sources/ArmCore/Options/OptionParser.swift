/// Parses a command line against its `CommandSpec` (commands.md 1.2; `armsrvct`: 2.27).
///
/// Rules, in brief:
/// - `/NAME`, `-NAME` and `--long-name` spell an option, case-insensitively; `-SCR` is one option.
/// - A value follows the first `=` or `:` of the same word, or is the next word taken verbatim.
///   `-R3` is not a value form: it is an unknown option. A value attached to a flag is an error.
/// - A `/` or `-` word is an option only if this command has that option. Otherwise, before `--`, a `-` word
///   (except `-` alone) is an error and a `/` word is an operand only where that operand may hold a path
///   (`OperandSpec.mayHoldPath`); elsewhere it is an unknown option.
/// - The tail operand takes its word and every later word verbatim; `--` ends options.
/// - `/?`, `-?`, `--help` (and `-h`/`/h` when the command has no option `H`) anywhere before the tail ask
///   for help, and `--version` for the version; with either, no error is thrown and operands are not
///   checked (the caller prints help first when both were given).
/// - An option given twice: the last wins unless it is repeatable.
package enum OptionParser {
    /// Parses `words` (the arguments after the command name) for `spec`.
    /// - Returns: Options by `OptionSpec.key`, operands, the tail, and the help and version requests.
    /// - Throws: The first usage error, unless help or the version was asked for before the tail.
    package static func parse(_ words: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        switch spec.grammar {
        case .standard:
            var parser = StandardParser(spec: spec)
            return try parser.parse(words)
        case .functionSelector:
            return try parseFunctionSelector(words, for: spec)
        }
    }

    // MARK: - Shared helpers

    /// Whether a word asks for help (rule 6).
    static func isHelp(_ word: String, spec: CommandSpec) -> Bool {
        switch word.lowercased() {
        case "/?", "-?", "--help": true
        case "-h", "/h": spec.helpAcceptsH
        default: false
        }
    }

    /// Whether a word asks for the version (rule 6).
    static func isVersion(_ word: String) -> Bool {
        word.lowercased() == "--version"
    }

    /// A word split into its option spelling and attached value.
    struct OptionWord {
        /// The spelling as typed, without the value (`/R`, `--retry`).
        var spelling: String
        /// The name without the prefix (`R`, `retry`).
        var name: String
        /// Whether it used the `--long-name` form.
        var isLong: Bool
        /// The text after the first `=` or `:`, if any.
        var attachedValue: String?
    }

    /// Splits a word that starts with `/` or `-`; nil for other words, `-`, `--` and `/` alone.
    static func optionWord(_ word: String) -> OptionWord? {
        let isLong = word.hasPrefix("--")
        guard isLong || word.hasPrefix("-") || word.hasPrefix("/") else { return nil }
        let body = word.dropFirst(isLong ? 2 : 1)
        guard !body.isEmpty else { return nil }
        let separator = body.firstIndex { $0 == "=" || $0 == ":" }
        let name = separator.map { String(body[..<$0]) } ?? String(body)
        let value = separator.map { String(body[body.index(after: $0)...]) }
        let spelling = String(word.prefix(isLong ? 2 : 1)) + name
        return OptionWord(spelling: spelling, name: name, isLong: isLong, attachedValue: value)
    }

    /// The option of `spec` that a split word names, case-insensitively.
    static func option(named word: OptionWord, in spec: CommandSpec) -> OptionSpec? {
        let name = word.name.lowercased()
        return spec.options.first { option in
            if word.isLong { return option.long.lowercased() == name }
            return option.slash?.lowercased() == name
        }
    }

    /// Checks and normalises an option value (rule 7): integers in range, choices lowercased.
    static func checkedValue(_ value: String, for option: OptionSpec, spelling: String) throws(UsageError) -> String {
        switch option.value {
        case .none:
            throw .valueOnFlag(option: spelling)
        case .integer(_, let range):
            guard !value.isEmpty, value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                throw .invalidValue(option: spelling, value: value, reason: "not an unsigned decimal number")
            }
            let allowed = "\(range.lowerBound)-\(range.upperBound)"
            guard let number = Int(value), range.contains(number) else {
                throw .valueOutOfRange(option: spelling, value: value, allowed: allowed)
            }
            return value
        case .choice(_, let choices):
            let lowered = value.lowercased()
            guard choices.contains(where: { $0.lowercased() == lowered }) else {
                let list = choices.joined(separator: ", ")
                throw .invalidValue(option: spelling, value: value, reason: "expected one of \(list)")
            }
            return lowered
        case .text:
            return value
        }
    }

    /// Records an option occurrence: the last wins unless the option is repeatable.
    static func record(_ value: String, for option: OptionSpec, in parsed: inout ParsedArguments) {
        if option.isRepeatable {
            parsed.options[option.key, default: []].append(value)
        } else {
            parsed.options[option.key] = [value]
        }
    }

    // MARK: - armsrvct (commands.md 2.27)

    /// Parses the armsrvct grammar: the first word selects the function.
    ///
    /// The function is an option of the spec (any case; slash, dash or long form); the later words are its
    /// parameters, kept verbatim as operands. `--json` is accepted anywhere.
    static func parseFunctionSelector(
        _ words: [String],
        for spec: CommandSpec
    ) throws(UsageError)
        -> ParsedArguments
    {
        var parsed = ParsedArguments()
        let json = spec.options.first { $0.long.lowercased() == "json" }
        var function: OptionSpec?
        for word in words {
            if ["--json", "/json", "-json"].contains(word.lowercased()) {
                guard let json else { throw .jsonNotSupported }
                record("", for: json, in: &parsed)
                continue
            }
            if function != nil {
                parsed.operands.append(word)
                continue
            }
            if isHelp(word, spec: spec) {
                parsed.wantsHelp = true
                return parsed
            }
            if isVersion(word) {
                parsed.wantsVersion = true
                return parsed
            }
            guard let split = optionWord(word), let selected = option(named: split, in: spec),
                selected.long.lowercased() != "json"
            else {
                throw .unknownOption(word)
            }
            if split.attachedValue != nil { throw .valueOnFlag(option: split.spelling) }
            record("", for: selected, in: &parsed)
            function = selected
        }
        guard function != nil else { throw .missingOperand("function") }
        return parsed
    }
}

/// The standard grammar of commands.md 1.2, one word at a time.
private struct StandardParser {
    let spec: CommandSpec
    var parsed = ParsedArguments()
    /// The first error; parsing goes on so that a later help word still wins (rule 6).
    var firstError: UsageError?
    /// Operand slots filled so far (a repeated slot counts once).
    var operandIndex = 0
    /// How many operands went into each slot.
    var filled: [Int]

    init(spec: CommandSpec) {
        self.spec = spec
        self.filled = Array(repeating: 0, count: spec.operands.count)
    }

    mutating func fail(_ error: UsageError) {
        if firstError == nil { firstError = error }
    }

    mutating func parse(_ words: [String]) throws(UsageError) -> ParsedArguments {
        var index = 0
        var optionsEnded = false
        wordLoop: while index < words.count {
            let word = words[index]
            index += 1
            if !optionsEnded {
                if word == "--" {
                    optionsEnded = true
                    continue
                }
                if OptionParser.isHelp(word, spec: spec) {
                    parsed.wantsHelp = true
                    continue
                }
                if OptionParser.isVersion(word) {
                    parsed.wantsVersion = true
                    continue
                }
                if let split = OptionParser.optionWord(word) {
                    if let option = OptionParser.option(named: split, in: spec) {
                        takeOption(option, split, words: words, index: &index)
                        continue
                    }
                    if split.name.lowercased() == "json" {
                        fail(.jsonNotSupported)
                        continue
                    }
                    if split.isLong || word.hasPrefix("-") {
                        fail(.unknownOption(word))
                        continue
                    }
                    // Rule 3: a `/` word that is no option of this command is an operand only where that
                    // operand may hold a path; elsewhere it is an unknown option (`armgstrt /X web`).
                    if !nextOperandMayHoldPath {
                        fail(.unknownOption(word))
                        continue
                    }
                }
            }
            switch placeOperand(word, isSlashWord: !optionsEnded && word.hasPrefix("/") && word.count > 1) {
            case .placed:
                continue
            case .tail:
                parsed.tail = Array(words[(index - 1)...])
                break wordLoop
            }
        }
        // Help and version need no valid command line (rule 6).
        if parsed.wantsHelp || parsed.wantsVersion { return parsed }
        if let firstError { throw firstError }
        try checkOperands()
        return parsed
    }

    /// Takes an option and its value (rule 2).
    mutating func takeOption(_ option: OptionSpec, _ split: OptionParser.OptionWord, words: [String], index: inout Int)
    {
        if case .none = option.value {
            if split.attachedValue != nil {
                fail(.valueOnFlag(option: split.spelling))
            } else {
                OptionParser.record("", for: option, in: &parsed)
            }
            return
        }
        let value: String
        if let attached = split.attachedValue {
            guard !attached.isEmpty else {
                fail(.missingValue(option: split.spelling))
                return
            }
            value = attached
        } else {
            guard index < words.count else {
                fail(.missingValue(option: split.spelling))
                return
            }
            value = words[index]
            index += 1
        }
        do {
            let checked = try OptionParser.checkedValue(value, for: option, spelling: split.spelling)
            OptionParser.record(checked, for: option, in: &parsed)
        } catch {
            fail(error)
        }
    }

    enum Placement {
        case placed
        case tail
    }

    /// Whether the operand slot the next word would fill may hold a path (commands.md 1.2 rule 3).
    var nextOperandMayHoldPath: Bool {
        operandIndex < spec.operands.count && spec.operands[operandIndex].mayHoldPath
    }

    /// Puts a word into the next operand slot, or reports that the tail starts here.
    mutating func placeOperand(_ word: String, isSlashWord: Bool) -> Placement {
        let operands = spec.operands
        while operandIndex < operands.count {
            let slot = operands[operandIndex]
            switch slot.kind {
            case .tail:
                return .tail
            case .repeated:
                place(word, in: slot)
                return .placed
            case .required, .optional:
                place(word, in: slot)
                operandIndex += 1
                return .placed
            }
        }
        // Rule 3: a `/` word with no operand to take it is an unknown option.
        fail(isSlashWord ? .unknownOption(word) : .unexpectedOperand(word))
        return .placed
    }

    /// Stores an operand; one with fixed words must be one of them and is stored lowercased, as option
    /// choices are.
    mutating func place(_ word: String, in slot: OperandSpec) {
        filled[operandIndex] += 1
        guard !slot.choices.isEmpty else {
            parsed.operands.append(word)
            return
        }
        let lowered = word.lowercased()
        if !slot.choices.contains(where: { $0.lowercased() == lowered }) {
            let list = slot.choices.joined(separator: ", ")
            fail(.invalidOperand(name: slot.name, value: word, reason: "expected one of \(list)"))
        }
        parsed.operands.append(lowered)
    }

    /// Missing required operands.
    func checkOperands() throws(UsageError) {
        for (slot, count) in zip(spec.operands, filled) where slot.kind == .required && count == 0 {
            throw .missingOperand(slot.name)
        }
    }
}
