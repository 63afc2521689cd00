/// Renders `--help` output from the command table (commands.md 1.2 rule 6; STYLE §2.1).
package enum HelpRenderer {
    /// Width the help text is filled to.
    static let width = 79
    /// Column where option and operand help starts.
    static let helpColumn = 32

    /// The usage text `CMD --help` prints on stdout.
    ///
    /// Synopsis, summary, options with their three spellings, ranges and defaults, operands and exit
    /// statuses. Plain ASCII, ends with a newline.
    package static func usage(_ spec: CommandSpec) -> String {
        var out: [String] = []
        for (index, line) in spec.synopsis.enumerated() {
            let lead = index == 0 ? "Usage: " : "       "
            out.append(lead + [spec.name, line].filter { !$0.isEmpty }.joined(separator: " "))
        }
        out += PlainText.wrap(PlainText.sentence(spec.summary), width: width, firstLineColumn: 0, indent: 0)

        out.append("")
        out.append("Options:")
        for option in spec.options {
            out += entry(label: optionLabel(option), help: optionHelp(option))
        }
        let definesHelp = spec.options.contains { $0.long == "help" }
        if !definesHelp {
            let helpSpellings = spec.helpAcceptsH ? "/?, -?, -h, --help" : "/?, -?, --help"
            out += entry(label: helpSpellings, help: "Show this help and exit.")
        }
        if !spec.options.contains(where: { $0.long == "version" }) {
            out += entry(label: "--version", help: "Show the version and exit.")
        }

        if !spec.operands.isEmpty {
            out.append("")
            out.append("Operands:")
            for operand in spec.operands {
                out += entry(label: operandLabel(operand), help: operandHelp(operand))
            }
        }

        out.append("")
        out.append("Exit status:")
        for note in spec.exitStatuses {
            let code = String(note.status.rawValue)
            let label = String(repeating: " ", count: max(0, 3 - code.count)) + code + "  " + note.status.specName
            out += entry(label: label, help: note.meaning.isEmpty ? note.status.genericMeaning : note.meaning)
        }
        for other in spec.otherExitCodes {
            out += entry(
                label: String(repeating: " ", count: max(0, 3 - other.code.count)) + other.code,
                help: other.meaning
            )
        }

        out.append("")
        out.append("See \(spec.name)(\(spec.manSection)) for details.")
        return PlainText.ascii(out.joined(separator: "\n")) + "\n"
    }

    /// What `armtool` alone or `armtool --help` prints: every command with its purpose (commands.md 3).
    /// - Parameter isImplemented: Whether a command is built (the command table in ArmCommands knows).
    /// - Returns: The listing.
    package static func commandList(isImplemented: (CommandSpec) -> Bool) -> String {
        var out: [String] = [
            "Usage: armtool COMMAND [argument...]",
            "       COMMAND [argument...]   (through the link named COMMAND)",
            PlainText.sentence("ArmCluster \(ArmVersion.string): high-availability cluster commands"),
            "",
            "Commands:",
        ]
        let width = (CommandSpec.all.map(\.name.count).max() ?? 8) + 2
        func row(_ spec: CommandSpec) -> [String] {
            // Issue 8: say which commands only parse their options so far (they answer exit 9).
            let summary = isImplemented(spec) ? spec.summary : spec.summary + " " + notImplementedMark
            let lines = PlainText.wrap(summary, width: self.width, firstLineColumn: 2 + width, indent: 2 + width)
            return lines.enumerated().map { $0.offset == 0 ? "  " + pad(spec.name, width) + $0.element : $0.element }
        }
        for spec in CommandSpec.all where spec.isArmtoolCommand { out += row(spec) }
        out.append("")
        out.append("Separate programs:")
        for spec in CommandSpec.all where !spec.isArmtoolCommand { out += row(spec) }
        out.append("")
        out.append("\(notImplementedMark): parses its options, then exits 9 with 'not implemented yet'.")
        out.append("Run 'COMMAND --help' for its options, or 'man COMMAND'; 'man armcluster' for the concepts.")
        return PlainText.ascii(out.joined(separator: "\n")) + "\n"
    }

    /// The mark after the purpose of a command that is not implemented yet (`armtool --help`).
    package static let notImplementedMark = "[not yet]"

    /// `/R, -R, --retry=retry`; `--json`.
    package static func optionLabel(_ option: OptionSpec) -> String {
        var spellings = option.spellings
        if let placeholder = option.placeholder, let last = spellings.popLast() {
            spellings.append(last + "=" + placeholder)
        }
        return spellings.joined(separator: ", ")
    }

    private static func optionHelp(_ option: OptionSpec) -> String {
        var notes: [String] = []
        switch option.value {
        case .none, .text: break
        case .integer(_, let range): notes.append("\(range.lowerBound)-\(range.upperBound)")
        case .choice(_, let words): notes.append(words.joined(separator: "|"))
        }
        if !option.defaultText.isEmpty { notes.append("default: " + option.defaultText) }
        if option.isRepeatable { notes.append("repeatable") }
        guard !notes.isEmpty else { return option.help }
        let sentence = option.help.hasSuffix(".") ? String(option.help.dropLast()) : option.help
        return sentence + " (" + notes.joined(separator: "; ") + ")."
    }

    private static func operandLabel(_ operand: OperandSpec) -> String {
        switch operand.kind {
        case .required: operand.name
        case .optional: "[" + operand.name + "]"
        case .repeated: "[" + operand.name + "...]"
        case .tail: operand.name + " ..."
        }
    }

    private static func operandHelp(_ operand: OperandSpec) -> String {
        var help = operand.help
        if !operand.choices.isEmpty {
            let words = "One of: " + operand.choices.joined(separator: ", ") + "."
            help = help.isEmpty ? words : help + " " + words
        }
        return help
    }

    /// One table row: the label at column 2, the help from `helpColumn`, on the next line if the label is wide.
    private static func entry(label: String, help: String) -> [String] {
        let lead = "  " + label
        guard !help.isEmpty else { return [lead] }
        let indent = String(repeating: " ", count: helpColumn)
        if lead.count + 2 > helpColumn {
            let body = PlainText.wrap(help, width: width, firstLineColumn: helpColumn, indent: helpColumn)
            return [lead] + body.enumerated().map { $0.offset == 0 ? indent + $0.element : $0.element }
        }
        let body = PlainText.wrap(help, width: width, firstLineColumn: helpColumn, indent: helpColumn)
        return body.enumerated().map { $0.offset == 0 ? pad(lead, helpColumn) + $0.element : $0.element }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
